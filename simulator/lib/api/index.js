'use strict';

// The Identity API endpoints of reference sections 4.1–4.5, relative to an Identity API base
// (`/{org}/identity_`, `/identity_` or `/identity`), one module per resource like the node's
// actions/ folders. Each route names the scope family it needs; the server checks bearer token and
// scope before calling the handler. The contract of every route is test/contract/identity-api.yaml.

const users = require('./users');
const groups = require('./groups');
const robotAccounts = require('./robotAccounts');
const directory = require('./directory');
const settings = require('./settings');

/** [method, path regex relative to /api, scope family, handler]. ASP.NET routes ignore case. */
const ROUTES = [...users.routes, ...groups.routes, ...robotAccounts.routes, ...directory.routes, ...settings.routes].map(
	([method, pattern, scope, handler]) => ({ method, pattern: new RegExp(pattern, 'i'), scope, handler }),
);

/** Finds the route for `/api/...` (path after `/api`). `{ route, params }`, `{ methodNotAllowed }` or undefined. */
function matchRoute(method, apiPath) {
	let pathMatched = false;
	for (const route of ROUTES) {
		const match = route.pattern.exec(apiPath);
		if (!match) continue;
		pathMatched = true;
		if (route.method === method) return { route, params: match.slice(1).map(decodeURIComponent) };
	}
	return pathMatched ? { methodNotAllowed: true } : undefined;
}

module.exports = { matchRoute, ROUTES };
