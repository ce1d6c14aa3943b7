'use strict';

// The simulator as a server: bind, lifetime, CLI, request log, fault injection and control endpoints.
// Pins the simulator's behaviour (node:test; run with `npm run test:simulator`).

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { spawn } = require('node:child_process');
const path = require('node:path');

const { startSimulator } = require('..');
const { DEMO_IDS, useDemoSimulator } = require('../test-client');

const { ALICE } = DEMO_IDS;
const demo = useDemoSimulator();
const { token, accessToken, api } = demo;

describe('server', () => {
	it('binds 127.0.0.1 on a random port', () => {
		assert.match(demo.sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.ok(demo.sim.port > 0);
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

describe('request log', () => {
	it('records paths, bodies and token requests without secrets or passwords', async () => {
		const bearer = await accessToken({ scope: 'PM.User' });
		await api('POST', `/api/User/${ALICE}/changepassword`, { bearer, body: { oldPassword: 'Welcome-2024!', newPassword: 'Secret-New-1!' } });
		await token({ secret: 'a-wrong-secret' });
		const entries = demo.sim.log();
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
		const viaHttp = await (await fetch(`${demo.sim.url}/__control/log?since=${entries[0].seq}`)).json();
		assert.equal(viaHttp.entries.length, 2);
	});
});

describe('fault injection', () => {
	it('answers 429 with and without Retry-After, count-limited', async () => {
		const bearer = await accessToken();
		demo.sim.addFault({ method: 'GET', path: '*/api/User/*', status: 429, retryAfter: 2, count: 1 });
		demo.sim.addFault({ method: 'GET', path: '*/api/User/*', status: 429, count: 1 });
		const first = await api('GET', `/api/User/${ALICE}`, { bearer });
		assert.deepEqual([first.status, first.headers.get('retry-after')], [429, '2']);
		const second = await api('GET', `/api/User/${ALICE}`, { bearer });
		assert.deepEqual([second.status, second.headers.get('retry-after')], [429, null]);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
		assert.deepEqual(demo.sim.log().filter((entry) => entry.kind === 'api').map((entry) => entry.fault ?? null), ['fault-1', 'fault-2', null].map((id, index) => (id ? demo.sim.faults()[index].id : null)));
	});

	it('answers 5xx, skips the first N matches with after, and matches by method', async () => {
		const bearer = await accessToken();
		await fetch(`${demo.sim.url}/__control/faults`, {
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
		demo.sim.addFault({ path: '*/api/User/*', drop: true });
		await assert.rejects(api('GET', `/api/User/${ALICE}`, { bearer }));
		assert.equal(demo.sim.log().at(-1).dropped, true);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
	});

	it('adds latency', async () => {
		const bearer = await accessToken();
		demo.sim.addFault({ path: '*/api/User/*', delayMs: 300 });
		const started = Date.now();
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 200);
		assert.ok(Date.now() - started >= 280);
	});

	it('expires or revokes the presented token (401 until a new token is minted)', async () => {
		const bearer = await accessToken();
		demo.sim.addFault({ method: 'POST', path: '*/changepassword', expireToken: true });
		const body = { oldPassword: 'Welcome-2024!', newPassword: 'Another-2025!' };
		assert.equal((await api('POST', `/api/User/${ALICE}/changepassword`, { bearer, body })).status, 401);
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer })).status, 401);
		const fresh = await accessToken();
		assert.equal((await api('POST', `/api/User/${ALICE}/changepassword`, { bearer: fresh, body })).status, 200);
		demo.sim.addFault({ path: '*', revokeToken: true, count: null });
		assert.equal((await api('GET', `/api/User/${ALICE}`, { bearer: fresh })).status, 401);
	});

	it('fails the token endpoint too, and rejects malformed faults', async () => {
		demo.sim.addFault({ method: 'POST', path: '*/connect/token', status: 500 });
		assert.equal((await token()).status, 500);
		assert.equal((await token()).status, 200);
		const response = await fetch(`${demo.sim.url}/__control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"path":"*"}' });
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
