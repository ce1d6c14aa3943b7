'use strict';

// End-to-end: n8n queue mode (PostgreSQL + Redis, one main instance, two workers), the packed
// package installed on all three, against the UiPath Identity simulator. Run through
// `npm run test:e2e:queue` (scripts/e2e.js prepares the n8n installs and the tarball first).
// PostgreSQL and Redis are Debian packages: installed when missing (as root), else a clear failure.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../simulator');
const { ensureN8n, TARGETS, majorsFromEnv } = require('./lib/install');
const { NODE_TYPE } = require('./lib/n8n');
const { packPackage } = require('./lib/pack');
const { startServices } = require('./lib/services');
const { startQueueCluster, webhookChangePasswordWorkflow, fireBurst, executionsOf, waitForExecutions } = require('./lib/queue');
const fx = require('./lib/fixtures');
const { tokenCalls } = require('./lib/simulatorLog');

const MAJORS = majorsFromEnv('E2E_MAJORS');
const SUITE_TIMEOUT = 30 * 60 * 1000;
const EXECUTIONS = 20;
const ITEMS = 3;
const WORKERS = 2;
const USERS = EXECUTIONS * ITEMS * 4;
const WORKFLOW_ID = 'e2eWfQueueBurst1';
const PATH = 'uipath-queue-burst';

/** Burst `index` (0-based) uses its own users, so every password change can succeed once. */
function burstBodies(index) {
	return Array.from({ length: EXECUTIONS }, (_v, execution) => ({
		items: Array.from({ length: ITEMS }, (_w, item) => fx.passwordItem(index * EXECUTIONS * ITEMS + execution * ITEMS + item + 1)),
	}));
}

function usersOf(index) {
	return burstBodies(index).flatMap((body) => body.items.map((item) => item.userId.toLowerCase()));
}

const changeCalls = (entries) => entries.filter((entry) => entry.kind === 'api' && /\/changepassword$/i.test(entry.path));

/** Which token each request carried or got, in order: what a failed token count is read from. */
function timeline(entries) {
	const short = (id) => (id ? String(id).slice(0, 8) : '-');
	return entries
		.filter((entry) => entry.kind === 'token' || entry.kind === 'api')
		.map((entry) => `${entry.at.slice(11, 23)} ${entry.kind === 'token' ? `token → ${short(entry.issuedTokenId)}` : `${entry.status} with ${short(entry.tokenId)}`}`)
		.join('\n');
}

function callsPerUser(entries) {
	const counts = new Map();
	for (const entry of changeCalls(entries)) {
		const id = entry.path.split('/').slice(-2)[0].toLowerCase();
		counts.set(id, (counts.get(id) || 0) + 1);
	}
	return counts;
}

for (const major of MAJORS) {
	const target = TARGETS[major];
	describe(`queue mode on n8n ${target.n8nVersion} (main + ${WORKERS} workers, PostgreSQL, Redis)`, { timeout: SUITE_TIMEOUT }, () => {
		let services;
		let sim;
		let cluster;
		let secrets;
		let seenExecutions = 0;
		const figures = {};

		/** Fires burst `index`, waits for its executions to end; returns {executions, log}. */
		async function burst(index) {
			const since = sim.lastSeq();
			const started = Date.now();
			const statuses = await fireBurst(cluster.mainProcess.url, PATH, burstBodies(index));
			assert.deepEqual(statuses, Array(EXECUTIONS).fill(200), 'every webhook call was accepted');
			seenExecutions += EXECUTIONS;
			const all = await waitForExecutions(services, WORKFLOW_ID, seenExecutions);
			return { executions: all.slice(-EXECUTIONS), log: sim.log(since), seconds: (Date.now() - started) / 1000 };
		}

		function assertExactlyOnce(index, log) {
			const counts = callsPerUser(log);
			for (const user of usersOf(index)) assert.equal(counts.get(user), 1, `user ${user} changed exactly once`);
			assert.equal(changeCalls(log).filter((entry) => entry.status === 200).length, EXECUTIONS * ITEMS);
			for (const [n, user] of usersOf(index).entries()) {
				assert.ok(sim.verifyPassword(user, fx.newPassword(index * EXECUTIONS * ITEMS + n + 1)), `user ${user} has the new password`);
			}
		}

		before(async () => {
			const install = await ensureN8n(major);
			services = await startServices();
			secrets = fx.makeSecrets();
			sim = await startSimulator({ seed: fx.makeSeed(secrets, USERS), maxLifetimeMs: SUITE_TIMEOUT });
			const credential = fx.makeCredentials(sim.url, secrets).cloud;
			cluster = await startQueueCluster({
				install,
				services,
				tarball: await packPackage(),
				secrets: [secrets.clientSecret, ...fx.allPasswords(USERS)],
				credentials: [credential],
				workflows: [webhookChangePasswordWorkflow({ id: WORKFLOW_ID, name: 'e2e queue burst', path: PATH, credential, nodeType: NODE_TYPE })],
				activate: [WORKFLOW_ID],
				workerCount: WORKERS,
				workerConcurrency: EXECUTIONS,
				// A dead worker's jobs are noticed after the lock expires: keep that short for the test.
				workerEnv: { QUEUE_WORKER_LOCK_DURATION: '5000', QUEUE_WORKER_STALLED_INTERVAL: '5000' },
			});
		});

		after(async () => {
			if (cluster) await cluster.stop();
			if (sim) await sim.stop();
			if (services) await services.stop();
			process.stdout.write(`[queue ${major}.x] ${JSON.stringify(figures)}\n`);
		});

		it('a cold burst of 20 executions × 3 items: each item once, all succeed, both workers work, ≤ 1 token per worker', async () => {
			// UiPath answers token requests slowly (200 ms): without the process-wide single flight,
			// every execution a worker started meanwhile fetched its own token.
			sim.addFault({ method: 'POST', path: '*/connect/token', delayMs: 200, count: null });
			const { executions, log, seconds } = await burst(0);
			sim.clearFaults();
			figures.coldBurst = { seconds, tokenRequests: tokenCalls(log).length, apiRequests: changeCalls(log).length };

			assert.deepEqual(executions.map((execution) => execution.status), Array(EXECUTIONS).fill('success'));
			assertExactlyOnce(0, log);
			const perWorker = cluster.workers.map((worker) => worker.executions().length);
			figures.coldBurst.executionsPerWorker = perWorker;
			assert.ok(perWorker.every((count) => count > 0), `both workers ran executions: ${perWorker.join(', ')}\n${cluster.workers[0].output().slice(-1500)}`);
			assert.ok(tokenCalls(log).length >= 1 && tokenCalls(log).length <= WORKERS, `token requests ${tokenCalls(log).length} ≤ ${WORKERS}\n${timeline(log)}`);
		});

		it('a later burst uses the stored token: no token request', async () => {
			const { executions, log, seconds } = await burst(1);
			figures.warmBurst = { seconds, tokenRequests: tokenCalls(log).length };
			assert.deepEqual(executions.map((execution) => execution.status), Array(EXECUTIONS).fill('success'));
			assertExactlyOnce(1, log);
			assert.equal(tokenCalls(log).length, 0);
		});

		it('a token revoked in the middle of a burst is fetched again at most once per worker', async () => {
			sim.addFault({ method: 'POST', path: '*/changepassword', revokeToken: true, after: 10, count: 1 });
			sim.addFault({ method: 'POST', path: '*/connect/token', delayMs: 200, count: null });
			const { executions, log } = await burst(2);
			sim.clearFaults();
			const unauthorized = changeCalls(log).filter((entry) => entry.status === 401).length;
			figures.revokedMidBurst = { tokenRequests: tokenCalls(log).length, unauthorized };

			assert.deepEqual(executions.map((execution) => execution.status), Array(EXECUTIONS).fill('success'));
			assert.ok(unauthorized >= 1, 'the revoked token was rejected');
			assert.ok(tokenCalls(log).length >= 1 && tokenCalls(log).length <= WORKERS, `token requests ${tokenCalls(log).length} ≤ ${WORKERS}\n${timeline(log)}`);
			// Each item changed once: a 401 means UiPath did nothing, so repeating it is no repeat.
			const counts = callsPerUser(log.filter((entry) => entry.status !== 401));
			for (const user of usersOf(2)) assert.equal(counts.get(user), 1, `user ${user} changed exactly once`);
		});

		it('a worker killed mid-burst loses nothing: its executions are re-run (1.x) or reported failed (2.x)', async () => {
			// Slow answers keep the executions running long enough to kill a worker in the middle.
			sim.addFault({ method: 'POST', path: '*/changepassword', delayMs: 400, count: null });
			const since = sim.lastSeq();
			const [victim, survivor] = cluster.workers;
			const before = new Set(victim.executions());
			const firing = fireBurst(cluster.mainProcess.url, PATH, burstBodies(3));
			const deadline = Date.now() + 60000;
			while (victim.executions().filter((id) => !before.has(id)).length < 2 || changeCalls(sim.log(since)).length < 5) {
				assert.ok(Date.now() < deadline, 'the worker to kill never started executions of the burst');
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			const victimExecutions = victim.executions().filter((id) => !before.has(id));
			await victim.kill();
			assert.deepEqual(await firing, Array(EXECUTIONS).fill(200));
			seenExecutions += EXECUTIONS;
			const executions = (await waitForExecutions(services, WORKFLOW_ID, seenExecutions, { timeoutMs: 4 * 60 * 1000 })).slice(-EXECUTIONS);
			sim.clearFaults();
			const log = sim.log(since);
			const counts = callsPerUser(log);
			const byStatus = {};
			for (const execution of executions) byStatus[execution.status] = (byStatus[execution.status] || 0) + 1;
			const repeated = [...counts.values()].filter((count) => count > 1).length;
			const unchanged = usersOf(3).filter((user, n) => !sim.verifyPassword(user, fx.newPassword(3 * EXECUTIONS * ITEMS + n + 1)));
			figures.workerKilled = { victimExecutions: victimExecutions.length, byStatus, repeatedItems: repeated, unchangedItems: unchanged.length, rerunBy: survivor.executions().filter((id) => victimExecutions.includes(id)).length };

			// Nothing silently dropped: all 20 executions ended, and an item is left unchanged only
			// when its execution is reported as not successful.
			assert.equal(executions.length, EXECUTIONS);
			const failed = executions.filter((execution) => execution.status !== 'success');
			assert.ok(unchanged.length <= failed.length * ITEMS, `unchanged items ${unchanged.length} need as many failed executions (${JSON.stringify(byStatus)})`);
			for (const execution of failed) assert.ok(['error', 'crashed', 'canceled'].includes(execution.status), `execution ${execution.id}: ${execution.status}`);
			if (major === 1) {
				// n8n 1.x re-runs a dead worker's executions from the start on another worker.
				assert.ok(figures.workerKilled.rerunBy > 0 || failed.length > 0, 'the killed worker\'s executions were re-run or reported');
			} else {
				assert.ok(failed.length > 0, 'n8n 2.x reports the killed worker\'s executions as failed');
			}
			// A repeat never applies a change twice: UiPath refuses the old password the second time.
			const applied = callsPerUser(log.filter((entry) => entry.status === 200));
			for (const user of usersOf(3)) assert.ok((applied.get(user) || 0) <= 1, `user ${user} changed at most once`);
			const stored = executionsOf(services, WORKFLOW_ID);
			assert.equal(stored.length, seenExecutions, 'every webhook call is one execution in Postgres');
		});
	});
}
