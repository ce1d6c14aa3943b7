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
	// n8n's logger outlives the test file that created it within a jest worker, so the log
	// capture test only sees the logs when it runs in a process of its own (npm run test:logs).
	testPathIgnorePatterns: process.env.UIPATH_LOG_TEST ? ['/node_modules/'] : ['/node_modules/', '/test/logs\\.test\\.ts$'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/capture-output.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
	testTimeout: 20000,
	// TS tests may not use __dirname/process (the n8n lint covers them too): hand them the root.
	globals: { PACKAGE_ROOT: __dirname },
	// The contract validator needs no reference parser, and jest cannot load openapi-backend's (ESM).
	moduleNameMapper: { '^@apidevtools/json-schema-ref-parser$': '<rootDir>/test/contract/refparser-stub.js' },
};
