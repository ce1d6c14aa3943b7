'use strict';

// The Identity API endpoints of reference sections 4.1–4.5, relative to an Identity API base
// (`/{org}/identity_`, `/identity_` or `/identity`), one module per resource like the node's
// actions/ folders. Each route names the scope family it needs; callApi checks bearer token,
// organization and scope before calling the handler. The contract of every route is
// test/contract/identity-api.yaml.

const { HttpError, notFound, scopeRejected, forbidden } = require('../http');
const { findOrganization } = require('../store');
const user = require('./user');
const group = require('./group');
const robotAccount = require('./robotAccount');
const directory = require('./directory');
const setting = require('./setting');

/** [method, path regex relative to /api, scope family, handler]. ASP.NET routes ignore case. */
const ROUTES = [...user.routes, ...group.routes, ...robotAccount.routes, ...directory.routes, ...setting.routes].map(
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

const INVALID_TOKEN = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };

/**
 * Answers an API request (reference 5.1: 404, 405, 401, organization 403, scope 403, then the
 * handler) as `{status, body}`; a refusal is thrown as HttpError.
 * @param {object} sim the running simulator's state, tokens and `apiShapes`
 * @param {object} target the request's identityTarget()
 * @param {string} apiPath the path after `/api`
 * @param {object} [token] the bearer token record of the request
 */
function callApi(sim, target, method, apiPath, query, rawBody, token) {
	if (sim.apiShapes && !sim.apiShapes.includes(target.shape)) throw notFound();
	const matched = matchRoute(method, apiPath);
	if (!matched) throw notFound();
	if (matched.methodNotAllowed) throw new HttpError(405, undefined);
	if (!sim.tokens.tokenIsValid(token)) throw new HttpError(401, undefined, INVALID_TOKEN);
	const org = sim.state.organizations.get(token.organizationId);
	if (!org) throw new HttpError(401, undefined, INVALID_TOKEN);
	if (target.orgSegment) {
		const urlOrg = findOrganization(sim.state, target.orgSegment);
		if (!urlOrg) throw notFound();
		if (urlOrg.id !== org.id) throw forbidden(`The organization '${target.orgSegment}' does not match the organization of the access token.`);
	}
	const family = matched.route.scope;
	const direction = method === 'GET' ? 'Read' : 'Write';
	const parent = `PM.${family}`;
	if (!token.scopes.includes(parent) && !token.scopes.includes(`${parent}.${direction}`)) {
		throw scopeRejected(token.scopes, parent, `${parent}.${direction}`);
	}
	return matched.route.handler({ state: sim.state, org, token, query, rawBody, shape: target.shape }, matched.params);
}

module.exports = { matchRoute, callApi, ROUTES };
