#!/usr/bin/env node
'use strict';

// npm start — builds the package and starts, on localhost only:
//   * the UiPath Identity simulator with the demo organization (simulator/seed/demo.json),
//   * a real n8n (1.x on Node 20 by default; `npm start -- --n8n 2` or N8N_MAJOR=2 for 2.x on
//     Node 24) with the freshly built package installed, a demo credential and the examples.
// Ctrl-C stops everything. Options: --n8n 1|2, --port 5678, --simulator-port 0, --hours 8.

const fs = require('node:fs');
const path = require('node:path');

const { startSimulator } = require('../simulator');
const { ensureN8n, cacheRoot, TARGETS, npm } = require('../e2e/lib/install');
const { N8nInstance } = require('../e2e/lib/n8n');
const { packPackage, ROOT } = require('../e2e/lib/pack');
const { loadExamples, demoCredential } = require('../e2e/lib/examples');

function parseArgs(argv) {
	const options = { major: Number(process.env.N8N_MAJOR || 1), port: Number(process.env.N8N_DEMO_PORT || 5678), simulatorPort: Number(process.env.SIMULATOR_PORT || 0), hours: 8 };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		const value = () => argv[++index];
		if (arg === '--n8n') options.major = Number(value());
		else if (arg === '--port') options.port = Number(value());
		else if (arg === '--simulator-port') options.simulatorPort = Number(value());
		else if (arg === '--hours') options.hours = Number(value());
		else throw new Error(`Unknown option ${arg}. Use --n8n 1|2, --port N, --simulator-port N, --hours N`);
	}
	if (!TARGETS[options.major]) throw new Error('--n8n must be 1 or 2');
	return options;
}

function say(line = '') {
	process.stdout.write(`${line}\n`);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const lifetimeMs = options.hours * 60 * 60 * 1000;
	say(`Building the package…`);
	await npm(['run', 'build'], { cwd: ROOT, timeoutMs: 5 * 60 * 1000 });
	say(`Preparing n8n ${TARGETS[options.major].n8nVersion} (cached in ${cacheRoot()}; the first run downloads it)…`);
	const install = await ensureN8n(options.major);
	const tarball = await packPackage();

	const simulator = await startSimulator({ port: options.simulatorPort, maxLifetimeMs: lifetimeMs });
	// A stable user folder keeps the owner account and your own workflows between runs.
	const userFolder = path.join(cacheRoot(), `demo-n8n-${options.major}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const n8n = new N8nInstance(install, { userFolder });
	fs.rmSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
	await n8n.installPackage(tarball);
	await n8n.importCredentials([demoCredential(simulator.url)]);
	const examples = loadExamples();
	await n8n.importWorkflows(examples);

	say(`Starting n8n on http://localhost:${options.port} …`);
	let server;
	try {
		server = await n8n.start({ port: options.port, maxLifetimeMs: lifetimeMs });
	} catch (error) {
		await simulator.stop();
		throw error;
	}

	let stopping = false;
	const stopAll = async (reason) => {
		if (stopping) return;
		stopping = true;
		say(`\nStopping (${reason})…`);
		await server.stop();
		await simulator.stop();
		say('Stopped n8n and the simulator.');
		process.exit(0);
	};
	process.on('SIGINT', () => stopAll('Ctrl-C'));
	process.on('SIGTERM', () => stopAll('SIGTERM'));
	setTimeout(() => stopAll(`${options.hours} h lifetime reached`), lifetimeMs).unref();
	const poll = setInterval(async () => {
		const alive = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) }).then((response) => response.ok).catch(() => false);
		if (!alive) {
			clearInterval(poll);
			stopAll('n8n stopped');
		}
	}, 10000);

	say('');
	say(`  n8n ${install.n8nVersion} is running:   http://localhost:${options.port}`);
	say(`  UiPath Identity simulator:     ${simulator.url}  (demo organization "acme")`);
	say('');
	say('  First visit: create the owner account n8n asks for (kept between runs).');
	say('  Credential "UiPath Identity (demo simulator)" points at the simulator.');
	say('  Example workflows (open one and press "Execute workflow"):');
	for (const workflow of examples) say(`    - ${workflow.name}`);
	say('  The form example needs the workflow activated; its form is at');
	say(`    http://localhost:${options.port}/form/uipath-password-change`);
	say('');
	say('  Press Ctrl-C to stop n8n and the simulator.');
}

main().catch((error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
