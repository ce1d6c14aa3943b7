'use strict';

// The Robot Accounts API (reference 4.3).
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ORG, HR, ROBOT } = DEMO_IDS;
const demo = useDemoSimulator();
const { accessToken, api } = demo;

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
