#!/usr/bin/env node
'use strict';
// Checks what `npm pack` would publish: only dist/, package.json, README, LICENSE and index.js,
// with every file package.json#n8n names present. Prints the file count and packed size.
const { execFileSync } = require('child_process');
const pkg = require('../package.json');

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = report.files.map((file) => file.path);
const allowed = (file) =>
	file.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE.md', 'index.js'].includes(file);
const problems = files
	.filter((file) => !allowed(file) || file.endsWith('.tsbuildinfo') || file === 'dist/package.json')
	.map((file) => `unexpected file in the package: ${file}`);
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials, 'dist/icons/uipath.svg', 'dist/icons/uipath.dark.svg']) {
	if (!files.includes(file)) problems.push(`missing from the package: ${file}`);
}
for (const file of files.filter((name) => /\.(test|spec)\.|\/test\//.test(name))) {
	problems.push(`test file in the package: ${file}`);
}
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`package contents OK: ${files.length} files, ${report.size} bytes packed, ${report.unpackedSize} bytes unpacked`);
