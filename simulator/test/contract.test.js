'use strict';

// The simulator checks requests and answers against test/contract/identity-api.yaml and reports
// violations on /__control/contract-violations (node:test; run with `npm run test:simulator`).

const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('..');
const { DEMO_IDS, accessToken, callApi } = require('../test-client');
const { assertContractKept } = require('../../e2e/lib/contract');
const { ROUTES } = require('../lib/api');
const { contractValidator } = require('../../test/contract/validator');

const { ORG } = DEMO_IDS;
let sim;

/** `{status, body}` of an API call with a fresh token of the demo app. */
async function call(method, apiPath, body, root = '/acme/identity_') {
	return await callApi(sim, method, apiPath, { bearer: await accessToken(sim), body, base: root });
}

async function violations() {
	const response = await fetch(`${sim.url}/__control/contract-violations`);
	assert.equal(response.status, 200);
	return (await response.json()).violations;
}

before(async () => {
	sim = await startSimulator({ maxLifetimeMs: 60 * 1000 });
});
after(() => sim.stop());
beforeEach(() => sim.reset());

describe('contract check', () => {
	it('records nothing for requests and answers that keep the contract', async () => {
		assert.equal((await call('GET', `/api/User/users/${ORG}?top=2&skip=0&sortBy=Id`)).status, 200);
		assert.equal((await call('GET', `/api/Group/${ORG}`)).status, 200);
		assert.equal((await call('GET', `/api/RobotAccount/${ORG}?top=5`)).status, 200);
		assert.equal((await call('GET', `/api/Setting?key=a&partitionGlobalId=${ORG}`)).status, 200);
		assert.deepEqual(await violations(), []);
	});

	it('names operation, field and rule of a request that breaks it, and clears on request', async () => {
		await call('POST', '/api/User/BulkCreate', { partitionGlobalId: ORG, users: [{ userName: 'x', mail: 'x@example.com' }] });
		await call('GET', `/api/User/users/${ORG}?top=5000`);
		const found = await violations();
		assert.deepEqual(
			found.map(({ direction, operation, field, rule }) => ({ direction, operation, field, rule })),
			[
				{ direction: 'request', operation: 'createUsers', field: 'requestBody.users[0].mail', rule: 'additionalProperties (not in the contract)' },
				{ direction: 'request', operation: 'listUsers', field: 'query.top', rule: 'maximum' },
			],
		);
		assert.equal((await fetch(`${sim.url}/__control/contract-violations`, { method: 'DELETE' })).status, 204);
		assert.deepEqual(await violations(), []);
	});

	it('reports a path the contract does not know', async () => {
		await call('GET', '/api/User/NoSuchThing/here');
		const [violation] = await violations();
		assert.equal(violation.operation, '(none)');
		assert.equal(violation.rule, 'no operation in the contract');
	});

	it('does not check the answers of injected faults', async () => {
		sim.addFault({ method: 'GET', path: `/acme/identity_/api/Group/${ORG}`, status: 200, body: { not: 'a list' } });
		assert.deepEqual((await call('GET', `/api/Group/${ORG}`)).body, { not: 'a list' });
		assert.deepEqual(await violations(), []);
	});

	it('lists users through UserPartition as standalone Orchestrator does', async () => {
		const standard = await call('GET', `/api/User/users/${ORG}?top=3`);
		const partition = await call('GET', `/api/UserPartition/users/${ORG}?top=3`);
		assert.equal(partition.status, 200);
		assert.deepEqual(partition.body, standard.body);
		assert.ok(partition.body.results.length > 0);
		assert.deepEqual(await violations(), []);
	});

	it('answers 404 on the Cloud user list at the standalone root, as standalone Orchestrator does', async () => {
		assert.equal((await call('GET', `/api/User/users/${ORG}?top=3`, undefined, '/identity')).status, 404);
		const partition = await call('GET', `/api/UserPartition/users/${ORG}?top=3`, undefined, '/identity');
		assert.equal(partition.status, 200);
		assert.ok(partition.body.results.length > 0);
	});

	it('fails the end-to-end gate with request, operation, field and rule, then starts clean', async () => {
		await call('PUT', `/api/User/${ORG}`, { isActive: 'yes' });
		await assert.rejects(assertContractKept([sim], 'a scenario'), (error) => {
			assert.match(error.message, /^1 contract violation\(s\) in a scenario/);
			assert.match(error.message, /request #\d+ PUT \/api\/User\/[^:]+: updateUser requestBody\.isActive: type boolean/);
			return true;
		});
		await assertContractKept([sim], 'the next scenario');
	});

	it('has an operation in the contract for every route it serves', () => {
		const { matchOperation } = contractValidator();
		const missing = ROUTES.map((route) => {
			const samplePath = `/api${route.pattern.source.replace(/^\^|\$$/g, '').replaceAll('\\/', '/').replaceAll('([^/]+)', ORG)}`;
			return matchOperation(route.method, samplePath) ? undefined : `${route.method} ${samplePath}`;
		}).filter(Boolean);
		assert.deepEqual(missing, []);
		assert.equal(ROUTES.length, 30);
	});
});
