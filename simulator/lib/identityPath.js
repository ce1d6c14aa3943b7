'use strict';

// Which Identity root a request path addresses. UiPath answers the same API under three URL
// shapes (reference 1.2): `/{org}/identity_` (cloud), `/identity_` (Automation Suite host level)
// and `/identity` (standalone Orchestrator).

/** Splits a request path into identity root and the rest, or undefined when it is not Identity. */
function identityTarget(pathname) {
	let match = /^\/identity_(\/.*)?$/i.exec(pathname);
	if (match) return { shape: 'hostLevel', orgSegment: null, root: '/identity_', rest: match[1] || '/' };
	match = /^\/identity(\/.*)?$/i.exec(pathname);
	if (match) return { shape: 'standalone', orgSegment: null, root: '/identity', rest: match[1] || '/' };
	match = /^\/([^/]+)\/identity_(\/.*)?$/i.exec(pathname);
	if (match) {
		return { shape: 'organization', orgSegment: decodeURIComponent(match[1]), root: `/${match[1]}/identity_`, rest: match[2] || '/' };
	}
	return undefined;
}

/** The request log's `kind` of a request: 'token', 'api' or 'other'. */
function requestKind(target) {
	if (target.rest === '/connect/token') return 'token';
	return target.rest.startsWith('/api/') ? 'api' : 'other';
}

module.exports = { identityTarget, requestKind };
