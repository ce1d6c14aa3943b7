'use strict';

// The Directory API (reference 4.4).
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ORG, ALICE, BOB, FINANCE, HR } = DEMO_IDS;
const demo = useDemoSimulator();
const { accessToken, api } = demo;

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
