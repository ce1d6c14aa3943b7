// e2e/lib/provision.js: the order of Chromium sources and the single clear message when compilers
// for node-gyp are missing (tool lookups and apt-get are stubbed: nothing is installed here).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);
const { chromiumSources, systemCandidates, ensureCompilers } = require('../../e2e/lib/provision.js');

describe('Chromium sources', () => {
	it('default order is the npm package, an installed browser, then apt', () => {
		assert.deepEqual(chromiumSources({}), ['npm', 'system', 'apt']);
	});
	it('E2E_CHROMIUM_SEARCH=npm-only hides installed browsers', () => {
		assert.deepEqual(chromiumSources({ E2E_CHROMIUM_SEARCH: 'npm-only' }), ['npm']);
		assert.deepEqual(chromiumSources({ E2E_CHROMIUM_SEARCH: 'system,npm' }), ['system', 'npm']);
	});
	it('an unknown source is an error, not a silent fallback', () => {
		assert.throws(() => chromiumSources({ E2E_CHROMIUM_SEARCH: 'npm,brew' }), /E2E_CHROMIUM_SEARCH="npm,brew"/);
	});
	it('knows where Chrome lives on macOS and Windows', () => {
		assert.ok(systemCandidates('darwin').some((file) => file.includes('Google Chrome.app')));
		assert.ok(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).some((file) => file.endsWith('chrome.exe')));
		assert.ok(systemCandidates('linux').includes('/usr/bin/chromium'));
	});
});

describe('compilers for node-gyp', () => {
	it('nothing to do when python3, make and a C++ compiler are present (clang++ counts)', () => {
		const present = new Set(['python3', 'make', 'clang++']);
		assert.deepEqual(ensureCompilers({ has: (name) => present.has(name), platform: 'linux', root: false, apt: true }), { installed: [] });
	});
	it('not root: one error naming exactly the missing tools and the command to install them', () => {
		const present = new Set(['python3']);
		assert.throws(
			() => ensureCompilers({ has: (name) => present.has(name), platform: 'linux', root: false, apt: true, install: () => assert.fail('must not install') }),
			/node-gyp needs make, g\+\+ to build n8n's sqlite3 .*apt-get install python3 make g\+\+/,
		);
	});
	it('root with apt: installs the missing packages and checks again', () => {
		const present = new Set(['python3']);
		const installed = [];
		const result = ensureCompilers({
			has: (name) => present.has(name),
			platform: 'linux',
			root: true,
			apt: true,
			install: (packages) => {
				installed.push(...packages);
				for (const name of packages) present.add(name);
				return { ok: true };
			},
		});
		assert.deepEqual(installed, ['make', 'g++']);
		assert.deepEqual(result, { installed: ['make', 'g++'] });
	});
	it('root but apt-get fails: one error with apt-get\'s reason', () => {
		assert.throws(
			() => ensureCompilers({ has: () => false, platform: 'linux', root: true, apt: true, install: () => ({ ok: false, detail: 'E: Unable to locate package' }) }),
			/apt-get could not install them: E: Unable to locate package/,
		);
	});
	it('macOS: points at xcode-select', () => {
		assert.throws(() => ensureCompilers({ has: () => false, platform: 'darwin', root: false, apt: false }), /xcode-select --install/);
	});
});
