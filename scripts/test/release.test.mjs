// The release path: `npm run release` checks (version, tag, CHANGELOG, metadata) and refuses
// outside GitHub Actions; a plain `npm publish` from a laptop is refused by the package's own
// guards, proven against a fake registry on 127.0.0.1 that records every request.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { releaseProblems } from '../release.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const changelog = read('CHANGELOG.md');
const readme = read('README.md');
const released = `${changelog}\n## [${pkg.version}] - 2026-12-01\n\n### Added\n\n- Something.\n`;
const actions = { GITHUB_ACTIONS: 'true', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: `v${pkg.version}`, GITHUB_REPOSITORY: 'uipath-identity-n8n/n8n-nodes-uipath-identity' };

/** The environment of a laptop: no CI provider, no npm config inherited from `npm test`. */
function laptopEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('npm_') || key.startsWith('GITHUB_') || key === 'GITLAB_CI' || key === 'RELEASE_MODE') continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

function run(command, args, { cwd = ROOT, env } = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code, output }));
	});
}

describe('release checks', () => {
	it('the repository metadata is consistent; only the CHANGELOG section for the version is missing until a release', () => {
		const problems = releaseProblems({ pkg, changelog, readme, env: {} });
		const expected = changelog.includes(`## [${pkg.version}] - `) ? [] : [`CHANGELOG.md has no "## [${pkg.version}] - YYYY-MM-DD" section`];
		assert.deepEqual(problems, expected);
		assert.deepEqual(releaseProblems({ pkg, changelog: released, readme, env: actions }), []);
	});

	it('refuses a branch build, a tag that is not v<version>, another repository and broken metadata', () => {
		assert.match(releaseProblems({ pkg, changelog: released, readme, env: { ...actions, GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' } }).join('\n'), /not a tag/);
		assert.match(releaseProblems({ pkg, changelog: released, readme, env: { ...actions, GITHUB_REF_NAME: 'v9.9.9' } }).join('\n'), /does not match package.json version/);
		assert.match(releaseProblems({ pkg, changelog: released, readme, env: { ...actions, GITHUB_REPOSITORY: 'someone/fork' } }).join('\n'), /would reject the provenance/);
		const broken = { ...pkg, version: '1.0', homepage: 'https://example.com', bugs: undefined, publishConfig: {}, scripts: { ...pkg.scripts, prepublishOnly: undefined } };
		const problems = releaseProblems({ pkg: broken, changelog: released, readme: '', env: {} }).join('\n');
		for (const pattern of [/not a semantic version/, /homepage/, /bugs.url/, /README.md does not link/, /prepublishOnly/, /provenance must be true/]) assert.match(problems, pattern);
	});

	it('npm run release refuses outside GitHub Actions and says how to release', async () => {
		const { code, output } = await run(process.execPath, [path.join(ROOT, 'scripts', 'release.mjs')], { env: laptopEnv() });
		assert.equal(code, 1, output);
		assert.match(output, /refused: not running in GitHub Actions/);
		assert.match(output, /git tag vX\.Y\.Z/);
	});
});

describe('a plain npm publish from a laptop', { timeout: 180000 }, () => {
	let server;
	let registry;
	let requests = [];
	let dir;
	const npmCli = process.env.npm_execpath && fs.existsSync(process.env.npm_execpath) ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
	const publish = (args, extra) =>
		run(npmCli[0], [...npmCli[1], 'publish', `--registry=${registry}`, `--${registry.replace(/^http:/, '')}:_authToken=fake-token`, ...args], {
			cwd: dir,
			env: laptopEnv({ npm_config_userconfig: path.join(dir, 'empty-user-npmrc'), ...extra }),
		});
	const puts = () => requests.filter((line) => line.startsWith('PUT'));

	before(async () => {
		server = http.createServer((request, response) => {
			requests.push(`${request.method} ${request.url}`);
			request.resume();
			request.on('end', () => {
				response.setHeader('content-type', 'application/json');
				if (request.method === 'GET') {
					response.statusCode = 404;
					response.end('{"error":"not found"}');
				} else response.end('{"ok":true}');
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		registry = `http://127.0.0.1:${server.address().port}/`;
		// The package as a contributor has it: its package.json and .npmrc, n8n-node from node_modules.
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-publish-'));
		fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
		fs.copyFileSync(path.join(ROOT, '.npmrc'), path.join(dir, '.npmrc'));
		fs.writeFileSync(path.join(dir, 'empty-user-npmrc'), '');
		fs.mkdirSync(path.join(dir, 'dist'));
		fs.writeFileSync(path.join(dir, 'dist', 'index.js'), 'module.exports = {};\n');
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
	});
	after(() => {
		server?.close();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	it('is refused: publishConfig.provenance needs GitHub Actions (scripts are off in .npmrc, so prepublishOnly would not run)', async () => {
		requests = [];
		const { code, output } = await publish([]);
		assert.notEqual(code, 0, output);
		assert.match(output, /provenance/i);
		assert.deepEqual(puts(), []);
	});

	it('is refused by prepublishOnly (n8n-node prerelease) when scripts run and provenance is switched off', async () => {
		requests = [];
		const { code, output } = await publish(['--ignore-scripts=false', '--provenance=false']);
		assert.notEqual(code, 0, output);
		assert.match(output, /npm run release/);
		assert.deepEqual(puts(), []);
	});

	it('control: with RELEASE_MODE (as npm run release sets it) and provenance off, the fake registry receives the package', async () => {
		requests = [];
		const { code, output } = await publish(['--ignore-scripts=false', '--provenance=false'], { RELEASE_MODE: 'true' });
		assert.equal(code, 0, output);
		assert.equal(puts().length, 1, JSON.stringify(requests));
	});
});
