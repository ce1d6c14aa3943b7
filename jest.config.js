const os = require('os');
const path = require('path');
const fs = require('fs');

// n8n-core's InstanceSettings writes an encryption key into the user folder on first use:
// keep it out of the real home directory.
process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-identity-test-'));

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/capture-output.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
	testTimeout: 20000,
	// TS tests may not use __dirname/process (the n8n lint covers them too): hand them the root.
	globals: { PACKAGE_ROOT: __dirname },
};
