// The n8n checks gate (scripts/n8n-checks.mjs) passes on the real packed package and fails on
// copies that n8n's scanner must reject: timers and process.env in dist (even behind an
// eslint-disable comment, which the scanner ignores), a forbidden global in the TypeScript
// sources, and a runtime dependency in package.json.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { packAndExtract } from '../n8n-checks.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_JS = path.join('dist', 'nodes', 'UiPathIdentity', 'UiPathIdentity.node.js');

function gate(args) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'n8n-checks.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code, output }));
	});
}

let packed;
let scratch;
function copyOfPackage(name, mutate) {
	const dir = path.join(scratch, name);
	fs.cpSync(packed.packageDir, dir, { recursive: true });
	mutate(dir);
	return dir;
}

describe('n8n checks gate', { concurrency: true, timeout: 240000 }, () => {
	before(() => {
		assert.ok(fs.existsSync(path.join(ROOT, NODE_JS)), 'dist/ is missing: run npm run build first');
		packed = packAndExtract();
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-gate-'));
	});
	after(() => {
		if (packed) fs.rmSync(packed.work, { recursive: true, force: true });
		if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
	});

	it('the packed package has no findings', async () => {
		assert.ok(!fs.existsSync(path.join(packed.packageDir, 'dist', 'package.json')), 'dist/package.json must not be packed');
		const { code, output } = await gate(['--package-dir', packed.packageDir]);
		assert.equal(code, 0, output);
		assert.match(output, /no findings/);
	});

	it('fails on setTimeout in dist', async () => {
		const dir = copyOfPackage('timer', (d) => fs.appendFileSync(path.join(d, NODE_JS), '\nsetTimeout(() => undefined, 10);\n'));
		const { code, output } = await gate(['--package-dir', dir]);
		assert.equal(code, 1, output);
		assert.match(output, /restricted global 'setTimeout'.*no-restricted-globals/);
		assert.match(output, /FAILED: n8n would reject this package/);
	});

	it('fails on process.env in dist even behind an eslint-disable comment', async () => {
		const dir = copyOfPackage('env', (d) =>
			fs.appendFileSync(path.join(d, NODE_JS), '\n// eslint-disable-next-line\nexports.home = process.env.HOME;\n'),
		);
		const { code, output } = await gate(['--package-dir', dir]);
		assert.equal(code, 1, output);
		assert.match(output, /restricted global 'process'/);
	});

	it('fails on a runtime dependency in the packed package.json', async () => {
		const dir = copyOfPackage('deps', (d) => {
			const file = path.join(d, 'package.json');
			const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
			pkg.dependencies = { axios: '1.18.0' };
			fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
		});
		const { code, output } = await gate(['--package-dir', dir]);
		assert.equal(code, 1, output);
		assert.match(output, /no-runtime-dependencies/);
	});

	it('fails on a forbidden global in the TypeScript sources (the source leg)', async () => {
		const dir = path.join(scratch, 'source');
		for (const entry of ['package.json', 'nodes', 'credentials']) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
		const file = path.join(dir, 'credentials', 'UiPathIdentityApi.credentials.ts');
		fs.appendFileSync(file, '\n/* eslint-disable */\nexport const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));\n');
		const { code, output } = await gate(['--source-dir', dir]);
		assert.equal(code, 1, output);
		assert.match(output, /restricted global 'setTimeout'/);
	});
});
