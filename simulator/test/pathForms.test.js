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
	for (const [title, apiShapes, expected] of [
		['serves only the organization-level form', ['organization'], { '/acme/identity_': 200, '/identity_': 404 }],
		['serves only the host-level form', ['hostLevel'], { '/acme/identity_': 404, '/identity_': 200 }],
		['serves both by default', undefined, { '/acme/identity_': 200, '/identity_': 200 }],
	]) {
		it(title, async () => {
			const sim = await startSimulator({ apiShapes });
			sims.push(sim);
			const token = await accessToken(sim, { path: '/identity_/connect/token' });
			for (const [root, answer] of Object.entries(expected)) assert.equal(await status(sim, root, token), answer, root);
		});
	}
});
