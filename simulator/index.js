'use strict';

// UiPath Identity simulator: a dependency-free HTTP server on 127.0.0.1 that answers like UiPath
// Identity Server for every deployment URL shape (reference: uipath-identity-api.md). It serves the
// `npm start` demo and the end-to-end tests. Documentation: docs/simulator.md.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const crypto = require('node:crypto');

const { HttpError, notFound, scopeRejected, forbidden, readBody, send } = require('./lib/http');
const { buildState, findOrganization, userDto, groupDto, robotAccountDto, settingDto, clone } = require('./lib/store');
const { matchRoute } = require('./lib/api');
const { createTokenService } = require('./lib/token');
const { FaultList } = require('./lib/faults');
const { redactBody } = require('./lib/redact');
const { ContractCheck } = require('./lib/contract');

const DEMO_SEED = path.join(__dirname, 'seed', 'demo.json');
const MAX_LOG_ENTRIES = 10000;
const MAX_DELAY_MS = 60000;

function loadSeed(seed) {
	if (seed === undefined || seed === null) seed = DEMO_SEED;
	if (typeof seed === 'string') return JSON.parse(fs.readFileSync(seed, 'utf8'));
	return clone(seed);
}

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

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_DELAY_MS)));
}

/**
 * Starts the simulator.
 * @param {object} [options]
 * @param {number} [options.port=0] TCP port; 0 picks a free one.
 * @param {string|object} [options.seed] Seed file path or object; defaults to seed/demo.json.
 * @param {boolean} [options.control=true] Serve the test-only /__control endpoints.
 * @param {number} [options.maxLifetimeMs=3600000] Stops by itself after this long (0 = never).
 * @param {number} [options.tokenLifetimeSeconds] Overrides the seed's token lifetime.
 * @param {(line: string) => void} [options.onRequest] Receives one line per request (no bodies).
 * @param {boolean} [options.contract=true] Check every API request and answer against test/contract/identity-api.yaml.
 * @param {string[]} [options.apiShapes] Serve the API only on these URL shapes ('organization', 'hostLevel', 'standalone'), 404 elsewhere; tokens stay everywhere. Models Automation Suite clusters that answer one form only.
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>}>} plus inspection helpers.
 */
async function startSimulator(options = {}) {
	const host = '127.0.0.1';
	const seed = loadSeed(options.seed);
	let state = buildState(seed);
	if (options.tokenLifetimeSeconds) state.tokenLifetimeSeconds = Number(options.tokenLifetimeSeconds);
	const control = options.control !== false;
	const signingKey = crypto.randomBytes(32);
	const tokens = new Map();
	const faults = new FaultList();
	const contract = options.contract === false ? undefined : new ContractCheck();
	let log = [];
	let sequence = 0;
	let url = '';

	function record(entry) {
		log.push(entry);
		if (log.length > MAX_LOG_ENTRIES) log = log.slice(-MAX_LOG_ENTRIES);
		if (options.onRequest) {
			options.onRequest(`${entry.method} ${entry.path} -> ${entry.status ?? 'dropped'}${entry.fault ? ` (fault ${entry.fault})` : ''}`);
		}
	}

	const { issueToken, bearer, tokenIsValid, discovery, tokenList, changeTokens } = createTokenService({
		getState: () => state,
		getUrl: () => url,
		signingKey,
		tokens,
	});

	// ---- API (reference 4) ----

	function callApi(target, method, apiPath, query, rawBody, token) {
		if (options.apiShapes && !options.apiShapes.includes(target.shape)) throw notFound();
		const matched = matchRoute(method, apiPath);
		if (!matched) throw notFound();
		if (matched.methodNotAllowed) throw new HttpError(405, undefined);
		if (!tokenIsValid(token)) throw new HttpError(401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
		const org = state.organizations.get(token.organizationId);
		if (!org) throw new HttpError(401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
		if (target.orgSegment) {
			const urlOrg = findOrganization(state, target.orgSegment);
			if (!urlOrg) throw notFound();
			if (urlOrg.id !== org.id) throw forbidden(`The organization '${target.orgSegment}' does not match the organization of the access token.`);
		}
		const family = matched.route.scope;
		const direction = method === 'GET' ? 'Read' : 'Write';
		const parent = `PM.${family}`;
		if (!token.scopes.includes(parent) && !token.scopes.includes(`${parent}.${direction}`)) {
			throw scopeRejected(token.scopes, parent, `${parent}.${direction}`);
		}
		return matched.route.handler({ state, org, token, query, rawBody, shape: target.shape }, matched.params);
	}

	// ---- Control endpoints (tests only) ----

	function stateSnapshot() {
		return {
			organizations: [...state.organizations.values()].map((org) => ({
				id: org.id,
				name: org.name,
				users: [...org.users.values()].map((user) => ({ ...userDto(user), hasPassword: user.password !== null, extensionUserAttributes: { ...user.extensionUserAttributes } })),
				groups: [...org.groups.values()].map(groupDto),
				robotAccounts: [...org.robotAccounts.values()].map(robotAccountDto),
				settings: org.settings.map(settingDto),
			})),
			clients: [...state.clients.values()].map((client) => ({ clientId: client.clientId, organizationId: client.organizationId, scopes: [...client.scopes] })),
		};
	}

	function verifyPassword(userId, password) {
		for (const org of state.organizations.values()) {
			const user = org.users.get(String(userId).toLowerCase());
			if (user) return user.password !== null && user.password === password;
		}
		return false;
	}

	function reset() {
		state = buildState(loadSeed(options.seed));
		if (options.tokenLifetimeSeconds) state.tokenLifetimeSeconds = Number(options.tokenLifetimeSeconds);
		tokens.clear();
		faults.clear();
		if (contract) contract.clear();
		log = [];
		sequence = 0;
	}

	function handleControl(method, pathname, query, rawBody) {
		const body = rawBody ? JSON.parse(rawBody) : {};
		const route = `${method} ${pathname.replace(/\/+$/, '')}`;
		switch (route) {
			case 'GET /__control/health':
				return { status: 200, body: { ok: true } };
			case 'GET /__control/log': {
				const since = Number(query.get('since') || 0);
				return { status: 200, body: { entries: log.filter((entry) => entry.seq > since) } };
			}
			case 'DELETE /__control/log':
				log = [];
				return { status: 204 };
			case 'GET /__control/faults':
				return { status: 200, body: { faults: faults.list() } };
			case 'POST /__control/faults': {
				const list = Array.isArray(body) ? body : [body];
				return { status: 201, body: { faults: list.map((definition) => faults.add(definition)) } };
			}
			case 'DELETE /__control/faults':
				faults.clear();
				return { status: 204 };
			case 'GET /__control/contract-violations':
				return { status: 200, body: { enabled: Boolean(contract), violations: contract ? contract.list() : [] } };
			case 'DELETE /__control/contract-violations':
				if (contract) contract.clear();
				return { status: 204 };
			case 'GET /__control/tokens':
				return { status: 200, body: { tokens: tokenList() } };
			case 'POST /__control/tokens': {
				if (!['expire', 'revoke'].includes(body.action)) throw new HttpError(400, { error: 'action must be expire or revoke' });
				return { status: 200, body: { affected: changeTokens(body.action, body.clientId) } };
			}
			case 'POST /__control/reset':
				reset();
				return { status: 204 };
			case 'GET /__control/state':
				return { status: 200, body: stateSnapshot() };
			case 'POST /__control/verify-password':
				return { status: 200, body: { matches: verifyPassword(body.userId, body.password) } };
			default:
				throw notFound();
		}
	}

	// ---- Dispatch ----

	async function handle(req, res) {
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

		if (pathname.startsWith('/__control/')) {
			if (!control) return send(res, 404, undefined);
			try {
				const result = handleControl(method, pathname, requestUrl.searchParams, rawBody);
				return send(res, result.status, result.body);
			} catch (error) {
				if (error instanceof HttpError) return send(res, error.status, error.body);
				return send(res, 400, { error: String(error.message) });
			}
		}

		const entry = {
			seq: ++sequence,
			at: new Date(started).toISOString(),
			method,
			path: pathname,
			query: Object.fromEntries([...new Set(requestUrl.searchParams.keys())].map((key) => {
				const values = requestUrl.searchParams.getAll(key);
				return [key, values.length > 1 ? values : values[0]];
			})),
			kind: 'other',
			body: redactBody(rawBody, req.headers['content-type']),
			status: null,
		};
		const finish = (status, body, headers) => {
			entry.status = status;
			entry.durationMs = Date.now() - started;
			record(entry);
			send(res, status, body, headers);
		};

		const target = identityTarget(pathname);
		if (target) {
			entry.kind = target.rest === '/connect/token' ? 'token' : target.rest.startsWith('/api/') ? 'api' : 'other';
			entry.shape = target.shape;
		}
		const token = bearer(req.headers);
		if (token) entry.tokenId = token.jti;
		// Every API request is checked, whatever the answer will be; answers are checked in finish().
		const checked = contract && entry.kind === 'api' ? contract.checkRequest(entry, target.rest, requestUrl.searchParams, rawBody, req.headers['content-type']) : undefined;

		const fault = faults.take(method, pathname);
		if (fault) {
			entry.fault = fault.id;
			if (fault.delayMs) await sleep(fault.delayMs);
			if (fault.drop) {
				entry.dropped = true;
				entry.durationMs = Date.now() - started;
				record(entry);
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
			if (!target) throw notFound();
			if (target.rest === '/connect/token') {
				if (method !== 'POST') throw new HttpError(405, undefined);
				if (!/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] || '')) {
					throw new HttpError(400, { error: 'invalid_request' });
				}
				const issued = issueToken(target, new URLSearchParams(rawBody), req.headers);
				entry.clientId = issued.clientId;
				entry.issuedTokenId = issued.tokenId;
				return finish(200, issued.body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
			}
			if (target.rest === '/.well-known/openid-configuration' && method === 'GET') {
				return finish(200, discovery(target));
			}
			if (target.rest.startsWith('/api/')) {
				const result = callApi(target, method, target.rest.slice(4), requestUrl.searchParams, rawBody, token);
				if (checked) contract.checkResponse(entry, checked, result.status, result.body);
				return finish(result.status, result.body);
			}
			throw notFound();
		} catch (error) {
			if (error instanceof HttpError) {
				if (checked) contract.checkResponse(entry, checked, error.status, error.body);
				if (entry.kind === 'token' && error.body && error.body.error) entry.oauthError = error.body.error;
				return finish(error.status, error.body, error.headers);
			}
			return finish(500, { message: 'An error has occurred.', detail: String(error && error.message) });
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) send(res, 500, { message: 'An error has occurred.' });
		});
	});
	server.requestTimeout = 30000;
	server.headersTimeout = 20000;
	server.keepAliveTimeout = 5000;
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = server.address().port;
	url = `http://${host}:${port}`;

	let stopped;
	const stop = () => {
		if (!stopped) {
			clearTimeout(lifetimeTimer);
			stopped = new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			if (options.onStop) stopped.then(() => options.onStop());
		}
		return stopped;
	};
	const maxLifetimeMs = options.maxLifetimeMs === undefined ? 60 * 60 * 1000 : Number(options.maxLifetimeMs);
	const lifetimeTimer = maxLifetimeMs > 0 ? setTimeout(stop, maxLifetimeMs) : undefined;
	if (lifetimeTimer) lifetimeTimer.unref();

	return {
		url,
		port,
		stop,
		/** Copies of the request log entries (secrets redacted), optionally after sequence `since`. */
		log: (since = 0) => clone(log.filter((entry) => entry.seq > since)),
		clearLog: () => {
			log = [];
		},
		lastSeq: () => sequence,
		addFault: (definition) => faults.add(definition),
		clearFaults: () => faults.clear(),
		faults: () => faults.list(),
		expireTokens: (clientId) => changeTokens('expire', clientId),
		revokeTokens: (clientId) => changeTokens('revoke', clientId),
		tokens: tokenList,
		verifyPassword,
		/** Contract violations of requests and answers since the start, the last reset or clear. */
		contractViolations: () => (contract ? contract.list() : []),
		clearContractViolations: () => contract && contract.clear(),
		snapshot: stateSnapshot,
		reset,
	};
}

module.exports = { startSimulator, DEMO_SEED };
