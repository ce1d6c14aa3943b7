'use strict';

// What the end-to-end suites in real n8n start with and check after every run: one n8n
// installation with the packed package, the simulator with the e2e seed, the credentials for it,
// and that neither a client secret nor an access token reached n8n's output.

const assert = require('node:assert/strict');

const { startSimulator } = require('../../simulator');
const { ensureN8n } = require('./install');
const { N8nInstance } = require('./n8n');
const { packPackage } = require('./pack');
const fx = require('./fixtures');

/** What an access token (a JWT) looks like in text. */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

/**
 * n8n `major` with the packed package installed, and a simulator seeded with fresh secrets.
 * Stops what it started when a step fails, so a failed `before` leaves nothing running.
 * @returns {Promise<{secrets, sim, n8n, creds}>} `creds`: fx.makeCredentials() for the simulator
 */
async function startN8nWithSimulator(major, { maxLifetimeMs }) {
	const install = await ensureN8n(major);
	const secrets = fx.makeSecrets();
	const sim = await startSimulator({ seed: fx.makeSeed(secrets), maxLifetimeMs });
	const n8n = new N8nInstance(install, { secrets: [secrets.clientSecret, secrets.wrongSecret, ...fx.allPasswords()] });
	try {
		await n8n.installPackage(await packPackage());
	} catch (error) {
		await n8n.cleanup();
		await sim.stop();
		throw error;
	}
	return { secrets, sim, n8n, creds: fx.makeCredentials(sim.url, secrets) };
}

/** Fails when n8n's output of a run holds one of the client secrets or an access token. */
function assertNoLeak(output, secrets) {
	for (const secret of [secrets.clientSecret, secrets.wrongSecret]) {
		assert.ok(!output.includes(secret), 'n8n output contains a client secret');
	}
	assert.ok(!JWT.test(output), 'n8n output contains an access token');
}

module.exports = { startN8nWithSimulator, assertNoLeak };
