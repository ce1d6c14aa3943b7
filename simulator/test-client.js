'use strict';

// What the simulator's own tests (simulator/test/) share: the demo seed's IDs, a client for its
// token endpoint and API, and the lifecycle of one demo simulator per test file. It lives outside
// simulator/test/ because `node --test simulator/test/` runs every file in that folder as a test.

const { before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('.');
const { DEMO_IDS } = require('./seed/demoIds');

/** POSTs a client-credentials form to the token endpoint; `{status, body}`. Defaults: the demo app on /acme. */
async function requestToken(sim, { path = '/acme/identity_/connect/token', clientId = 'n8n-demo', secret = 'demo-client-secret', scope } = {}) {
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
	if (scope !== undefined) form.set('scope', scope);
	const response = await fetch(sim.url + path, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** An access token; fails the test unless the token endpoint answers 200. */
async function accessToken(sim, options) {
	const { status, body } = await requestToken(sim, options);
	assert.equal(status, 200, JSON.stringify(body));
	return body.access_token;
}

/** Calls `{base}{apiPath}` (JSON body when given); `{status, headers, text, body}`. */
async function callApi(sim, method, apiPath, { bearer, body, base = '/acme/identity_' } = {}) {
	const response = await fetch(`${sim.url}${base}${apiPath}`, {
		method,
		headers: {
			...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
			...(body !== undefined ? { 'content-type': 'application/json' } : {}),
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
}

/**
 * Registers the hooks of a test file: one simulator with the demo seed for the file, back to the
 * seed before every test, and after every test no answer that broke the contract
 * (test/contract/identity-api.yaml), whatever the test sent. `sim` is set once `before` ran;
 * `token`, `accessToken` and `api` call it.
 */
function useDemoSimulator() {
	const demo = {
		sim: undefined,
		token: (options) => requestToken(demo.sim, options),
		accessToken: (options) => accessToken(demo.sim, options),
		api: (method, apiPath, options) => callApi(demo.sim, method, apiPath, options),
	};
	before(async () => {
		demo.sim = await startSimulator({ port: 0, maxLifetimeMs: 5 * 60 * 1000 });
	});
	after(async () => {
		await demo.sim.stop();
	});
	beforeEach(() => {
		demo.sim.reset();
	});
	afterEach(() => {
		const answers = demo.sim.contractViolations().filter((violation) => violation.direction === 'response');
		assert.deepEqual(answers, []);
	});
	return demo;
}

module.exports = { DEMO_IDS, requestToken, accessToken, callApi, useDemoSimulator };
