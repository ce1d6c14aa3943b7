#!/usr/bin/env node
// n8n's own checks, as a gate in `npm test` (npm run test:n8n). Fails on any finding.
//
// 1. `n8n-node lint` (strict mode, the untouched eslint.config.mjs): errors fail it, and so do
//    warnings here (n8n-node lint alone exits 0 on warnings).
// 2. n8n's community-package scanner (@n8n/scan-community-package, its own analyser and rule set,
//    inline eslint-disable comments ignored) exactly as it runs on a published package: the source
//    leg on package.json + {nodes,credentials}/**/*.{js,ts,json}, and the tarball leg on the
//    `npm pack`ed, extracted package (**/*.js + package.json). Its CLI only takes a registry name
//    and also checks npm provenance, which only a published version has; the analyser is the
//    same code the CLI calls.
//
// Usage: node scripts/n8n-checks.mjs                 all three (needs a built dist/)
//        node scripts/n8n-checks.mjs --package-dir D  scanner tarball leg on an extracted package D
//        node scripts/n8n-checks.mjs --source-dir D   scanner source leg on a source tree D
//        --no-lint                                    skip n8n-node lint (default with the dir flags)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The tarball leg's patterns, as in analyzePackageByName (scanner/scanner.mjs).
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function parseArgs(argv) {
	const options = { lint: true };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (arg === '--package-dir') options.packageDir = path.resolve(argv[++index]);
		else if (arg === '--source-dir') options.sourceDir = path.resolve(argv[++index]);
		else if (arg === '--no-lint') options.lint = false;
		else throw new Error(`unknown argument ${arg}`);
	}
	if (options.packageDir || options.sourceDir) options.lint = false;
	return options;
}

function npmCli() {
	if (process.env.npm_execpath && fs.existsSync(process.env.npm_execpath)) return [process.execPath, [process.env.npm_execpath]];
	return [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32', ...options });
	if (result.error) throw result.error;
	return result;
}

/** `npm pack` into a temp dir and extract it as n8n does (tar --strip-components=1). */
export function packAndExtract(cwd = ROOT) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-scan-'));
	const [npm, prefix] = npmCli();
	const pack = run(npm, [...prefix, 'pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd });
	if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout);
	const packageDir = path.join(work, 'package');
	fs.mkdirSync(packageDir);
	const untar = run('tar', ['-xzf', path.join(work, info.filename), '-C', packageDir, '--strip-components=1']);
	if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
	return { work, packageDir, tarball: path.join(work, info.filename), files: info.files.length };
}

async function scanner() {
	// The analyser is not in the package's exports map; import the file itself.
	const file = path.join(ROOT, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
	return import(new URL(`file://${file}`).href);
}

async function analyse(label, dir, patterns) {
	const { analyzePackage } = await scanner();
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		console.log(`[n8n-checks] scanner, ${label}: no findings${result.message ? ` (${result.message})` : ''}`);
		return true;
	}
	console.error(`[n8n-checks] scanner, ${label}: ${result.message}`);
	if (result.details) console.error(result.details);
	return false;
}

function lint() {
	const bin = path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	const command = fs.existsSync(bin) ? [process.execPath, [bin, 'lint']] : ['npx', ['n8n-node', 'lint']];
	const result = run(command[0], command[1], { env: { ...process.env, FORCE_COLOR: '0' } });
	const output = `${result.stdout}\n${result.stderr}`;
	process.stdout.write(result.stdout);
	process.stderr.write(result.stderr);
	// eslint's stylish summary: "✖ 3 problems (0 errors, 3 warnings)".
	const problems = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(output);
	if (result.status !== 0 || problems) {
		console.error(`[n8n-checks] n8n-node lint: ${problems ? problems[0] : `exit ${result.status}`}`);
		return false;
	}
	console.log('[n8n-checks] n8n-node lint: no findings');
	return true;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const results = [];
	if (options.lint) results.push(lint());
	if (options.sourceDir) results.push(await analyse(`source ${options.sourceDir}`, options.sourceDir, (await scanner()).SOURCE_FILE_PATTERNS));
	if (options.packageDir) results.push(await analyse(`package ${options.packageDir}`, options.packageDir, TARBALL_PATTERNS));
	if (!options.sourceDir && !options.packageDir) {
		if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ is missing: npm run build first');
		results.push(await analyse('source (package.json, nodes/, credentials/)', ROOT, (await scanner()).SOURCE_FILE_PATTERNS));
		const packed = packAndExtract();
		try {
			results.push(await analyse(`packed tarball (${packed.files} files)`, packed.packageDir, TARBALL_PATTERNS));
		} finally {
			fs.rmSync(packed.work, { recursive: true, force: true });
		}
	}
	if (results.some((ok) => !ok)) {
		console.error('[n8n-checks] FAILED: n8n would reject this package');
		process.exit(1);
	}
	console.log('[n8n-checks] passed');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		console.error(`[n8n-checks] ${error.stack || error.message}`);
		process.exit(1);
	});
}
