#!/usr/bin/env node
// npm run release — publishes the package, but only from GitHub Actions on a version tag
// (.github/workflows/publish.yml), so that npm records a provenance statement (n8n requires one
// for community nodes since May 2026). Before publishing it checks that:
//   * package.json's version is a semantic version and the tag is v<version>;
//   * CHANGELOG.md has a "## [<version>] - YYYY-MM-DD" section (Keep a Changelog);
//   * repository, homepage and bugs name the same GitHub repository, the README links to it, and
//     in Actions it is the repository being built (provenance is checked against it).
// Then it hands over to `n8n-node release`, which in GitHub Actions runs lint and build and
// `npm publish` with RELEASE_MODE (accepted by the prepublishOnly guard) and provenance.
//
//   npm run release                 in GitHub Actions: checks, then publish
//   npm run release -- --check      anywhere: the checks only (tag v<version> assumed locally)
//
// Anywhere else it refuses and says how a release is made.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.env.RELEASE_ROOT ? path.resolve(process.env.RELEASE_ROOT) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function releaseProblems({ pkg, changelog, readme, env }) {
	const problems = [];
	const version = pkg.version;
	if (!SEMVER.test(version || '')) problems.push(`package.json version "${version}" is not a semantic version`);

	const inActions = env.GITHUB_ACTIONS === 'true';
	const tag = inActions ? env.GITHUB_REF_NAME : `v${version}`;
	if (inActions && env.GITHUB_REF_TYPE !== 'tag') problems.push(`the workflow runs for ${env.GITHUB_REF_TYPE || 'no'} ref "${env.GITHUB_REF_NAME}", not a tag`);
	if (tag !== `v${version}`) problems.push(`tag "${tag}" does not match package.json version ${version} (expected v${version})`);

	const escaped = (version || '').replace(/[.+]/g, '\\$&');
	if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
		problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`);
	}

	const match = /^git\+https:\/\/github\.com\/([^/]+)\/([^/]+?)\.git$/.exec(pkg.repository?.url || '');
	if (!match) {
		problems.push(`repository.url "${pkg.repository?.url}" is not git+https://github.com/<owner>/<repo>.git`);
	} else {
		const web = `https://github.com/${match[1]}/${match[2]}`;
		if (pkg.homepage !== `${web}#readme`) problems.push(`homepage "${pkg.homepage}" is not ${web}#readme`);
		if (pkg.bugs?.url !== `${web}/issues`) problems.push(`bugs.url "${pkg.bugs?.url}" is not ${web}/issues`);
		if (!readme.includes(web)) problems.push(`README.md does not link to ${web}`);
		if (inActions && env.GITHUB_REPOSITORY && env.GITHUB_REPOSITORY.toLowerCase() !== `${match[1]}/${match[2]}`.toLowerCase()) {
			problems.push(`repository.url names ${match[1]}/${match[2]} but this workflow runs in ${env.GITHUB_REPOSITORY}: npm would reject the provenance`);
		}
	}
	if (!pkg.author?.name || !pkg.author?.email) problems.push('author needs a name and an email');
	if (pkg.scripts?.prepublishOnly !== 'n8n-node prerelease') problems.push('scripts.prepublishOnly must be "n8n-node prerelease" (refuses a plain npm publish)');
	if (pkg.publishConfig?.provenance !== true) problems.push('publishConfig.provenance must be true');
	return problems;
}

const HOW = `Releases are published by GitHub Actions (.github/workflows/publish.yml), never from a laptop:
  1. add a "## [X.Y.Z] - YYYY-MM-DD" section to CHANGELOG.md and run npm version X.Y.Z --no-git-tag-version
  2. commit, then: git tag vX.Y.Z && git push origin main vX.Y.Z
The tag starts the workflow, which runs npm test and then npm run release there.
Check a release locally with: npm run release -- --check`;

function main() {
	const args = process.argv.slice(2);
	const checkOnly = args.includes('--check');
	const read = (file) => (fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : '');
	const pkg = JSON.parse(read('package.json'));
	const inActions = process.env.GITHUB_ACTIONS === 'true';
	if (!checkOnly && !inActions) {
		console.error(`[release] refused: not running in GitHub Actions.\n${HOW}`);
		process.exit(1);
	}
	const problems = releaseProblems({ pkg, changelog: read('CHANGELOG.md'), readme: read('README.md'), env: process.env });
	if (problems.length) {
		console.error(`[release] ${pkg.name}@${pkg.version} is not releasable:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
		process.exit(1);
	}
	console.log(`[release] ${pkg.name}@${pkg.version}: checks passed`);
	if (checkOnly) return;
	const bin = path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	const result = spawnSync(process.execPath, [bin, 'release'], { cwd: ROOT, stdio: 'inherit' });
	process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
