'use strict';

// The workflows in examples/ as end-to-end scenarios. They run unchanged against the simulator's
// demo seed through the demo credential, exactly as `npm start` imports them. An example that
// needs an operation the built node does not have yet is skipped with the reason.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(ROOT, 'examples');
const DEMO_CREDENTIAL_ID = 'uipathDemoCred01';

const DEMO = {
	orgId: '4f7c2e1a-9b3d-4c5e-8a6f-1d2e3f4a5b6c',
	alice: 'a1c4e6f8-2222-4b22-8b22-000000000101',
	dave: 'a1c4e6f8-2222-4b22-8b22-000000000104',
	finance: '6a8d1f20-1111-4a11-9a11-000000000011',
	hr: '6a8d1f20-1111-4a11-9a11-000000000012',
};

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
			form.append('field-0', DEMO.alice);
			form.append('field-1', 'Welcome-2024!');
			form.append('field-2', 'Brand-New-2025!');
			const response = await fetch(`${server.url}/form/uipath-password-change`, { method: 'POST', body: form, signal: AbortSignal.timeout(60000) });
			assert.equal(response.status, 200, await response.text());
			assert.ok(demoSim.verifyPassword(DEMO.alice, 'Brand-New-2025!'), 'the password was changed');
			const calls = demoSim.log(since).filter((entry) => entry.kind === 'api');
			assert.deepEqual(calls.map((entry) => [entry.method, entry.path, entry.status]), [
				['POST', `/acme/identity_/api/User/${DEMO.alice}/changepassword`, 200],
			]);
			// A wrong current password is reported, not thrown: the form still completes.
			const again = new FormData();
			again.append('field-0', DEMO.alice);
			again.append('field-1', 'Welcome-2024!');
			again.append('field-2', 'Another-New-2025!');
			const second = await fetch(`${server.url}/form/uipath-password-change`, { method: 'POST', body: again, signal: AbortSignal.timeout(60000) });
			assert.equal(second.status, 200);
			assert.ok(demoSim.verifyPassword(DEMO.alice, 'Brand-New-2025!'), 'the password is unchanged');
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
			const state = demoSim.snapshot().organizations.find((org) => org.id === DEMO.orgId);
			for (const [email, group] of [['new.hire1@acme.example', DEMO.finance], ['new.hire2@acme.example', DEMO.hr]]) {
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
			const state = demoSim.snapshot().organizations.find((org) => org.id === DEMO.orgId);
			assert.ok(!state.users.some((user) => user.id === DEMO.dave), 'the leaver is deleted');
		},
	},
];

module.exports = { exampleScenarios, loadExamples, demoCredential, DEMO_CREDENTIAL_ID, EXAMPLES_DIR };
