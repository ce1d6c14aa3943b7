'use strict';

// End-to-end contract gate: the simulator checks every request n8n sends and every answer it gives
// against test/contract/identity-api.yaml (simulator/lib/contract.js). After each scenario the gate
// reads the violations from the simulator's control endpoint, clears them and fails the scenario
// with one line per violation: request, operation, field and rule.

const { afterEach } = require('node:test');

const { formatViolation } = require('../../test/contract/validator');

async function takeViolations(sim) {
	const response = await fetch(`${sim.url}/__control/contract-violations`);
	if (response.status !== 200) throw new Error(`The simulator at ${sim.url} has no contract check (HTTP ${response.status})`);
	const { enabled, violations } = await response.json();
	if (!enabled) throw new Error(`The simulator at ${sim.url} runs without its contract check`);
	await fetch(`${sim.url}/__control/contract-violations`, { method: 'DELETE' });
	return violations;
}

function describeViolation(violation) {
	return `${violation.direction} #${violation.seq} ${violation.method} ${violation.path.replace(/^.*\/api\//, '/api/')}: ${formatViolation(violation)}`;
}

/** Fails when any of the simulators recorded a contract violation since the last call. */
async function assertContractKept(sims, label = 'this scenario') {
	const lines = [];
	for (const sim of sims.filter(Boolean)) {
		for (const violation of await takeViolations(sim)) lines.push(describeViolation(violation));
	}
	if (lines.length) {
		throw new Error(`${lines.length} contract violation(s) in ${label} (test/contract/identity-api.yaml):\n${lines.join('\n')}`);
	}
}

/**
 * Runs the gate after every test of the current suite (node:test) on the simulators `sims()`
 * returns: a function, because the suite starts them in its `before`.
 */
function checkContractAfterEach(sims) {
	afterEach(async (context) => {
		await assertContractKept(sims(), context && context.name);
	});
}

module.exports = { assertContractKept, checkContractAfterEach, takeViolations, describeViolation };
