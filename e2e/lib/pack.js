'use strict';

// Builds the package when dist/ is missing or older than the sources, then `npm pack`s it into a
// temp dir (once per process; scripts/e2e.js passes its tarball through E2E_TARBALL).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { npm } = require('./install');

const ROOT = path.resolve(__dirname, '..', '..');

function newestMtime(dir) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

function distIsStale() {
	const dist = path.join(ROOT, 'dist');
	if (!fs.existsSync(path.join(dist, 'nodes'))) return true;
	const sources = Math.max(newestMtime(path.join(ROOT, 'nodes')), newestMtime(path.join(ROOT, 'credentials')), newestMtime(path.join(ROOT, 'icons')));
	return sources > newestMtime(dist);
}

let packed;

async function buildAndPack() {
	if (process.env.E2E_TARBALL && fs.existsSync(process.env.E2E_TARBALL)) return process.env.E2E_TARBALL;
	if (distIsStale()) {
		process.stdout.write('[e2e] dist/ is missing or stale: npm run build\n');
		await npm(['run', 'build'], { cwd: ROOT, timeoutMs: 5 * 60 * 1000 });
	}
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-pack-'));
	const result = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: ROOT, timeoutMs: 2 * 60 * 1000 });
	const [info] = JSON.parse(result.stdout);
	return path.join(destination, info.filename);
}

function packPackage() {
	if (!packed) packed = buildAndPack();
	return packed;
}

module.exports = { packPackage, ROOT };
