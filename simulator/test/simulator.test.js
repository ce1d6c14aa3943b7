'use strict';

// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { spawn } = require('node:child_process');
const path = require('node:path');

const { startSimulator } = require('..');
const jwt = require('../lib/jwt');

const ORG = '4f7c2e1a-9b3d-4c5e-8a6f-1d2e3f4a5b6c';
const OTHER_ORG = '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0';
const ALICE = 'a1c4e6f8-2222-4b22-8b22-000000000101';
const BOB = 'a1c4e6f8-2222-4b22-8b22-000000000102';
const DAVE = 'a1c4e6f8-2222-4b22-8b22-000000000104';
const FINANCE = '6a8d1f20-1111-4a11-9a11-000000000011';
const HR = '6a8d1f20-1111-4a11-9a11-000000000012';
const EVERYONE = '0b1e2c3d-0000-4000-8000-000000000004';
const ROBOT = 'c3e5a7b9-3333-4c33-8c33-000000000201';

let sim;

async function token({ path: tokenPath = '/acme/identity_/connect/token', clientId = 'n8n-demo', secret = 'demo-client-secret', scope } = {}) {
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
	if (scope !== undefined) form.set('scope', scope);
	const response = await fetch(sim.url + tokenPath, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function accessToken(options) {
	const { status, body } = await token(options);
	assert.equal(status, 200, JSON.stringify(body));
	return body.access_token;
}

async function api(method, apiPath, { bearer, body, base = '/acme/identity_' } = {}) {
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

before(async () => {
	sim = await startSimulator({ port: 0, maxLifetimeMs: 5 * 60 * 1000 });
});

after(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
});

// Whatever a test sends, every answer of the simulator keeps the contract (test/contract/identity-api.yaml).
afterEach(() => {
	const answers = sim.contractViolations().filter((violation) => violation.direction === 'response');
	assert.deepEqual(answers, []);
});

describe('server', () => {
	it('binds 127.0.0.1 on a random port', () => {
		assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.ok(sim.port > 0);
	});

	it('stops by itself when its lifetime ends', async () => {
		const short = await startSimulator({ maxLifetimeMs: 150 });
		await new Promise((resolve) => setTimeout(resolve, 400));
		await assert.rejects(fetch(`${short.url}/__control/health`));
		await short.stop();
	});

	it('runs as a CLI, prints its URL and stops on SIGTERM', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, '..', 'cli.js'), '--port', '0', '--quiet', '--max-lifetime-minutes', '1'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const url = await new Promise((resolve, reject) => {
			let out = '';
			const timer = setTimeout(() => reject(new Error('CLI did not start')), 10000);
			child.stdout.on('data', (chunk) => {
				out += chunk;
				const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
				if (match) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
		});
		const health = await fetch(`${url}/__control/health`);
		assert.equal(health.status, 200);
		const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		child.kill('SIGTERM');
		assert.equal(await exited, 0);
	});
});

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
		const response = await fetch(`${sim.url}/identity_/connect/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=password&client_id=n8n-demo&client_secret=demo-client-secret',
		});
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), { error: 'unsupported_grant_type' });
		assert.equal((await token({ path: '/nowhere/identity_/connect/token' })).status, 404);
	});

	it('accepts client credentials in a Basic header', async () => {
		const response = await fetch(`${sim.url}/identity_/connect/token`, {
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
		const response = await fetch(`${sim.url}/identity/.well-known/openid-configuration`);
		const body = await response.json();
		assert.equal(body.token_endpoint, `${sim.url}/identity/connect/token`);
	});
});

describe('bearer and scope checks', () => {
	it('answers 401 without, with a forged, an expired or a revoked token', async () => {
		assert.equal((await api('GET', `/api/User/${ALICE}`)).status, 401);
		const good = await accessToken();
		const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: forged })).status, 401);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: good })).status, 200);
		sim.expireTokens();
		const expired = await api('GET', `/api/User/${ALICE}`, { bearer: good });
		assert.equal(expired.status, 401);
		assert.equal(expired.text, '');
		assert.match(expired.headers.get('www-authenticate'), /invalid_token/);
		const fresh = await accessToken();
		sim.revokeTokens('n8n-demo');
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

describe('users', () => {
	let bearer;
	beforeEach(async () => {
		bearer = await accessToken();
	});

	it('pages users with top (default 10, max 1000), skip, sortBy and searchTerm', async () => {
		const all = await api('GET', `/api/User/users/${ORG}`, { bearer });
		assert.equal(all.body.totalCount, 5);
		assert.equal(all.body.results.length, 5);
		const user = all.body.results[0];
		assert.equal(typeof user.type, 'number');
		assert.equal(typeof user.category, 'number');
		for (const key of ['id', 'userName', 'email', 'emailConfirmed', 'name', 'surname', 'displayName', 'creationTime', 'lastModificationTime', 'lastLoginTime', 'groupIDs', 'legacyId', 'isActive', 'bypassBasicAuthRestriction', 'type', 'invitationAccepted']) {
			assert.ok(key in user, key);
		}
		const second = await api('GET', `/api/User/users/${ORG}?top=2&skip=2&sortBy=email&sortOrder=desc`, { bearer });
		assert.equal(second.body.totalCount, 5);
		assert.deepEqual(second.body.results.map((entry) => entry.email), ['carol.lee@acme.example', 'bob.smith@acme.example']);
		const search = await api('GET', `/api/User/users/${ORG}?searchTerm=DAVE`, { bearer });
		assert.deepEqual(search.body.results.map((entry) => entry.id), [DAVE]);
		assert.equal((await api('GET', `/api/User/users/${ORG}?top=1001`, { bearer })).status, 400);
		for (let index = 0; index < 12; index++) {
			await api('POST', '/api/User', { bearer, body: { partitionGlobalId: ORG, userName: `bulk${index}`, email: `bulk${index}@acme.example` } });
		}
		assert.equal((await api('GET', `/api/User/users/${ORG}`, { bearer })).body.results.length, 10);
	});

	it('gets a user, 404 for an unknown one, 400 for a non-GUID', async () => {
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).body.email, 'alice.johnson@acme.example');
		const missing = await api('GET', '/api/User/00000000-0000-4000-8000-000000000000', { bearer });
		assert.equal(missing.status, 404);
		assert.equal(missing.body.title, 'Not Found');
		assert.equal((await api('GET', '/api/User/har-3107', { bearer })).status, 400);
	});

	it('changes a password: success, PasswordMismatch, policy errors, ProblemDetails and 404', async () => {
		const url = `/api/User/${ALICE}/changepassword`;
		const good = await api('POST', url, { bearer, body: { oldPassword: 'Welcome-2024!', newPassword: 'Another-2025!' } });
		assert.deepEqual([good.status, good.body], [200, { succeeded: true, errors: [] }]);
		assert.ok(sim.verifyPassword(ALICE, 'Another-2025!'));
		const wrong = await api('POST', url, { bearer, body: { oldPassword: 'Welcome-2024!', newPassword: 'Another-2026!' } });
		assert.deepEqual([wrong.status, wrong.body], [400, { succeeded: false, errors: [{ code: 'PasswordMismatch', description: 'Incorrect password.' }] }]);
		const weak = await api('POST', url, { bearer, body: { oldPassword: 'Another-2025!', newPassword: 'short' } });
		assert.equal(weak.status, 400);
		assert.deepEqual(weak.body.errors.map((error) => error.code), ['PasswordTooShort', 'PasswordRequiresNonAlphanumeric', 'PasswordRequiresDigit', 'PasswordRequiresUpper']);
		const missing = await api('POST', url, { bearer, body: { oldPassword: 'x' } });
		assert.equal(missing.status, 400);
		assert.equal(missing.body.title, 'One or more validation errors occurred.');
		assert.deepEqual(missing.body.errors, { newPassword: ['The NewPassword field is required.'] });
		const badJson = await api('POST', url, { bearer, body: '{"oldPassword":' });
		assert.equal(badJson.status, 400);
		assert.ok(badJson.body.errors.$);
		assert.equal((await api('POST', '/api/User/00000000-0000-4000-8000-000000000000/changepassword', { bearer, body: { oldPassword: 'a', newPassword: 'b' } })).status, 404);
	});

	it('creates a user (IdentityResult), rejects duplicates and unknown groups', async () => {
		const id = '12345678-aaaa-4bbb-8ccc-000000000001';
		const body = { partitionGlobalId: ORG, id, userName: 'new.hire@acme.example', email: 'new.hire@acme.example', name: 'New', surname: 'Hire', password: 'Temp-Pass-1!', groupIDs: [FINANCE] };
		const created = await api('POST', '/api/User', { bearer, body });
		assert.deepEqual([created.status, created.body], [200, { succeeded: true, errors: [] }]);
		const user = (await api('GET', `/api/User/${id}`, { bearer })).body;
		assert.equal(user.displayName, 'New Hire');
		assert.deepEqual(user.groupIDs, [FINANCE]);
		assert.ok(sim.verifyPassword(id, 'Temp-Pass-1!'));
		const duplicate = await api('POST', '/api/User', { bearer, body: { ...body, id: undefined } });
		assert.equal(duplicate.status, 400);
		assert.deepEqual(duplicate.body.errors.map((error) => error.code), ['DuplicateUserName', 'DuplicateEmail']);
		const badGroup = await api('POST', '/api/User', { bearer, body: { partitionGlobalId: ORG, userName: 'x1', groupIDs: ['00000000-0000-4000-8000-00000000dead'] } });
		assert.equal(badGroup.status, 400);
		assert.equal(badGroup.body.succeeded, false);
		const badType = await api('POST', '/api/User', { bearer, body: { partitionGlobalId: ORG, userName: 'x2', bypassBasicAuthRestriction: 'hi' } });
		assert.equal(badType.status, 400);
		assert.ok(badType.body.errors.bypassBasicAuthRestriction);
	});

	it('bulk-creates users and refuses a bad batch with HTTP 200', async () => {
		const ok = await api('POST', '/api/User/BulkCreate', { bearer, body: { partitionGlobalId: ORG, groupIDs: [HR], users: [{ userName: 'b1', email: 'b1@acme.example' }, { userName: 'b2' }] } });
		assert.equal(ok.status, 200);
		assert.deepEqual(ok.body.result, { succeeded: true, errors: [] });
		assert.equal(ok.body.users.length, 2);
		assert.deepEqual(ok.body.users[0].groupIDs, [HR]);
		const refused = await api('POST', '/api/User/BulkCreate', { bearer, body: { partitionGlobalId: ORG, users: [{ userName: 'b1' }] } });
		assert.equal(refused.status, 200);
		assert.equal(refused.body.result.succeeded, false);
		assert.deepEqual(refused.body.users, []);
	});

	it('invites users with per-entry results', async () => {
		const response = await api('POST', '/api/User/InviteUsers', {
			bearer,
			body: [
				{ email: 'guest@acme.example', name: 'Guest', redirectUrl: 'https://cloud.uipath.com/portal_/acceptInvite?organizationId=x', groupIDs: [HR] },
				{ email: 'bad@acme.example', redirectUrl: 'https://example.com/' },
			],
		});
		assert.equal(response.status, 200);
		assert.equal(response.body.users[0].success, true);
		assert.deepEqual(response.body.users[1], { email: 'bad@acme.example', id: '00000000-0000-0000-0000-000000000000', errorMsg: 'Redirect URL is not valid', success: false });
		const invited = (await api('GET', `/api/User/${response.body.users[0].id}`, { bearer })).body;
		assert.equal(invited.invitationAccepted, false);
	});

	it('updates a user: null means unchanged, groups add/remove, password policy', async () => {
		const response = await api('PUT', `/api/User/${DAVE}`, { bearer, body: { isActive: false, name: null, groupIDsToRemove: [FINANCE], groupIDsToAdd: [HR] } });
		assert.deepEqual([response.status, response.body], [200, { succeeded: true, errors: [] }]);
		const dave = (await api('GET', `/api/User/${DAVE}`, { bearer })).body;
		assert.equal(dave.isActive, false);
		assert.equal(dave.name, 'Dave');
		assert.deepEqual(dave.groupIDs.sort(), [EVERYONE, HR, '6a8d1f20-1111-4a11-9a11-000000000013'].sort());
		const weak = await api('PUT', `/api/User/${DAVE}`, { bearer, body: { password: 'weak' } });
		assert.equal(weak.status, 400);
		assert.equal(weak.body.succeeded, false);
		const reset = await api('PUT', `/api/User/${DAVE}`, { bearer, body: { password: 'Reset-Pass-9!' } });
		assert.equal(reset.status, 200);
		assert.ok(sim.verifyPassword(DAVE, 'Reset-Pass-9!'));
		assert.equal((await api('PUT', `/api/User/${DAVE}`, { bearer, body: { isActive: 'no' } })).status, 400);
	});

	it('deletes users one by one (204) and in bulk (204)', async () => {
		assert.equal((await api('DELETE', `/api/User/${DAVE}`, { bearer })).status, 204);
		assert.equal((await api('GET', `/api/User/${DAVE}`, { bearer })).status, 404);
		assert.equal((await api('DELETE', `/api/User/${DAVE}`, { bearer })).status, 404);
		const bulk = await api('DELETE', '/api/User', { bearer, body: { partitionGlobalId: ORG, userIds: [ALICE, BOB] } });
		assert.equal(bulk.status, 204);
		assert.equal(bulk.text, '');
		assert.equal((await api('GET', `/api/User/users/${ORG}`, { bearer })).body.totalCount, 2);
	});

	it('lists login attempts with the UserLoginAttempt scope', async () => {
		const response = await api('GET', `/api/User/${ALICE}/loginAttempts`, { bearer });
		assert.equal(response.status, 200);
		assert.equal(response.body.totalCount, 1);
	});
});

describe('groups', () => {
	let bearer;
	beforeEach(async () => {
		bearer = await accessToken();
	});

	it('lists (not paged) and gets groups with numeric types and empty members', async () => {
		const list = await api('GET', `/api/Group/${ORG}`, { bearer });
		assert.ok(Array.isArray(list.body));
		assert.equal(list.body.length, 7);
		const finance = (await api('GET', `/api/Group/${ORG}/${FINANCE}`, { bearer })).body;
		assert.equal(finance.type, 1);
		assert.deepEqual(finance.members, []);
		assert.equal(list.body.find((group) => group.name === 'Everyone').type, 0);
	});

	it('creates (201, needs id), updates (needs name), lists members, deletes (204)', async () => {
		const id = '77777777-aaaa-4bbb-8ccc-000000000001';
		const noId = await api('POST', '/api/Group', { bearer, body: { partitionGlobalId: ORG, name: 'Legal' } });
		assert.equal(noId.status, 400);
		const created = await api('POST', '/api/Group', { bearer, body: { partitionGlobalId: ORG, id, name: 'Legal', directoryUserMemberIDs: [ALICE] } });
		assert.equal(created.status, 201);
		assert.equal(created.body.name, 'Legal');
		const noName = await api('PUT', `/api/Group/${id}`, { bearer, body: { partitionGlobalId: ORG, directoryUserIDsToAdd: [BOB] } });
		assert.equal(noName.status, 400);
		const updated = await api('PUT', `/api/Group/${id}`, { bearer, body: { partitionGlobalId: ORG, name: 'Legal', directoryUserIDsToAdd: [BOB, ROBOT], directoryUserIDsToRemove: [ALICE] } });
		assert.equal(updated.status, 200);
		const members = await api('GET', `/api/Group/${ORG}/${id}/Members?top=10`, { bearer });
		assert.deepEqual(members.body, { totalCount: 2, results: [{ id: BOB, type: 0 }, { id: ROBOT, type: 4 }] });
		assert.equal((await api('DELETE', `/api/Group/${ORG}/${id}`, { bearer })).status, 204);
		assert.ok(!(await api('GET', `/api/User/${BOB}`, { bearer })).body.groupIDs.includes(id));
		assert.equal((await api('DELETE', `/api/Group/${ORG}/${EVERYONE}`, { bearer })).status, 400);
		assert.equal((await api('DELETE', `/api/Group/${ORG}`, { bearer, body: { groupIDs: [HR] } })).status, 204);
		assert.equal((await api('GET', `/api/Group/${ORG}/${HR}`, { bearer })).status, 404);
	});
});

describe('robot accounts', () => {
	it('lists, gets, creates (201), updates, deletes', async () => {
		const bearer = await accessToken();
		const list = await api('GET', `/api/RobotAccount/${ORG}`, { bearer });
		assert.equal(list.body.totalCount, 1);
		assert.equal((await api('GET', `/api/RobotAccount/${ORG}/${ROBOT}`, { bearer })).body.name, 'invoice-bot');
		const created = await api('POST', '/api/RobotAccount', { bearer, body: { partitionGlobalId: ORG, name: 'hr-bot', displayName: 'HR bot', groupIDsToAdd: [HR] } });
		assert.equal(created.status, 201);
		assert.deepEqual(created.body.groupIds, [HR]);
		assert.equal((await api('POST', '/api/RobotAccount', { bearer, body: { partitionGlobalId: ORG, name: 'hr-bot' } })).status, 400);
		const updated = await api('PUT', `/api/RobotAccount/${created.body.id}`, { bearer, body: { partitionGlobalId: ORG, displayName: 'HR robot', groupIDsToRemove: [HR] } });
		assert.deepEqual([updated.status, updated.body.displayName, updated.body.groupIds], [200, 'HR robot', []]);
		assert.equal((await api('DELETE', `/api/RobotAccount/${ORG}/${created.body.id}`, { bearer })).status, 204);
		assert.equal((await api('DELETE', `/api/RobotAccount/${ORG}`, { bearer, body: { robotAccountIDs: [ROBOT] } })).status, 204);
		assert.equal((await api('GET', `/api/RobotAccount/${ORG}`, { bearer })).body.totalCount, 0);
		const noScope = await api('GET', `/api/RobotAccount/${ORG}`, { bearer: await accessToken({ scope: 'PM.User' }) });
		assert.equal(noScope.status, 403);
		assert.match(noScope.body.errorMessage, /Expect to have 'PM.RobotAccount' or 'PM.RobotAccount.Read'/);
	});
});

describe('directory', () => {
	it('searches, checks membership and resolves names', async () => {
		const bearer = await accessToken();
		const search = await api('GET', `/api/Directory/Search/${ORG}?startsWith=ali&entityType=user`, { bearer });
		assert.equal(search.status, 200);
		assert.deepEqual(search.body.map((entry) => entry.identifier), [ALICE]);
		assert.equal(search.body[0].type, 0);
		const groups = await api('GET', `/api/Directory/Search/${ORG}?startsWith=F&sourceFilter=localGroups`, { bearer });
		assert.deepEqual(groups.body.map((entry) => entry.identifier), [FINANCE]);
		assert.equal(groups.body[0].type, 1);
		assert.equal((await api('GET', `/api/Directory/Search/${ORG}?entityType=robot`, { bearer })).status, 400);
		const membership = await api('POST', `/api/Directory/GroupMembership/${ORG}`, { bearer, body: { userId: ALICE, groupIds: [FINANCE, HR] } });
		assert.deepEqual(membership.body.map((entry) => entry.identifier), [FINANCE]);
		const resolved = await api('POST', `/api/Directory/ResolveByName/${ORG}`, { bearer, body: { entityName: 'bob.smith@acme.example', entityType: 'user' } });
		assert.equal(resolved.body.identifier, BOB);
		const tooMany = await api('POST', `/api/Directory/BulkResolveByName/${ORG}`, { bearer, body: { entityNames: Array.from({ length: 21 }, (_, index) => `n${index}`), entityType: 'user' } });
		assert.equal(tooMany.status, 400);
	});
});

describe('settings', () => {
	it('gets only requested keys, needs partitionGlobalId, updates and creates', async () => {
		const bearer = await accessToken();
		const none = await api('GET', `/api/Setting?partitionGlobalId=${ORG}`, { bearer });
		assert.deepEqual(none.body, []);
		const some = await api('GET', `/api/Setting?key=Email.Smtp.Domain&key=Missing.Key&partitionGlobalId=${ORG}`, { bearer });
		assert.deepEqual(some.body.map((setting) => [setting.key, setting.value, setting.partitionGlobalId, setting.userId]), [['Email.Smtp.Domain', 'acme.example', ORG, null]]);
		assert.equal(typeof some.body[0].id, 'number');
		assert.equal((await api('GET', '/api/Setting?key=Email.Smtp.Domain', { bearer })).status, 403);
		const put = await api('PUT', '/api/Setting', { bearer, body: { partitionGlobalId: ORG, settings: [{ key: 'Auth.Password.DefaultExpirationDays', value: '90' }, { key: 'New.Key', value: 'x' }] } });
		assert.equal(put.status, 200);
		assert.deepEqual(put.body.map((setting) => setting.value), ['90', 'x']);
		const perUser = await api('PUT', '/api/Setting', { bearer, body: { partitionGlobalId: ORG, userId: ALICE, settings: [{ key: 'UserTheme.Theme', value: 'dark' }] } });
		assert.equal(perUser.body[0].userId, ALICE);
		assert.deepEqual((await api('GET', `/api/Setting?key=UserTheme.Theme&partitionGlobalId=${ORG}`, { bearer })).body, []);
	});
});

describe('request log', () => {
	it('records paths, bodies and token requests without secrets or passwords', async () => {
		const bearer = await accessToken({ scope: 'PM.User' });
		await api('POST', `/api/User/${ALICE}/changepassword`, { bearer, body: { oldPassword: 'Welcome-2024!', newPassword: 'Secret-New-1!' } });
		await token({ secret: 'a-wrong-secret' });
		const entries = sim.log();
		assert.deepEqual(entries.map((entry) => [entry.kind, entry.method, entry.path, entry.status]), [
			['token', 'POST', '/acme/identity_/connect/token', 200],
			['api', 'POST', `/acme/identity_/api/User/${ALICE}/changepassword`, 200],
			['token', 'POST', '/acme/identity_/connect/token', 400],
		]);
		assert.deepEqual(entries[0].body, { grant_type: 'client_credentials', client_id: 'n8n-demo', client_secret: '[redacted]', scope: 'PM.User' });
		assert.deepEqual(entries[1].body, { oldPassword: '[redacted]', newPassword: '[redacted]' });
		assert.equal(entries[1].tokenId, entries[0].issuedTokenId);
		assert.equal(entries[2].oauthError, 'invalid_client');
		const text = JSON.stringify(entries);
		for (const secret of ['demo-client-secret', 'a-wrong-secret', 'Welcome-2024!', 'Secret-New-1!', bearer]) {
			assert.ok(!text.includes(secret), `log leaks ${secret.slice(0, 4)}…`);
		}
		const viaHttp = await (await fetch(`${sim.url}/__control/log?since=${entries[0].seq}`)).json();
		assert.equal(viaHttp.entries.length, 2);
	});
});

describe('fault injection', () => {
	it('answers 429 with and without Retry-After, count-limited', async () => {
		const bearer = await accessToken();
		sim.addFault({ method: 'GET', path: '*/api/User/*', status: 429, retryAfter: 2, count: 1 });
		sim.addFault({ method: 'GET', path: '*/api/User/*', status: 429, count: 1 });
		const first = await api('GET', `/api/User/${ALICE}`, { bearer });
		assert.deepEqual([first.status, first.headers.get('retry-after')], [429, '2']);
		const second = await api('GET', `/api/User/${ALICE}`, { bearer });
		assert.deepEqual([second.status, second.headers.get('retry-after')], [429, null]);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
		assert.deepEqual(sim.log().filter((entry) => entry.kind === 'api').map((entry) => entry.fault ?? null), ['fault-1', 'fault-2', null].map((id, index) => (id ? sim.faults()[index].id : null)));
	});

	it('answers 5xx, skips the first N matches with after, and matches by method', async () => {
		const bearer = await accessToken();
		await fetch(`${sim.url}/__control/faults`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ method: 'POST', path: '*/changepassword', status: 503, body: { message: 'Service Unavailable' }, after: 1 }),
		});
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
		const body = { oldPassword: 'Welcome-2024!', newPassword: 'Another-2025!' };
		assert.equal((await api('POST', `/api/User/${ALICE}/changepassword`, { bearer, body })).status, 200);
		const failed = await api('POST', `/api/User/${ALICE}/changepassword`, { bearer, body });
		assert.deepEqual([failed.status, failed.body], [503, { message: 'Service Unavailable' }]);
	});

	it('drops the connection', async () => {
		const bearer = await accessToken();
		sim.addFault({ path: '*/api/User/*', drop: true });
		await assert.rejects(api('GET', `/api/User/${ALICE}`, { bearer }));
		assert.equal(sim.log().at(-1).dropped, true);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
	});

	it('adds latency', async () => {
		const bearer = await accessToken();
		sim.addFault({ path: '*/api/User/*', delayMs: 300 });
		const started = Date.now();
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
		assert.ok(Date.now() - started >= 280);
	});

	it('expires or revokes the presented token (401 until a new token is minted)', async () => {
		const bearer = await accessToken();
		sim.addFault({ method: 'POST', path: '*/changepassword', expireToken: true });
		const body = { oldPassword: 'Welcome-2024!', newPassword: 'Another-2025!' };
		assert.equal((await api('POST', `/api/User/${ALICE}/changepassword`, { bearer, body })).status, 401);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 401);
		const fresh = await accessToken();
		assert.equal((await api('POST', `/api/User/${ALICE}/changepassword`, { bearer: fresh, body })).status, 200);
		sim.addFault({ path: '*', revokeToken: true, count: null });
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: fresh })).status, 401);
	});

	it('fails the token endpoint too, and rejects malformed faults', async () => {
		sim.addFault({ method: 'POST', path: '*/connect/token', status: 500 });
		assert.equal((await token()).status, 500);
		assert.equal((await token()).status, 200);
		const response = await fetch(`${sim.url}/__control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"path":"*"}' });
		assert.equal(response.status, 400);
	});

	it('control endpoints can be switched off', async () => {
		const closed = await startSimulator({ control: false, maxLifetimeMs: 60000 });
		try {
			assert.equal((await fetch(`${closed.url}/__control/log`)).status, 404);
		} finally {
			await closed.stop();
		}
	});

	it('never leaves a socket half-open after stop()', async () => {
		const other = await startSimulator({ maxLifetimeMs: 60000 });
		const socket = net.connect(other.port, '127.0.0.1');
		await new Promise((resolve) => socket.on('connect', resolve));
		const closed = new Promise((resolve) => socket.on('close', resolve));
		await other.stop();
		await closed;
	});
});
