#!/usr/bin/env node
'use strict';

// npm run bench:sync — User → Sync in real n8n against the simulator: an organization of
// BENCH_SYNC_PEOPLE users and an HR list of as many people of whom 5% need a change (name changes,
// moved teams, new hires, leavers). Runs the plan (Dry Run), the sync, and the sync again, and
// prints requests by method and wall time as the simulator saw them. Environment:
//   BENCH_MAJORS=1            n8n majors to run (1 = 1.123.x on this Node, 2 = 2.41.x on Node 24)
//   BENCH_SYNC_PEOPLE=1000    people in the HR list (and users in the organization)
//   BENCH_LATENCY_MS=20       latency the simulator adds to every request

const { startSimulator } = require('../simulator');
const { ensureN8n, TARGETS, majorsFromEnv } = require('../e2e/lib/install');
const { N8nInstance } = require('../e2e/lib/n8n');
const { packPackage } = require('../e2e/lib/pack');
const fx = require('../e2e/lib/fixtures');
const { identityNode, listWorkflow } = require('../e2e/lib/workflows');

const MAJORS = majorsFromEnv('BENCH_MAJORS', '1');
const PEOPLE = Number(process.env.BENCH_SYNC_PEOPLE || 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS || 20);

function log(message) {
	process.stdout.write(`[bench:sync] ${message}\n`);
}

/**
 * The HR list and what it changes. The organization holds users 1..PEOPLE (fixtures.makeSeed:
 * odd numbers in Finance, even in HR). Of the PEOPLE people, 5% need a change, split evenly:
 * a new last name, a move to the other team, a new hire (replacing users at the end of the
 * range, who are then missing from the list and get deactivated).
 */
function hrList(count = PEOPLE) {
	const changes = Math.round(count * 0.05);
	const quarter = Math.floor(changes / 4);
	const renamed = quarter;
	const moved = quarter;
	const hires = Math.floor((changes - renamed - moved) / 2);
	const leavers = hires;
	const team = (n) => (n % 2 ? 'Finance' : 'HR');
	const people = [];
	for (let n = 1; n <= count - leavers; n++) {
		const person = { email: `user${n}@contoso.example`, firstName: 'User', lastName: String(n), groups: [team(n)] };
		if (n <= renamed) person.lastName = `${n}-Renamed`;
		else if (n <= renamed + moved) person.groups = [team(n + 1)];
		people.push(person);
	}
	for (let h = 1; h <= hires; h++) {
		people.push({ email: `hire${h}@contoso.example`, firstName: 'Hire', lastName: String(h), groups: [team(h)] });
	}
	return { people, expected: { renamed, moved, hires, leavers, total: renamed + moved + hires + leavers } };
}

function syncWorkflow({ id, credential, people, dryRun, name = `bench Sync (${dryRun ? 'Dry Run' : 'sync'})` }) {
	const parameters = {
		resource: 'user',
		operation: 'sync',
		dryRun,
		keyField: 'email',
		key: '={{ $json.email }}',
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		groupMode: 'exact',
		groups: '={{ $json.groups }}',
		options: { missing: 'deactivate' },
	};
	return listWorkflow({ id, name, field: 'people', list: people, target: identityNode({ id: 'sync-node', name: 'Sync', parameters, credential }) });
}

/** Requests by method, token requests and wall time as the simulator saw them. */
function fromLog(entries) {
	const api = entries.filter((entry) => entry.kind === 'api');
	const byMethod = {};
	for (const entry of api) byMethod[entry.method] = (byMethod[entry.method] || 0) + 1;
	const start = entries.length ? Math.min(...entries.map((entry) => Date.parse(entry.at))) : 0;
	const end = entries.length ? Math.max(...entries.map((entry) => Date.parse(entry.at) + (entry.durationMs || 0))) : 0;
	return {
		requests: api.length,
		byMethod,
		tokenRequests: entries.filter((entry) => entry.kind === 'token').length,
		failedRequests: entries.filter((entry) => entry.status >= 400 || entry.status === null).length,
		requestWallMs: end - start,
	};
}

function actions(run) {
	const runs = run && run.data.resultData.runData.Sync;
	const items = runs ? runs[runs.length - 1].data.main[0] : [];
	const counts = {};
	for (const item of items) counts[item.json.action] = (counts[item.json.action] || 0) + 1;
	return counts;
}

async function benchMajor(major, tarball) {
	const install = await ensureN8n(major);
	const secrets = fx.makeSecrets();
	const sim = await startSimulator({ seed: fx.makeSeed(secrets, PEOPLE), maxLifetimeMs: 60 * 60 * 1000 });
	sim.addFault({ id: 'latency', method: '*', path: '*', delayMs: LATENCY_MS, count: null });
	const n8n = new N8nInstance(install, { secrets: [secrets.clientSecret] });
	const { people, expected } = hrList();
	const results = [];
	try {
		await n8n.installPackage(tarball);
		const credential = fx.makeCredentials(sim.url, secrets).cloud;
		await n8n.importCredentials([credential]);
		const runs = [
			{ key: 'plan', label: 'Sync, Dry Run (plan only)', workflow: syncWorkflow({ id: 'benchSyncPlan0001', credential, people, dryRun: true }) },
			{ key: 'sync', label: 'Sync', workflow: syncWorkflow({ id: 'benchSyncRun00001', credential, people, dryRun: false }) },
			{ key: 'again', label: 'Sync again right after', workflow: syncWorkflow({ id: 'benchSyncRun00001', credential, people, dryRun: false }) },
		];
		await n8n.importWorkflows([runs[0].workflow, runs[1].workflow]);
		for (const run of runs) {
			log(`n8n ${install.n8nVersion}: ${run.label}`);
			const since = sim.lastSeq();
			const started = Date.now();
			const result = await n8n.execute(run.workflow.id);
			const wallMs = Date.now() - started;
			if (result.code !== 0) throw new Error(`${run.label} failed:\n${n8n.mask(result.stderr + result.stdout).slice(-3000)}`);
			results.push({ key: run.key, label: run.label, wallMs, ...fromLog(sim.log(since)), actions: actions(result.run) });
		}
	} finally {
		await n8n.cleanup();
		await sim.stop();
	}
	return { n8nVersion: install.n8nVersion, node: major === 1 ? process.version : `v${TARGETS[2].node.version}`, expected, results };
}

function report({ n8nVersion, node, expected, results }) {
	const lines = [
		`### n8n ${n8nVersion} on Node ${node}: ${PEOPLE} people, ${expected.total} changes (${expected.renamed} renamed, ${expected.moved} moved, ${expected.hires} hires, ${expected.leavers} leavers), ${LATENCY_MS} ms latency`,
		'',
		'| Run | n8n execute wall time | First to last request | Requests to UiPath | By method | Token requests | Failed | Outcome |',
		'| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |',
	];
	for (const result of results) {
		const methods = Object.entries(result.byMethod).map(([method, count]) => `${method} ${count}`).join(', ');
		const outcome = Object.entries(result.actions).map(([action, count]) => `${count} ${action}`).join(', ');
		lines.push(`| ${result.label} | ${(result.wallMs / 1000).toFixed(1)} s | ${(result.requestWallMs / 1000).toFixed(2)} s | ${result.requests} | ${methods} | ${result.tokenRequests} | ${result.failedRequests} | ${outcome} |`);
	}
	return lines.join('\n') + '\n';
}

async function main() {
	const tarball = await packPackage();
	for (const major of MAJORS) {
		const outcome = await benchMajor(major, tarball);
		process.stdout.write(`\n${report(outcome)}\n`);
		process.stdout.write(`[bench:sync] raw: ${JSON.stringify(outcome)}\n`);
	}
}

module.exports = { hrList, syncWorkflow, fromLog };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`[bench:sync] ${error.stack || error.message}\n`);
		process.exit(1);
	});
}
