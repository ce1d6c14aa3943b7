'use strict';

// One HTTP request through the simulator: control endpoints, then the request log entry, the
// contract check, injected faults, and the Identity endpoints (token, discovery, API).

const { HttpError, notFound, readBody, send } = require('./http');
const { identityTarget, requestKind } = require('./identityPath');
const { callApi } = require('./api');
const { handleControl } = require('./control');
const { redactBody } = require('./redact');

// A fault's delay is capped so a mistyped one cannot hold a test (or the server) for hours.
const MAX_DELAY_MS = 60000;

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_DELAY_MS)));
}

/** The query as the log shows it: one value per key, or the list when a key repeats. */
function queryObject(searchParams) {
	return Object.fromEntries(
		[...new Set(searchParams.keys())].map((key) => {
			const values = searchParams.getAll(key);
			return [key, values.length > 1 ? values : values[0]];
		}),
	);
}

/**
 * @param {object} sim the running simulator's parts: state, log, faults, contract, tokens,
 *   apiShapes, reset, and `control` (serve /__control/)
 * @returns {(req, res) => Promise<void>}
 */
function createRequestHandler(sim) {
	function answerControl(res, method, pathname, query, rawBody) {
		if (!sim.control) return send(res, 404, undefined);
		try {
			const result = handleControl(sim, method, pathname, query, rawBody);
			return send(res, result.status, result.body);
		} catch (error) {
			if (error instanceof HttpError) return send(res, error.status, error.body);
			return send(res, 400, { error: String(error.message) });
		}
	}

	/** The Identity endpoints: token, discovery document and API. */
	function answerIdentity(req, method, target, requestUrl, rawBody, token, entry) {
		if (!target) throw notFound();
		if (target.rest === '/connect/token') {
			if (method !== 'POST') throw new HttpError(405, undefined);
			if (!/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] || '')) {
				throw new HttpError(400, { error: 'invalid_request' });
			}
			const issued = sim.tokens.issueToken(target, new URLSearchParams(rawBody), req.headers);
			entry.clientId = issued.clientId;
			entry.issuedTokenId = issued.tokenId;
			return { status: 200, body: issued.body, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
		}
		if (target.rest === '/.well-known/openid-configuration' && method === 'GET') {
			return { status: 200, body: sim.tokens.discovery(target) };
		}
		if (target.rest.startsWith('/api/')) {
			return callApi(sim, target, method, target.rest.slice(4), requestUrl.searchParams, rawBody, token);
		}
		throw notFound();
	}

	return async function handle(req, res) {
		const started = Date.now();
		const requestUrl = new URL(req.url, 'http://simulator.invalid');
		const pathname = requestUrl.pathname;
		const method = req.method.toUpperCase();
		let rawBody = '';
		try {
			rawBody = await readBody(req);
		} catch (error) {
			send(res, error.status || 400, error.body);
			return;
		}

		if (pathname.startsWith('/__control/')) return answerControl(res, method, pathname, requestUrl.searchParams, rawBody);

		const entry = {
			seq: sim.log.nextSeq(),
			at: new Date(started).toISOString(),
			method,
			path: pathname,
			query: queryObject(requestUrl.searchParams),
			kind: 'other',
			body: redactBody(rawBody, req.headers['content-type']),
			status: null,
		};
		const target = identityTarget(pathname);
		if (target) {
			entry.kind = requestKind(target);
			entry.shape = target.shape;
		}
		const finish = (status, body, headers) => {
			entry.status = status;
			entry.durationMs = Date.now() - started;
			sim.log.record(entry);
			send(res, status, body, headers);
		};

		const token = sim.tokens.bearer(req.headers);
		if (token) entry.tokenId = token.jti;
		// Every API request is checked, whatever the answer will be; answers are checked below.
		const checked = sim.contract && entry.kind === 'api' ? sim.contract.checkRequest(entry, target.rest, requestUrl.searchParams, rawBody, req.headers['content-type']) : undefined;

		const fault = sim.faults.take(method, pathname);
		if (fault) {
			entry.fault = fault.id;
			if (fault.delayMs) await sleep(fault.delayMs);
			if (fault.drop) {
				entry.dropped = true;
				entry.durationMs = Date.now() - started;
				sim.log.record(entry);
				req.socket.destroy();
				return;
			}
			if (token && fault.expireToken) token.expiresAt = Math.min(token.expiresAt, Date.now() - 1);
			if (token && fault.revokeToken) token.revoked = true;
			if (fault.status) {
				const headers = { ...fault.headers };
				if (fault.retryAfter !== undefined && fault.retryAfter !== null) headers['Retry-After'] = String(fault.retryAfter);
				// A fault is a deliberately hostile answer: it is not checked against the contract.
				return finish(fault.status, fault.body, headers);
			}
		}

		try {
			const answer = answerIdentity(req, method, target, requestUrl, rawBody, token, entry);
			if (checked) sim.contract.checkResponse(entry, checked, answer.status, answer.body);
			return finish(answer.status, answer.body, answer.headers);
		} catch (error) {
			if (error instanceof HttpError) {
				if (checked) sim.contract.checkResponse(entry, checked, error.status, error.body);
				if (entry.kind === 'token' && error.body && error.body.error) entry.oauthError = error.body.error;
				return finish(error.status, error.body, error.headers);
			}
			return finish(500, { message: 'An error has occurred.', detail: String(error && error.message) });
		}
	};
}

module.exports = { createRequestHandler };
