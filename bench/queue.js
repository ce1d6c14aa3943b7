'use strict';

// Queue-mode part of `npm run bench`: the same Change Password items spread over webhook
// executions, once on a single regular n8n instance and once on n8n in queue mode (PostgreSQL +
// Redis, main + workers), in the same run against the same simulator. Reports wall time
// (first webhook call to last execution finished), requests, token requests, peak memory.

const fs = require('node:fs');
const crypto = require('node:crypto');

const { startSimulator } = require('../simulator');
const { ensureN8n } = require('../e2e/lib/install');
const { N8nInstance, NODE_TYPE } = require('../e2e/lib/n8n');
const { N8nRest, makeOwner } = require('../e2e/lib/rest');
const { startServices } = require('../e2e/lib/services');
const { startQueueCluster, webhookChangePasswordWorkflow, fireBurst, waitForExecutions } = require('../e2e/lib/queue');
const fx = require('../e2e/lib/fixtures');

const EXECUTIONS = Number(process.env.BENCH_QUEUE_EXECUTIONS || 20);
const WORKERS = Number(process.env.BENCH_QUEUE_WORKERS || 2);

/** Peak resident memory of a running process (VmHWM), in kB. */
function peakRssKb(pid) {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

function bodies(first, items) {
	const perExecution = Math.ceil(items / EXECUTIONS);
	return Array.from({ length: EXECUTIONS }, (_v, execution) => ({
		items: Array.from({ length: perExecution }, (_w, i) => first + execution * perExecution + i)
			.filter((n) => n < first + items)
			.map((n) => fx.passwordItem(n)),
	}));
}

function counted(sim, since, first, items) {
	const entries = sim.log(since);
	const calls = new Map();
	for (const entry of entries.filter((e) => e.kind === 'api' && e.status !== 401)) calls.set(entry.path, (calls.get(entry.path) || 0) + 1);
	const wanted = Array.from({ length: items }, (_v, i) => fx.passwordItem(first + i));
	return {
		requests: entries.filter((entry) => entry.kind === 'api').length,
		tokenRequests: entries.filter((entry) => entry.kind === 'token').length,
		failedRequests: entries.filter((entry) => entry.status >= 400 || entry.status === null).length,
		changed: wanted.filter((item) => sim.verifyPassword(item.userId, item.newPassword)).length,
		duplicated: [...calls.values()].filter((count) => count > 1).length,
	};
}

/** Regular n8n (SQLite, one process): webhook executions run in the main process. */
async function singleInstance({ install, tarball, sim, secrets, credential, first, items, concurrency, log }) {
	const n8n = new N8nInstance(install, { secrets: [secrets.clientSecret] });
	let main;
	try {
		await n8n.installPackage(tarball);
		await n8n.importCredentials([credential]);
		await n8n.importWorkflows([webhookChangePasswordWorkflow({ id: 'benchQueueSingle1', name: 'bench single', path: 'bench-single', credential, nodeType: NODE_TYPE, requestOptions: { maxParallelRequests: concurrency } })]);
		main = await n8n.start({ env: { N8N_CONCURRENCY_PRODUCTION_LIMIT: '-1' } });
		const rest = new N8nRest(main.url);
		await rest.setupOwner(makeOwner());
		await rest.activateWorkflow('benchQueueSingle1');
		log(`single instance: ${items} items over ${EXECUTIONS} executions`);
		const since = sim.lastSeq();
		const started = Date.now();
		await fireBurst(main.url, 'bench-single', bodies(first, items));
		await waitForChanged(sim, first, items);
		const wallMs = Date.now() - started;
		return { key: 'single', label: 'Single instance (regular mode)', wallMs, ...counted(sim, since, first, items), memory: [peakRssKb(mainPid(main))] };
	} finally {
		if (main) await main.stop();
		await n8n.cleanup();
	}
}

function mainPid(started) {
	return started.pid;
}

/** Regular mode keeps executions in SQLite; the simulator tells when every item is done. */
async function waitForChanged(sim, first, items, timeoutMs = 10 * 60 * 1000) {
	const deadline = Date.now() + timeoutMs;
	const wanted = Array.from({ length: items }, (_v, i) => fx.passwordItem(first + i));
	for (;;) {
		if (wanted.every((item) => sim.verifyPassword(item.userId, item.newPassword))) return;
		if (Date.now() > deadline) throw new Error('single-instance run did not finish');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function queueCluster({ install, tarball, sim, secrets, credential, first, items, concurrency, log }) {
	const services = await startServices();
	let cluster;
	try {
		cluster = await startQueueCluster({
			install,
			services,
			tarball,
			secrets: [secrets.clientSecret],
			credentials: [credential],
			workflows: [webhookChangePasswordWorkflow({ id: 'benchQueueWorkers', name: 'bench queue', path: 'bench-queue', credential, nodeType: NODE_TYPE, requestOptions: { maxParallelRequests: concurrency } })],
			activate: ['benchQueueWorkers'],
			workerCount: WORKERS,
			workerConcurrency: EXECUTIONS,
		});
		log(`queue mode: ${items} items over ${EXECUTIONS} executions on ${WORKERS} workers`);
		const since = sim.lastSeq();
		const started = Date.now();
		await fireBurst(cluster.mainProcess.url, 'bench-queue', bodies(first, items));
		const executions = await waitForExecutions(services, 'benchQueueWorkers', EXECUTIONS, { timeoutMs: 10 * 60 * 1000 });
		const wallMs = Date.now() - started;
		return {
			key: 'queue',
			label: `Queue mode, ${WORKERS} workers`,
			wallMs,
			...counted(sim, since, first, items),
			memory: cluster.workers.map((worker) => peakRssKb(worker.pid)),
			executionsPerWorker: cluster.workers.map((worker) => worker.executions().length),
			succeeded: executions.filter((execution) => execution.status === 'success').length,
		};
	} finally {
		if (cluster) await cluster.stop();
		await services.stop();
	}
}

/** Runs both setups for one major; `latencyMs` is added to every simulator request. */
async function benchQueue(major, tarball, { items = 1000, concurrency = 5, latencyMs = 20, log = () => {} } = {}) {
	const install = await ensureN8n(major);
	const secrets = fx.makeSecrets();
	const sim = await startSimulator({ seed: fx.makeSeed(secrets, 2 * items), maxLifetimeMs: 60 * 60 * 1000 });
	sim.addFault({ id: 'latency', method: '*', path: '*', delayMs: latencyMs, count: null });
	const credential = fx.makeCredentials(sim.url, secrets).cloud;
	credential.id = `benchQ${crypto.randomBytes(5).toString('hex')}`;
	try {
		const common = { install, tarball, sim, secrets, credential, items, concurrency, log };
		const single = await singleInstance({ ...common, first: 1 });
		const queue = await queueCluster({ ...common, first: 1 + items });
		return { n8nVersion: install.n8nVersion, items, concurrency, latencyMs, results: [single, queue] };
	} finally {
		await sim.stop();
	}
}

function mb(kb) {
	return kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`;
}

function queueReport({ n8nVersion, items, concurrency, latencyMs, results }) {
	const [single, queue] = results;
	const lines = [
		`### Queue mode, n8n ${n8nVersion}: ${items} Change Password items over ${EXECUTIONS} webhook executions, Max Parallel Requests ${concurrency}, ${latencyMs} ms latency`,
		'',
		'| Setup | Wall time | Items/s | API requests | Token requests | Failed requests | Changed | Duplicated | Peak RSS per process |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
	];
	for (const result of results) {
		lines.push(
			`| ${result.label} | ${(result.wallMs / 1000).toFixed(2)} s | ${(items / (result.wallMs / 1000)).toFixed(0)} | ${result.requests} | ${result.tokenRequests} | ${result.failedRequests} | ${result.changed} | ${result.duplicated} | ${result.memory.map(mb).join(', ')} |`,
		);
	}
	lines.push('', `Throughput ratio queue/single: ${(single.wallMs / queue.wallMs).toFixed(2)}× (executions per worker: ${queue.executionsPerWorker.join(', ')})`, '');
	return lines.join('\n');
}

module.exports = { benchQueue, queueReport };
