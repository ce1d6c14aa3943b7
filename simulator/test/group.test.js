'use strict';

// The Groups API (reference 4.2).
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ORG, ALICE, BOB, FINANCE, HR, EVERYONE, ROBOT } = DEMO_IDS;
const demo = useDemoSimulator();
const { accessToken, api } = demo;

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
