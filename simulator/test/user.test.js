'use strict';

// The Users API (reference 4.1).
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ORG, ALICE, BOB, DAVE, FINANCE, HR, EVERYONE, SALES } = DEMO_IDS;
const demo = useDemoSimulator();
const { accessToken, api } = demo;

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
		assert.ok(demo.sim.verifyPassword(ALICE, 'Another-2025!'));
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
		assert.ok(demo.sim.verifyPassword(id, 'Temp-Pass-1!'));
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
		assert.deepEqual(dave.groupIDs.sort(), [EVERYONE, HR, SALES].sort());
		const weak = await api('PUT', `/api/User/${DAVE}`, { bearer, body: { password: 'weak' } });
		assert.equal(weak.status, 400);
		assert.equal(weak.body.succeeded, false);
		const reset = await api('PUT', `/api/User/${DAVE}`, { bearer, body: { password: 'Reset-Pass-9!' } });
		assert.equal(reset.status, 200);
		assert.ok(demo.sim.verifyPassword(DAVE, 'Reset-Pass-9!'));
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
