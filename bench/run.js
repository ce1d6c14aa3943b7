#!/usr/bin/env node
'use strict';

// npm run bench — 1000-item Change Password in real n8n against the UiPath Identity simulator with
// injected latency: this node vs n8n's HTTP Request node with n8n's OAuth2 client-credentials
// credential vs a plain Node HTTP client, at equal concurrency; then Delete Many for 1000 users.
// Reuses the simulator (simulator/) and the cached real-n8n installs (e2e/lib). Not a test: it
// prints one run's numbers; docs/benchmarks.md explains them. Environment:
//   BENCH_MAJORS=1        n8n majors to run (1 = 1.123.x on this Node, 2 = 2.41.x on Node 24)
//   BENCH_ITEMS=1000      items per run
//   BENCH_CONCURRENCY=10  requests in flight for every client
//   BENCH_LATENCY_MS=20   latency the simulator adds to every request (token requests included)
//   BENCH_QUEUE=0         leave out the queue-mode table (bench/queue.js; needs PostgreSQL + Redis)
//   BENCH_ONLY_QUEUE=1    only the queue-mode table

const path = require('node:path');
const { spawn } = require('node:child_process');

const { startSimulator } = require('../simulator');
const { ensureN8n, TARGETS, majorsFromEnv } = require('../e2e/lib/install');
const { N8nInstance } = require('../e2e/lib/n8n');
const { packPackage } = require('../e2e/lib/pack');
const fx = require('../e2e/lib/fixtures');
const wf = require('./workflows');
const { benchQueue, queueReport } = require('./queue');

const MAJORS = majorsFromEnv('BENCH_MAJORS', '1');
const ITEMS = Number(process.env.BENCH_ITEMS || 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 10);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS || 20);
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

function log(message) {
	process.stdout.write(`[bench] ${message}\n`);
}

/** Users `first`..`first + ITEMS - 1`: every run gets fresh users, so no reset is needed between runs. */
function passwordItems(first) {
	return Array.from({ length: ITEMS }, (_v, i) => fx.passwordItem(first + i));
}

/** Runs a command under /usr/bin/time to get its peak resident memory. */
function measured(command, args, { cwd, env }) {
	return new Promise((resolve, reject) => {
		const child = spawn('/usr/bin/time', ['-f', 'BENCH_MAXRSS_KB=%M', command, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
			resolve({ code, stdout, stderr, peakRssKb: rss ? Number(rss[1]) : undefined });
		});
	});
}

/** The first error message n8n printed (its run output is JSON with "message" fields). */
function failureReason(output) {
	const message = /"message":\s*"([^"]{1,300})"/.exec(output) || /(Error[^\n]{0,300})/.exec(output);
	return message ? message[1] : output.slice(-300);
}

/** Wall time, requests and token requests as the simulator saw them. */
function fromLog(entries) {
	if (!entries.length) return { wallMs: 0, requests: 0, tokenRequests: 0 };
	const start = Math.min(...entries.map((entry) => Date.parse(entry.at)));
	const end = Math.max(...entries.map((entry) => Date.parse(entry.at) + (entry.durationMs || 0)));
	return {
		wallMs: end - start,
		requests: entries.filter((entry) => entry.kind === 'api').length,
		tokenRequests: entries.filter((entry) => entry.kind === 'token').length,
		failedRequests: entries.filter((entry) => entry.status >= 400 || entry.status === null).length,
	};
}

async function benchMajor(major, tarball) {
	const install = await ensureN8n(major);
	const secrets = fx.makeSecrets();
	const sim = await startSimulator({ seed: fx.makeSeed(secrets, 6 * ITEMS), maxLifetimeMs: 60 * 60 * 1000 });
	sim.addFault({ id: 'latency', method: '*', path: '*', delayMs: LATENCY_MS, count: null });
	const n8n = new N8nInstance(install, { secrets: [secrets.clientSecret] });
	const results = [];
	try {
		await n8n.installPackage(tarball);
		const credential = fx.makeCredentials(sim.url, secrets).cloud;
		const oauth2 = wf.oauth2Credential({ id: 'benchOAuth2Cred01', simulatorUrl: sim.url, clientSecret: secrets.clientSecret });
		await n8n.importCredentials([credential, oauth2]);
		const runs = [
			{ key: 'baseline', label: 'n8n baseline (Set + Split Out, no requests)', workflow: wf.baselineWorkflow({ id: 'benchBaseline0001', items: passwordItems(1) }) },
			{ key: 'nodeCold', label: `UiPath Identity node, Max Parallel Requests ${CONCURRENCY}, no stored token`, first: 1, workflow: wf.nodeChangePasswordWorkflow({ id: 'benchNodeCold0001', credential, concurrency: CONCURRENCY, items: passwordItems(1) }) },
			{ key: 'nodeWarm', label: `UiPath Identity node, Max Parallel Requests ${CONCURRENCY}, stored token`, first: 1 + ITEMS, workflow: wf.nodeChangePasswordWorkflow({ id: 'benchNodeWarm0001', credential, concurrency: CONCURRENCY, items: passwordItems(1 + ITEMS) }) },
			{ key: 'httpLoop', label: `HTTP Request + OAuth2, Loop Over Items of ${CONCURRENCY}, no stored token`, first: 1 + 2 * ITEMS, workflow: wf.httpLoopWorkflow({ id: 'benchHttpLoop0001', simulatorUrl: sim.url, credential: oauth2, concurrency: CONCURRENCY, items: passwordItems(1 + 2 * ITEMS) }) },
			{ key: 'httpAll', label: 'HTTP Request + OAuth2, default (all items at once), stored token', first: 1 + 3 * ITEMS, workflow: wf.httpAllAtOnceWorkflow({ id: 'benchHttpAll00001', simulatorUrl: sim.url, credential: oauth2, items: passwordItems(1 + 3 * ITEMS) }) },
		];
		await n8n.importWorkflows(runs.map((run) => run.workflow));
		const deleteIds = Array.from({ length: ITEMS }, (_v, i) => fx.userId(1 + 5 * ITEMS + i));
		await n8n.importWorkflows([wf.deleteManyWorkflow({ id: 'benchDeleteMany01', credential, userIds: deleteIds })]);
		const emails = Array.from({ length: ITEMS }, (_v, i) => `user${1 + i}@contoso.example`);
		await n8n.importWorkflows([wf.getByEmailWorkflow({ id: 'benchByEmail0001', credential, emails, concurrency: CONCURRENCY })]);

		for (const run of runs) {
			log(`n8n ${install.n8nVersion}: ${run.label}`);
			const since = sim.lastSeq();
			const result = await measured(install.nodeBinary, [install.n8nBin, 'execute', `--id=${run.workflow.id}`, '--rawOutput'], {
				cwd: n8n.userFolder,
				env: n8n.env({ N8N_LOG_LEVEL: 'info' }),
			});
			// Success is checked on the simulator (passwords changed). A failed run is reported, not fatal.
			const failure = result.code === 0 ? undefined : failureReason(n8n.mask(result.stdout + result.stderr));
			if (failure) log(`  failed: ${failure}`);
			const changed = run.first ? passwordItems(run.first).filter((item) => sim.verifyPassword(item.userId, item.newPassword)).length : undefined;
			results.push({ ...run, workflow: undefined, ...fromLog(sim.log(since)), peakRssKb: result.peakRssKb, changed, failure });
		}

		log(`n8n ${install.n8nVersion}: Get By Email for ${ITEMS} users (organization of ${6 * ITEMS})`);
		const byEmailSince = sim.lastSeq();
		const byEmail = await measured(install.nodeBinary, [install.n8nBin, 'execute', '--id=benchByEmail0001', '--rawOutput'], {
			cwd: n8n.userFolder,
			env: n8n.env({ N8N_LOG_LEVEL: 'info' }),
		});
		if (byEmail.code !== 0) throw new Error(`Get By Email failed:\n${n8n.mask(byEmail.stderr + byEmail.stdout).slice(-3000)}`);
		const byEmailLog = sim.log(byEmailSince);
		const lists = byEmailLog.filter((entry) => /\/User(Partition)?\/users\//i.test(entry.path));
		const searches = lists.filter((entry) => entry.query && entry.query.searchTerm !== undefined).length;
		results.push({
			key: 'byEmail',
			label: `UiPath Identity node, Get By Email (${ITEMS} items, Max Parallel Requests ${CONCURRENCY}), stored token`,
			...fromLog(byEmailLog),
			peakRssKb: byEmail.peakRssKb,
			byEmail: { listingRequests: lists.length - searches, searches, userReads: byEmailLog.filter((entry) => entry.kind === 'api').length - lists.length },
		});

		log(`plain Node HTTP client, ${CONCURRENCY} in flight`);
		const since = sim.lastSeq();
		const items = passwordItems(1 + 4 * ITEMS);
		const config = {
			tokenUrl: `${sim.url}/${fx.ORG_NAME}/identity_/connect/token`,
			apiBase: `${sim.url}/${fx.ORG_NAME}/identity_`,
			clientId: 'e2e-app',
			clientSecret: secrets.clientSecret,
			scope: 'PM.User PM.Group',
			concurrency: CONCURRENCY,
			items,
		};
		const plain = await measured(install.nodeBinary, [path.join(__dirname, 'plain-client.js'), JSON.stringify(config)], { cwd: __dirname, env: { PATH: process.env.PATH } });
		if (plain.code !== 0) throw new Error(`plain client failed: ${plain.stderr.slice(-2000)}`);
		results.push({
			key: 'plain',
			label: `plain Node HTTP client (node:http, keep-alive), ${CONCURRENCY} in flight`,
			...fromLog(sim.log(since)),
			peakRssKb: plain.peakRssKb,
			changed: items.filter((item) => sim.verifyPassword(item.userId, item.newPassword)).length,
		});

		log(`n8n ${install.n8nVersion}: Delete Many for ${ITEMS} users`);
		const deleteSince = sim.lastSeq();
		const deleted = await measured(install.nodeBinary, [install.n8nBin, 'execute', '--id=benchDeleteMany01', '--rawOutput'], {
			cwd: n8n.userFolder,
			env: n8n.env({ N8N_LOG_LEVEL: 'info' }),
		});
		if (deleted.code !== 0) throw new Error(`Delete Many failed:\n${n8n.mask(deleted.stderr + deleted.stdout).slice(-3000)}`);
		const remaining = new Set(sim.snapshot().organizations.flatMap((org) => org.users.map((user) => user.id)));
		results.push({
			key: 'deleteMany',
			label: `UiPath Identity node, Delete Many (${ITEMS} users, Batch Size 1000), stored token`,
			...fromLog(sim.log(deleteSince)),
			peakRssKb: deleted.peakRssKb,
			deleted: deleteIds.filter((id) => !remaining.has(id)).length,
		});
	} finally {
		await n8n.cleanup();
		await sim.stop();
	}
	return { n8nVersion: install.n8nVersion, node: major === 1 ? process.version : `v${TARGETS[2].node.version}`, results };
}

function mb(kb) {
	return kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`;
}

function ratio(a, b) {
	return b ? `${(a / b).toFixed(2)}×` : 'n/a';
}

function report({ n8nVersion, node, results }) {
	const by = Object.fromEntries(results.map((result) => [result.key, result]));
	const lines = [
		`### n8n ${n8nVersion} on Node ${node}: ${ITEMS} items, ${CONCURRENCY} in flight, ${LATENCY_MS} ms latency`,
		'',
		'| Run | Wall time | API requests | Token requests | Failed requests | Peak RSS | Peak RSS over baseline | Done |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const result of results) {
		if (result.key === 'baseline') continue;
		const over = result.key === 'plain' ? '—' : mb(result.peakRssKb - by.baseline.peakRssKb);
		let done = result.deleted !== undefined ? `${result.deleted} deleted` : `${result.changed} changed`;
		if (result.byEmail) {
			const { listingRequests, searches, userReads } = result.byEmail;
			done = `${listingRequests} listing + ${searches} search requests for ${ITEMS} By Email lookups (was ${ITEMS} searches), ${userReads} user reads`;
		}
		if (result.failure) done += `; run failed: ${result.failure}`;
		lines.push(`| ${result.label} | ${(result.wallMs / 1000).toFixed(2)} s | ${result.requests} | ${result.tokenRequests} | ${result.failedRequests} | ${mb(result.peakRssKb)} | ${over} | ${done} |`);
	}
	lines.push(`| n8n baseline (Set + Split Out, no requests) | — | 0 | 0 | 0 | ${mb(by.baseline.peakRssKb)} | — | — |`, '');
	const ours = by.nodeCold;
	lines.push(
		'| Ratio (this node, no stored token) | vs HTTP Request, Loop Over Items | vs plain client |',
		'| --- | ---: | ---: |',
		`| Wall time | ${ratio(ours.wallMs, by.httpLoop.wallMs)} | ${ratio(ours.wallMs, by.plain.wallMs)} |`,
		`| Requests (API + token) | ${ratio(ours.requests + ours.tokenRequests, by.httpLoop.requests + by.httpLoop.tokenRequests)} | ${ratio(ours.requests + ours.tokenRequests, by.plain.requests + by.plain.tokenRequests)} |`,
		`| Peak RSS over n8n baseline | ${ratio(ours.peakRssKb - by.baseline.peakRssKb, by.httpLoop.peakRssKb - by.baseline.peakRssKb)} | — |`,
		'',
	);
	return lines.join('\n');
}

async function main() {
	const tarball = await packPackage();
	log(`package: ${path.basename(tarball)}; items ${ITEMS}, concurrency ${CONCURRENCY}, latency ${LATENCY_MS} ms`);
	const sections = [];
	for (const major of process.env.BENCH_ONLY_QUEUE === '1' ? [] : MAJORS) {
		const outcome = await benchMajor(major, tarball);
		sections.push(report(outcome));
		process.stdout.write(`\n${sections[sections.length - 1]}\n`);
		process.stdout.write(`[bench] raw: ${JSON.stringify(outcome)}\n`);
	}
	// Queue mode (BENCH_QUEUE=0 leaves it out): same items on one regular instance vs main + workers.
	if (process.env.BENCH_QUEUE !== '0') {
		for (const major of MAJORS) {
			const outcome = await benchQueue(major, tarball, { items: ITEMS, latencyMs: LATENCY_MS, log });
			process.stdout.write(`\n${queueReport(outcome)}\n`);
			process.stdout.write(`[bench] queue raw: ${JSON.stringify(outcome)}\n`);
		}
	}
}

main().catch((error) => {
	process.stderr.write(`[bench] ${error.stack || error.message}\n`);
	process.exit(1);
});
