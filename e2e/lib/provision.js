'use strict';

// What the end-to-end tests need beyond `npm ci`, provisioned by the test command itself:
//
// * A Chromium for the browser smoke test. In this order (E2E_CHROMIUM_SEARCH picks and orders
//   the sources, comma separated; default "npm,system,apt"):
//     env     E2E_CHROMIUM=/path/to/chrome, when set (always tried first)
//     npm     the headless Chromium shipped inside the @sparticuz/chromium devDependency
//             (Linux x64 only), unpacked once into the e2e cache
//     system  an installed Chromium / Chrome (/usr/bin/chromium, macOS and Windows Chrome, ...)
//     apt     `apt-get install chromium` when running as root on Debian/Ubuntu
//   If none works, one error says what was tried and what to do.
// * python3, make and a C++ compiler for node-gyp (n8n's sqlite3 is compiled once): when one is
//   missing, `apt-get install` as root, else one error that names the missing tools.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SOURCES = ['npm', 'system', 'apt'];

function log(message) {
	process.stdout.write(`[e2e-provision] ${message}\n`);
}

function cacheRoot() {
	// Same cache as the n8n installs (e2e/lib/install.js); required lazily to keep this file light.
	return require('./install').cacheRoot();
}

function isRoot() {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasApt() {
	return process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get');
}

/** The order of Chromium sources from E2E_CHROMIUM_SEARCH ("npm-only" means "npm"). */
function chromiumSources(env = process.env) {
	const raw = (env.E2E_CHROMIUM_SEARCH || SOURCES.join(',')).trim();
	const list = (raw === 'npm-only' ? 'npm' : raw).split(',').map((value) => value.trim()).filter(Boolean);
	const unknown = list.filter((value) => !SOURCES.includes(value));
	if (unknown.length || !list.length) {
		throw new Error(`E2E_CHROMIUM_SEARCH="${raw}": use a comma-separated list of ${SOURCES.join(', ')} (or npm-only)`);
	}
	return list;
}

/** Installed browsers, per platform. */
function systemCandidates(platform = process.platform, env = process.env) {
	if (platform === 'darwin') {
		return [
			'/Applications/Chromium.app/Contents/MacOS/Chromium',
			'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
			'/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
		];
	}
	if (platform === 'win32') {
		const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
		return roots.flatMap((root) => [
			path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
			path.join(root, 'Chromium', 'Application', 'chrome.exe'),
			path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
		]);
	}
	return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

function sparticuzVersion() {
	// Its exports map hides package.json from require(): look it up on the module paths.
	for (const dir of require.resolve.paths('@sparticuz/chromium') || []) {
		const file = path.join(dir, '@sparticuz', 'chromium', 'package.json');
		if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
	}
	return undefined;
}

/**
 * Unpacks the Chromium inside @sparticuz/chromium into <cache>/chromium-<version>/. The package
 * writes to os.tmpdir(), so its executablePath() runs in a child process whose TMPDIR is a
 * staging folder, renamed into place once complete.
 */
function npmChromium() {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		return { reason: `@sparticuz/chromium ships a Linux x64 build only (this is ${process.platform} ${process.arch})` };
	}
	const version = sparticuzVersion();
	if (!version) return { reason: '@sparticuz/chromium is not installed (run npm ci)' };
	const target = path.join(cacheRoot(), `chromium-${version}`);
	const binary = path.join(target, 'chromium');
	if (fs.existsSync(path.join(target, '.ready.json')) && fs.existsSync(binary)) return { binary, source: `npm @sparticuz/chromium@${version}` };
	fs.mkdirSync(cacheRoot(), { recursive: true });
	const staging = fs.mkdtempSync(path.join(cacheRoot(), `.staging-chromium-${version}-`));
	try {
		log(`unpacking the Chromium of @sparticuz/chromium@${version} into ${target} (first run only)`);
		const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p), (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); })";
		const result = spawnSync(process.execPath, ['-e', script], {
			cwd: path.resolve(__dirname, '..', '..'),
			env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
			encoding: 'utf8',
			timeout: 5 * 60 * 1000,
		});
		const unpacked = (result.stdout || '').trim();
		if (result.status !== 0 || path.resolve(unpacked) !== path.join(staging, 'chromium')) {
			return { reason: `@sparticuz/chromium could not unpack its browser: ${(result.stderr || result.error || `exit ${result.status}`).toString().slice(0, 500)}` };
		}
		fs.writeFileSync(path.join(staging, '.ready.json'), `${JSON.stringify({ package: '@sparticuz/chromium', version, unpackedAt: new Date().toISOString() }, null, 2)}\n`);
		fs.rmSync(target, { recursive: true, force: true });
		fs.renameSync(staging, target);
		return { binary, source: `npm @sparticuz/chromium@${version}` };
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

function systemChromium() {
	const found = systemCandidates().find((candidate) => fs.existsSync(candidate));
	return found ? { binary: found, source: 'installed browser' } : { reason: `none of ${systemCandidates().join(', ')} exists` };
}

function aptChromium() {
	if (!hasApt()) return { reason: 'apt-get is not available' };
	if (!isRoot()) return { reason: 'not root, so apt-get install chromium was not tried' };
	log('installing Debian\'s chromium with apt-get (first run only)');
	const result = aptInstall(['chromium']);
	if (!result.ok) return { reason: `apt-get install chromium failed: ${result.detail}` };
	return fs.existsSync('/usr/bin/chromium') ? { binary: '/usr/bin/chromium', source: 'apt chromium' } : { reason: 'apt-get installed chromium but /usr/bin/chromium is missing' };
}

function aptInstall(packages) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = spawnSync('apt-get', ['update'], { env, encoding: 'utf8', timeout: 10 * 60 * 1000 });
	if (update.status !== 0) return { ok: false, detail: `apt-get update: ${(update.stderr || String(update.error)).trim().split('\n').slice(-3).join(' ')}` };
	const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, encoding: 'utf8', timeout: 20 * 60 * 1000 });
	if (install.status !== 0) return { ok: false, detail: (install.stderr || String(install.error)).trim().split('\n').slice(-3).join(' ') };
	return { ok: true };
}

let chromiumPromise;

/**
 * The Chromium the smoke test drives: `{ binary, source }`. Throws one error listing every source
 * tried and why it did not give a browser.
 */
function ensureChromium() {
	if (!chromiumPromise) {
		chromiumPromise = Promise.resolve().then(() => {
			const tried = [];
			if (process.env.E2E_CHROMIUM) {
				if (fs.existsSync(process.env.E2E_CHROMIUM)) return { binary: process.env.E2E_CHROMIUM, source: 'E2E_CHROMIUM' };
				tried.push(`E2E_CHROMIUM: ${process.env.E2E_CHROMIUM} does not exist`);
			}
			const finders = { npm: npmChromium, system: systemChromium, apt: aptChromium };
			for (const source of chromiumSources()) {
				const found = finders[source]();
				if (found.binary) {
					log(`Chromium: ${found.binary} (${found.source})`);
					return found;
				}
				tried.push(`${source}: ${found.reason}`);
			}
			throw new Error(
				`no Chromium for the browser smoke test. Tried ${tried.join('; ')}. ` +
					'Install Chromium or Google Chrome, or point E2E_CHROMIUM at one (E2E_SKIP_BROWSER=1 skips the browser test).',
			);
		});
	}
	return chromiumPromise;
}

function hasCommand(name) {
	const probe = spawnSync(process.platform === 'win32' ? 'where' : 'sh', process.platform === 'win32' ? [name] : ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return probe.status === 0;
}

/** Tools node-gyp needs on Linux/macOS, and the Debian packages that bring them. */
const COMPILERS = [
	{ command: 'python3', apt: 'python3' },
	{ command: 'make', apt: 'make' },
	{ command: 'g++', apt: 'g++', alternatives: ['c++', 'clang++'] },
];

/**
 * Makes sure python3, make and a C++ compiler are on PATH for node-gyp. Installs the missing ones
 * with apt-get when root; otherwise throws one error naming them.
 */
function ensureCompilers({ has = hasCommand, platform = process.platform, root = isRoot(), apt = hasApt(), install = aptInstall } = {}) {
	if (platform === 'win32') return { installed: [] };
	const missing = () => COMPILERS.filter((tool) => ![tool.command, ...(tool.alternatives || [])].some((name) => has(name)));
	const first = missing();
	if (!first.length) return { installed: [] };
	const names = first.map((tool) => tool.command).join(', ');
	if (apt && root) {
		log(`installing ${names} with apt-get for node-gyp (n8n's sqlite3)`);
		const result = install(first.map((tool) => tool.apt));
		if (result.ok && !missing().length) return { installed: first.map((tool) => tool.apt) };
		throw new Error(`node-gyp needs ${names} to build n8n's sqlite3, and apt-get could not install them: ${result.detail || 'still missing afterwards'}`);
	}
	const how = platform === 'darwin' ? 'run xcode-select --install' : 'install them (Debian/Ubuntu: sudo apt-get install python3 make g++)';
	throw new Error(`node-gyp needs ${names} to build n8n's sqlite3 for the e2e tests: ${how}, then run npm test again`);
}

module.exports = { ensureChromium, ensureCompilers, chromiumSources, systemCandidates, COMPILERS };
