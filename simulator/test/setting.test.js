'use strict';

// The Settings API (reference 4.5).
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ORG, ALICE } = DEMO_IDS;
const demo = useDemoSimulator();
const { accessToken, api } = demo;

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
