'use strict';

// The apiShapes option: an Automation Suite cluster that answers the Identity API on one URL form only.

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('..');

const ORG = '4f7c2e1a-9b3d-4c5e-8a6f-1d2e3f4a5b6c';
const sims = [];

async function bearer(sim) {
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'n8n-demo', client_secret: 'demo-client-secret' });
	const response = await fetch(`${sim.url}/identity_/connect/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	});
	assert.equal(response.status, 200);
	return (await response.json()).access_token;
}

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
		const token = await bearer(sim);
		assert.equal(await status(sim, '/acme/identity_', token), 200);
		assert.equal(await status(sim, '/identity_', token), 404);
	});

	it('serves only the host-level form', async () => {
		const sim = await startSimulator({ apiShapes: ['hostLevel'] });
		sims.push(sim);
		const token = await bearer(sim);
		assert.equal(await status(sim, '/acme/identity_', token), 404);
		assert.equal(await status(sim, '/identity_', token), 200);
	});

	it('serves both by default', async () => {
		const sim = await startSimulator();
		sims.push(sim);
		const token = await bearer(sim);
		assert.equal(await status(sim, '/acme/identity_', token), 200);
		assert.equal(await status(sim, '/identity_', token), 200);
	});
});
