'use strict';

// Building blocks of the workflows the end-to-end tests and benchmarks import into real n8n.
// Only nodes that exist unchanged in n8n 1.x and 2.x (no Code node, so no task runner).

const crypto = require('node:crypto');

const { NODE_TYPE } = require('./n8n');

/** A workflow as `n8n import:workflow` takes it, inactive, with n8n's v1 execution order. */
function workflowJson({ id, name, nodes, connections }) {
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {} };
}

/** Main connections that run `names` one after the other. */
function chain(...names) {
	const connections = {};
	for (let index = 0; index + 1 < names.length; index++) {
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function manualTrigger() {
	return { id: 'start-node', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 300], parameters: {} };
}

/** A Webhook trigger for POST /webhook/<path> that answers at once (onReceived), before the workflow runs. */
function webhookTrigger({ path, position = [0, 300] }) {
	return { id: 'webhook-node', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position, webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } };
}

/** A Set node that emits one item holding `{ [field]: list }` (raw JSON, as the user would paste it). */
function listNode({ name, field, list, position = [220, 300] }) {
	return {
		id: 'items-node',
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ [field]: list }), options: {} },
	};
}

function splitOutNode({ field, position = [440, 300] }) {
	return { id: 'split-node', name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position, parameters: { fieldToSplitOut: field, options: {} } };
}

/** The UiPath Identity node with `parameters`, signed with `credential`. */
function identityNode({ id = 'uipath-node', name, parameters, credential, type = NODE_TYPE, position = [660, 300], onError }) {
	const node = { id, name, type, typeVersion: 1, position, parameters, credentials: { uiPathIdentityApi: { id: credential.id, name: credential.name } } };
	if (onError) node.onError = onError;
	return node;
}

/** Change Password reading the user ID and both passwords from each item. */
function changePasswordParameters({ options = {}, requestHandling } = {}) {
	return {
		resource: 'user',
		operation: 'changePassword',
		userId: '={{ $json.userId }}',
		oldPassword: '={{ $json.oldPassword }}',
		newPassword: '={{ $json.newPassword }}',
		options,
		...(requestHandling ? { requestHandling } : {}),
	};
}

/** Manual Trigger → Set (raw JSON list under `field`) → Split Out → `target`. */
function listWorkflow({ id, name, field, list, target }) {
	return workflowJson({
		id,
		name,
		nodes: [manualTrigger(), listNode({ name: 'Items', field, list }), splitOutNode({ field }), target],
		connections: chain('Start', 'Items', 'Split', target.name),
	});
}

module.exports = { workflowJson, chain, manualTrigger, webhookTrigger, listNode, splitOutNode, identityNode, changePasswordParameters, listWorkflow };
