'use strict';

// The workflows in examples/ as end-to-end scenarios. They run unchanged against the simulator's
// demo seed through the demo credential, exactly as `npm start` imports them. An example that
// needs an operation the built node does not have yet is skipped with the reason.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { startSimulator } = require('../../simulator');
const { DEMO_IDS } = require('../../simulator/seed/demoIds');
const fx = require('./fixtures');
const { apiCalls } = require('./simulatorLog');

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(ROOT, 'examples');
const DEMO_CREDENTIAL_ID = 'uipathDemoCred01';


// A 401 is the stored token of an earlier run being refused (and retried with a new one), not a request of the plan.
const methods = (log) => apiCalls(log).filter((entry) => entry.status !== 401).map((entry) => entry.method);

/** What the HR sync example does to the demo seed, per person of its list: [key, action]. */
const HR_SYNC_CHANGES = [
	['alice.johnson@acme.example', 'unchanged'],
	['bob.smith@acme.example', 'updated'],
	['carol.lee@acme.example', 'updated'],
	['erin.garcia@acme.example', 'activated'],
	['frank.new@acme.example', 'created'],
	['gina.new@acme.example', 'created'],
	['dave.miller@acme.example', 'deactivated'],
];
const keyActionDryRun = (item) => [item.json.key, item.json.action, item.json.dryRun];

/** The HR sync example with the approval form answered "Approve" by a Set node, so the CLI runs it to the end. */
function approvedHrSync() {
	const workflow = JSON.parse(JSON.stringify(loadExamples().find((candidate) => candidate.id === 'uipathExHrSync01')));
	workflow.id = 'uipathExHrSync02';
	workflow.name = `${workflow.name} (approved)`;
	const wait = workflow.nodes.find((node) => node.name === 'Approve the plan');
	Object.assign(wait, { type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: '{ "Decision": "Approve" }', options: {} } });
	delete wait.webhookId;
	return workflow;
}

/** The credential `npm start` creates; the examples reference it by id. */
function demoCredential(simulatorUrl) {
	return {
		id: DEMO_CREDENTIAL_ID,
		name: 'UiPath Identity (demo simulator)',
		type: 'uiPathIdentityApi',
		data: {
			deployment: 'cloud',
			baseUrl: simulatorUrl,
			organizationName: 'acme',
			organizationId: '',
			clientId: 'n8n-demo',
			clientSecret: 'demo-client-secret',
			scopes: 'PM.User PM.Group',
			ignoreSslIssues: false,
			identityUrl: '',
			tokenUrl: '',
		},
	};
}

function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')));
}

/** Operations (resource.operation) of the built node, read from dist/. */
function builtOperations() {
	const file = path.join(ROOT, 'dist', 'nodes', 'UiPathIdentity', 'UiPathIdentity.node.js');
	const { UiPathIdentity } = require(file);
	const { properties } = new UiPathIdentity().description;
	const operations = new Set();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resources = (property.displayOptions && property.displayOptions.show && property.displayOptions.show.resource) || [];
		for (const option of property.options || []) for (const resource of resources) operations.add(`${resource}.${option.value}`);
	}
	return operations;
}

function usedOperations(workflow) {
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-uipath-identity.uiPathIdentity')
		.map((node) => `${node.parameters.resource}.${node.parameters.operation}`);
}

function skipReason(workflowId) {
	const workflow = loadExamples().find((candidate) => candidate.id === workflowId);
	if (!workflow) return `example ${workflowId} not found`;
	let available;
	try {
		available = builtOperations();
	} catch (error) {
		return `cannot read dist/: ${error.message}`;
	}
	const missing = usedOperations(workflow).filter((operation) => !available.has(operation));
	return missing.length ? `the node has no ${[...new Set(missing)].join(', ')} yet` : false;
}

function items(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	return runs ? runs[runs.length - 1].data.main[0] : [];
}

const exampleScenarios = [
	{
		id: 'uipathExSelfSvc01',
		title: 'self-service password change from a form (activated, form submitted over HTTP)',
		skip: () => skipReason('uipathExSelfSvc01'),
		async server({ rest, server, demoSim }) {
			// On n8n 2.x activation publishes asynchronously: wait until the form trigger is live.
			await rest.activateWorkflow('uipathExSelfSvc01');
			const since = demoSim.lastSeq();
			const form = new FormData();
			form.append('field-0', DEMO_IDS.ALICE);
			form.append('field-1', 'Welcome-2024!');
			form.append('field-2', 'Brand-New-2025!');
			const response = await fetch(`${server.url}/form/uipath-password-change`, { method: 'POST', body: form, signal: AbortSignal.timeout(60000) });
			assert.equal(response.status, 200, await response.text());
			assert.ok(demoSim.verifyPassword(DEMO_IDS.ALICE, 'Brand-New-2025!'), 'the password was changed');
			const calls = apiCalls(demoSim.log(since));
			assert.deepEqual(calls.map((entry) => [entry.method, entry.path, entry.status]), [
				['POST', `/acme/identity_/api/User/${DEMO_IDS.ALICE}/changepassword`, 200],
			]);
			// A wrong current password is reported, not thrown: the form still completes.
			const again = new FormData();
			again.append('field-0', DEMO_IDS.ALICE);
			again.append('field-1', 'Welcome-2024!');
			again.append('field-2', 'Another-New-2025!');
			const second = await fetch(`${server.url}/form/uipath-password-change`, { method: 'POST', body: again, signal: AbortSignal.timeout(60000) });
			assert.equal(second.status, 200);
			assert.ok(demoSim.verifyPassword(DEMO_IDS.ALICE, 'Brand-New-2025!'), 'the password is unchanged');
		},
	},
	{
		id: 'uipathExOnboard01',
		title: 'HR onboarding',
		skip: () => skipReason('uipathExOnboard01'),
		async cli({ n8n, demoSim }) {
			const since = demoSim.lastSeq();
			const result = await n8n.execute('uipathExOnboard01');
			assert.equal(result.code, 0, n8n.mask(result.stderr + result.stdout).slice(-3000));
			assert.equal(items(result.run, 'Set temporary password').length, 2);
			const state = demoSim.snapshot().organizations.find((org) => org.id === DEMO_IDS.ORG);
			for (const [email, group] of [['new.hire1@acme.example', DEMO_IDS.FINANCE], ['new.hire2@acme.example', DEMO_IDS.HR]]) {
				const user = state.users.find((candidate) => candidate.email === email);
				assert.ok(user, `${email} exists`);
				assert.ok(user.groupIDs.includes(group), `${email} is in its group`);
				assert.ok(user.hasPassword, `${email} has a temporary password`);
			}
			const log = demoSim.log(since);
			assert.ok(log.every((entry) => !JSON.stringify(entry.body || {}).includes('Welcome-')), 'the log has no passwords');
		},
	},
	{
		id: 'uipathExOffboard1',
		title: 'offboarding',
		skip: () => skipReason('uipathExOffboard1'),
		async cli({ n8n, demoSim }) {
			const result = await n8n.execute('uipathExOffboard1');
			assert.equal(result.code, 0, n8n.mask(result.stderr + result.stdout).slice(-3000));
			const state = demoSim.snapshot().organizations.find((org) => org.id === DEMO_IDS.ORG);
			assert.ok(!state.users.some((user) => user.id === DEMO_IDS.DAVE), 'the leaver is deleted');
		},
	},
	{
		id: 'uipathExHrSync01',
		title: 'HR sync: plan with Dry Run (waits for approval, sends nothing), approved sync, second sync sends no change',
		skip: () => skipReason('uipathExHrSync01'),
		async cli({ n8n, demoSim }) {
			// Start from the demo seed: earlier examples created and deleted users.
			demoSim.reset();
			const planned = await n8n.execute('uipathExHrSync01');
			assert.equal(planned.code, 0, n8n.mask(planned.stderr + planned.stdout).slice(-3000));
			assert.equal(planned.run.status, 'waiting', 'the run waits at the approval form');
			assert.deepEqual(items(planned.run, 'Plan (Dry Run)').map(keyActionDryRun), HR_SYNC_CHANGES.map((change) => [...change, true]));
			assert.ok(apiCalls(demoSim.log(0)).every((entry) => entry.method === 'GET'), 'Dry Run sends no change');
			assert.deepEqual(methods(demoSim.log(0)), ['GET', 'GET'], 'Dry Run reads the users and groups once');

			const approved = approvedHrSync();
			await n8n.importWorkflows([approved]);
			const since = demoSim.lastSeq();
			const synced = await n8n.execute(approved.id);
			assert.equal(synced.code, 0, n8n.mask(synced.stderr + synced.stdout).slice(-3000));
			assert.deepEqual(items(synced.run, 'Sync').map(keyActionDryRun), HR_SYNC_CHANGES.map((change) => [...change, false]));
			// Plan node (GET, GET), then the sync: GET, GET, two BulkCreate (one per group set), four PUT.
			assert.deepEqual(methods(demoSim.log(since)).sort(), ['GET', 'GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'PUT', 'PUT', 'PUT']);
			const state = demoSim.snapshot().organizations.find((org) => org.id === DEMO_IDS.ORG);
			const user = (email) => state.users.find((candidate) => candidate.email === email);
			assert.equal(user('bob.smith@acme.example').surname, 'Smith-Jones');
			assert.ok(user('carol.lee@acme.example').groupIDs.includes(DEMO_IDS.SALES), 'Carol joined Sales');
			assert.equal(user('erin.garcia@acme.example').isActive, true, 'Erin is active again');
			assert.equal(user('dave.miller@acme.example').isActive, false, 'Dave, missing from the list, is deactivated');
			assert.ok(user('frank.new@acme.example').groupIDs.includes(DEMO_IDS.FINANCE), 'Frank was created in Finance');
			assert.ok(user('gina.new@acme.example').groupIDs.includes(DEMO_IDS.HR), 'Gina was created in HR');

			const again = demoSim.lastSeq();
			const second = await n8n.execute(approved.id);
			assert.equal(second.code, 0);
			assert.deepEqual(methods(demoSim.log(again)), ['GET', 'GET', 'GET', 'GET'], 'a second sync only reads');
			assert.ok(items(second.run, 'Sync').every((item) => item.json.action === 'unchanged'));
		},
	},
	{
		id: 'hrSyncLarge',
		title: 'HR sync of 300 people (5% changed) against an organization of 300 users',
		skip: () => skipReason('uipathExHrSync01'),
		async cli({ n8n }) {
			const { hrList, syncWorkflow } = require('../../bench/sync');
			const secrets = fx.makeSecrets();
			const sim = await startSimulator({ seed: fx.makeSeed(secrets, 300), maxLifetimeMs: 10 * 60 * 1000 });
			try {
				const credential = { ...fx.makeCredentials(sim.url, secrets).cloud, id: 'e2eCredSync00001', name: 'UiPath e2e sync' };
				await n8n.importCredentials([credential]);
				const { people, expected } = hrList(300);
				const plan = syncWorkflow({ id: 'e2eWfSyncPlan001', name: 'e2e sync plan', credential, people, dryRun: true });
				const run = syncWorkflow({ id: 'e2eWfSyncRun0001', name: 'e2e sync', credential, people, dryRun: false });
				await n8n.importWorkflows([plan, run]);

				const planned = await n8n.execute(plan.id);
				assert.equal(planned.code, 0, n8n.mask(planned.stderr + planned.stdout).slice(-3000));
				const planItems = items(planned.run, 'Sync');
				const count = (list, action) => list.filter((item) => item.json.action === action).length;
				assert.equal(planItems.length, 300 + expected.leavers);
				assert.deepEqual(
					[count(planItems, 'updated'), count(planItems, 'created'), count(planItems, 'deactivated')],
					[expected.renamed + expected.moved, expected.hires, expected.leavers],
				);
				assert.deepEqual(methods(sim.log(0)), ['GET', 'GET']);

				const since = sim.lastSeq();
				const synced = await n8n.execute(run.id);
				assert.equal(synced.code, 0, n8n.mask(synced.stderr + synced.stdout).slice(-3000));
				const sent = methods(sim.log(since));
				assert.equal(sent.filter((method) => method === 'PUT').length, expected.renamed + expected.moved + expected.leavers);
				assert.equal(sent.filter((method) => method === 'POST').length, 2, 'the hires go in one BulkCreate per group set');
				assert.ok(apiCalls(sim.log(since)).every((entry) => entry.status < 400), 'no request failed');
				const state = sim.snapshot().organizations[0];
				assert.equal(state.users.length, 300 + expected.hires);
				assert.equal(state.users.filter((user) => user.isActive === false).length, expected.leavers);
				assert.equal(state.users.find((user) => user.email === 'user1@contoso.example').surname, '1-Renamed');

				const again = sim.lastSeq();
				await n8n.execute(run.id);
				assert.deepEqual(methods(sim.log(again)), ['GET', 'GET'], 'a second sync only reads');
			} finally {
				await sim.stop();
			}
		},
	},
];

module.exports = { exampleScenarios, loadExamples, demoCredential, DEMO_CREDENTIAL_ID, EXAMPLES_DIR };
