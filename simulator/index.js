'use strict';

// UiPath Identity simulator: a dependency-free HTTP server on 127.0.0.1 that answers like UiPath
// Identity Server for every deployment URL shape (reference: uipath-identity-api.md). It serves the
// `npm start` demo and the end-to-end tests. Documentation: docs/simulator.md.
//
// This file puts the parts in lib/ together: the state built from the seed (store.js), tokens
// (token.js), the request pipeline (dispatch.js → api/), the test-only controls (control.js) and
// the server (server.js).

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const { buildState, clone } = require('./lib/store');
const { createTokenService } = require('./lib/token');
const { FaultList } = require('./lib/faults');
const { ContractCheck } = require('./lib/contract');
const { RequestLog } = require('./lib/requestLog');
const { stateSnapshot, verifyPassword } = require('./lib/control');
const { createRequestHandler } = require('./lib/dispatch');
const { listen } = require('./lib/server');

const DEMO_SEED = path.join(__dirname, 'seed', 'demo.json');

function loadSeed(seed) {
	if (seed === undefined || seed === null) seed = DEMO_SEED;
	if (typeof seed === 'string') return JSON.parse(fs.readFileSync(seed, 'utf8'));
	return clone(seed);
}

/**
 * Starts the simulator.
 * @param {object} [options]
 * @param {number} [options.port=0] TCP port; 0 picks a free one.
 * @param {string|object} [options.seed] Seed file path or object; defaults to seed/demo.json.
 * @param {boolean} [options.control=true] Serve the test-only /__control endpoints.
 * @param {number} [options.maxLifetimeMs=3600000] Stops by itself after this long (0 = never).
 * @param {number} [options.tokenLifetimeSeconds] Overrides the seed's token lifetime.
 * @param {(line: string) => void} [options.onRequest] Receives one line per request (no bodies).
 * @param {boolean} [options.contract=true] Check every API request and answer against test/contract/identity-api.yaml.
 * @param {string[]} [options.apiShapes] Serve the API only on these URL shapes ('organization', 'hostLevel', 'standalone'), 404 elsewhere; tokens stay everywhere. Models Automation Suite clusters that answer one form only.
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>}>} plus inspection helpers.
 */
async function startSimulator(options = {}) {
	/** The state as the seed describes it; built again on every reset. */
	function seededState() {
		const state = buildState(loadSeed(options.seed));
		if (options.tokenLifetimeSeconds) state.tokenLifetimeSeconds = Number(options.tokenLifetimeSeconds);
		return state;
	}

	// The parts every request and control call works on; `state` is replaced on reset.
	const sim = {
		state: seededState(),
		url: '',
		control: options.control !== false,
		apiShapes: options.apiShapes,
		log: new RequestLog(options.onRequest),
		faults: new FaultList(),
		contract: options.contract === false ? undefined : new ContractCheck(),
		issuedTokens: new Map(),
		reset,
	};
	sim.tokens = createTokenService({
		getState: () => sim.state,
		getUrl: () => sim.url,
		signingKey: crypto.randomBytes(32),
		tokens: sim.issuedTokens,
	});

	function reset() {
		sim.state = seededState();
		sim.issuedTokens.clear();
		sim.faults.clear();
		if (sim.contract) sim.contract.clear();
		sim.log.reset();
	}

	const server = await listen(createRequestHandler(sim), {
		port: options.port,
		maxLifetimeMs: options.maxLifetimeMs === undefined ? 60 * 60 * 1000 : Number(options.maxLifetimeMs),
		onStop: options.onStop,
	});
	sim.url = server.url;

	return {
		url: server.url,
		port: server.port,
		stop: server.stop,
		/** Copies of the request log entries (secrets redacted), optionally after sequence `since`. */
		log: (since = 0) => clone(sim.log.since(since)),
		clearLog: () => sim.log.clear(),
		lastSeq: () => sim.log.lastSeq(),
		addFault: (definition) => sim.faults.add(definition),
		clearFaults: () => sim.faults.clear(),
		faults: () => sim.faults.list(),
		expireTokens: (clientId) => sim.tokens.changeTokens('expire', clientId),
		revokeTokens: (clientId) => sim.tokens.changeTokens('revoke', clientId),
		tokens: sim.tokens.tokenList,
		verifyPassword: (userId, password) => verifyPassword(sim.state, userId, password),
		/** Contract violations of requests and answers since the start, the last reset or clear. */
		contractViolations: () => (sim.contract ? sim.contract.list() : []),
		clearContractViolations: () => sim.contract && sim.contract.clear(),
		snapshot: () => stateSnapshot(sim.state),
		reset,
	};
}

module.exports = { startSimulator, DEMO_SEED };
