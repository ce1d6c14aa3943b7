'use strict';

// The apiShapes option: an Automation Suite cluster that answers the Identity API on one URL form only.

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('..');
const { DEMO_IDS, accessToken } = require('../test-client');

const { ORG } = DEMO_IDS;
const sims = [];

async function status(sim, root, token) {
	const response = await fetch(`${sim.url}${root}/api/Group/${ORG}`, { headers: { authorization: `Bearer ${token}` } });
	await response.arrayBuffer();
	return response.status;
}

after(async () => {
	for (const sim of sims) await sim.stop();
});

describe('simulator apiShapes', () => {
	it('serves only the organization-level form', async () => {
		const sim = await startSimulator({ apiShapes: ['organization'] });
		sims.push(sim);
		const token = await accessToken(sim, { path: '/identity_/connect/token' });
		assert.equal(await status(sim, '/acme/identity_', token), 200);
		assert.equal(await status(sim, '/identity_', token), 404);
	});

	it('serves only the host-level form', async () => {
		const sim = await startSimulator({ apiShapes: ['hostLevel'] });
		sims.push(sim);
		const token = await accessToken(sim, { path: '/identity_/connect/token' });
		assert.equal(await status(sim, '/acme/identity_', token), 404);
		assert.equal(await status(sim, '/identity_', token), 200);
	});

	it('serves both by default', async () => {
		const sim = await startSimulator();
		sims.push(sim);
		const token = await accessToken(sim, { path: '/identity_/connect/token' });
		assert.equal(await status(sim, '/acme/identity_', token), 200);
		assert.equal(await status(sim, '/identity_', token), 200);
	});
});
