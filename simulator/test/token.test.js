'use strict';

// The token endpoint (reference 2.3–2.5) and the bearer, organization and scope checks every API call passes.
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('..');
const jwt = require('../lib/jwt');
const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ORG, OTHER_ORG, ALICE } = DEMO_IDS;
const demo = useDemoSimulator();
const { token, accessToken, api } = demo;

describe('token endpoint', () => {
	it('issues a JWT with prt_id, expiry and the requested scopes on every URL shape', async () => {
		for (const tokenPath of ['/acme/identity_/connect/token', `/${ORG}/identity_/connect/token`, '/identity_/connect/token', '/identity/connect/token']) {
			const { status, body } = await token({ path: tokenPath, scope: 'PM.User PM.Group' });
			assert.equal(status, 200, tokenPath);
			assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
			assert.equal(body.token_type, 'Bearer');
			assert.equal(body.expires_in, 3600);
			assert.equal(body.scope, 'PM.User PM.Group');
			const claims = jwt.decode(body.access_token);
			assert.equal(claims.prt_id, ORG);
			assert.deepEqual(claims.scope, ['PM.User', 'PM.Group']);
			assert.equal(claims.exp - claims.iat, 3600);
		}
	});

	it('grants all scopes of the app when none are requested', async () => {
		const { body } = await token({});
		assert.equal(body.scope, 'PM.User PM.Group PM.RobotAccount PM.Setting PM.Directory PM.UserLoginAttempt');
	});

	it('answers invalid_client for a wrong secret, an unknown client or another organization', async () => {
		assert.deepEqual(await token({ secret: 'nope' }), { status: 400, body: { error: 'invalid_client' } });
		assert.deepEqual(await token({ clientId: 'ghost' }), { status: 400, body: { error: 'invalid_client' } });
		assert.deepEqual(await token({ path: '/globex/identity_/connect/token' }), { status: 400, body: { error: 'invalid_client' } });
	});

	it('answers invalid_scope for a scope that was not granted', async () => {
		assert.deepEqual(await token({ scope: 'PM.User offline_access' }), { status: 400, body: { error: 'invalid_scope' } });
	});

	it('answers unsupported_grant_type and 404 for an unknown organization', async () => {
		const response = await fetch(`${demo.sim.url}/identity_/connect/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=password&client_id=n8n-demo&client_secret=demo-client-secret',
		});
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), { error: 'unsupported_grant_type' });
		assert.equal((await token({ path: '/nowhere/identity_/connect/token' })).status, 404);
	});

	it('accepts client credentials in a Basic header', async () => {
		const response = await fetch(`${demo.sim.url}/identity_/connect/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from('n8n-demo:demo-client-secret').toString('base64')}`,
			},
			body: 'grant_type=client_credentials',
		});
		assert.equal(response.status, 200);
	});

	it('serves OpenID discovery for each identity root', async () => {
		const response = await fetch(`${demo.sim.url}/identity/.well-known/openid-configuration`);
		const body = await response.json();
		assert.equal(body.token_endpoint, `${demo.sim.url}/identity/connect/token`);
	});
});

describe('bearer and scope checks', () => {
	it('answers 401 without, with a forged, an expired or a revoked token', async () => {
		assert.equal((await api('GET', `/api/User/${ALICE}`)).status, 401);
		const good = await accessToken();
		const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: forged })).status, 401);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: good })).status, 200);
		demo.sim.expireTokens();
		const expired = await api('GET', `/api/User/${ALICE}`, { bearer: good });
		assert.equal(expired.status, 401);
		assert.equal(expired.text, '');
		assert.match(expired.headers.get('www-authenticate'), /invalid_token/);
		const fresh = await accessToken();
		demo.sim.revokeTokens('n8n-demo');
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: fresh })).status, 401);
	});

	it('expires tokens after expires_in', async () => {
		const short = await startSimulator({ tokenLifetimeSeconds: 1, maxLifetimeMs: 60000 });
		try {
			const form = 'grant_type=client_credentials&client_id=n8n-demo&client_secret=demo-client-secret';
			const issued = await (await fetch(`${short.url}/identity_/connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json();
			assert.equal(issued.expires_in, 1);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const response = await fetch(`${short.url}/identity_/api/User/${ALICE}`, { headers: { authorization: `Bearer ${issued.access_token}` } });
			assert.equal(response.status, 401);
		} finally {
			await short.stop();
		}
	});

	it('answers 403 with the UiPath errorMessage when the scope is missing', async () => {
		const bearer = await accessToken({ scope: 'PM.Group' });
		const response = await api('GET', `/api/User/${ALICE}`, { bearer });
		assert.equal(response.status, 403);
		assert.deepEqual(response.body, { errorMessage: "Scope(s) 'PM.Group' is(are) invalid. Expect to have 'PM.User' or 'PM.User.Read'. " });
	});

	it('lets .Read scopes read but not write', async () => {
		const bearer = await accessToken({ clientId: 'n8n-readonly', secret: 'readonly-client-secret' });
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
		const write = await api('PUT', `/api/User/${ALICE}`, { bearer, body: { isActive: false } });
		assert.equal(write.status, 403);
		assert.match(write.body.errorMessage, /Expect to have 'PM.User' or 'PM.User.Write'/);
	});

	it('refuses another organization in the URL or in partitionGlobalId', async () => {
		const bearer = await accessToken();
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer, base: '/globex/identity_' })).status, 403);
		assert.equal((await api('GET', `/api/User/users/${OTHER_ORG}`, { bearer })).status, 403);
		const notGuid = await api('GET', '/api/User/users/acme', { bearer });
		assert.equal(notGuid.status, 400);
		assert.deepEqual(notGuid.body.errors, { partitionGlobalId: ["The value 'acme' is not valid."] });
	});

	it('serves the API under /{org}/identity_, /{orgId}/identity_, /identity_ and /identity', async () => {
		const bearer = await accessToken();
		for (const base of ['/acme/identity_', `/${ORG}/identity_`, '/identity_', '/identity']) {
			assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer, base })).status, 200, base);
		}
	});
});
