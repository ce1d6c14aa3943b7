'use strict';

// Workflows and credentials of the benchmark. Items come from Set (raw JSON) → Split Out, the same
// plain nodes the end-to-end suite uses (e2e/lib/fixtures.js), so nothing but the request node differs.

const { changePasswordWorkflow, ORG_NAME } = require('../e2e/lib/fixtures');
const { chain, identityNode } = require('../e2e/lib/workflows');

const REQUEST_NODE = 'Change Password';

function itemsWorkflow({ id, name, items }) {
	// Reuse the e2e workflow for Start → Items → Split and drop its UiPath node.
	const base = changePasswordWorkflow({ id, name, credential: { id: 'unused', name: 'unused' }, items });
	base.nodes = base.nodes.filter((node) => node.name !== REQUEST_NODE);
	delete base.connections.Split;
	return base;
}

/** Start → Items → Split → `node`. */
function itemsIntoWorkflow({ id, name, items, node }) {
	const workflow = itemsWorkflow({ id, name, items });
	workflow.nodes.push(node);
	Object.assign(workflow.connections, chain('Split', node.name));
	return workflow;
}

/** Start → Items → Split only: n8n's own memory and time for 1000 items, the baseline. */
function baselineWorkflow({ id, items }) {
	return itemsWorkflow({ id, name: 'bench baseline', items });
}

/** This node's Change Password with Request Handling → Max Parallel Requests. */
function nodeChangePasswordWorkflow({ id, credential, items, concurrency }) {
	const workflow = changePasswordWorkflow({ id, name: 'bench UiPath Identity node', credential, items });
	const node = workflow.nodes.find((entry) => entry.name === REQUEST_NODE);
	node.parameters.requestHandling = { maxParallelRequests: concurrency };
	return workflow;
}

/** n8n's OAuth2 client-credentials credential for the HTTP Request node. */
function oauth2Credential({ id, simulatorUrl, clientSecret }) {
	return {
		id,
		name: 'bench OAuth2 client credentials',
		type: 'oAuth2Api',
		data: {
			grantType: 'clientCredentials',
			accessTokenUrl: `${simulatorUrl}/${ORG_NAME}/identity_/connect/token`,
			clientId: 'e2e-app',
			clientSecret,
			scope: 'PM.User PM.Group',
			authQueryParameters: '',
			authentication: 'body',
		},
	};
}

function httpRequestNode({ simulatorUrl, credential, batching }) {
	return {
		id: 'http-node',
		name: REQUEST_NODE,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [660, 300],
		parameters: {
			method: 'POST',
			url: `={{ '${simulatorUrl}/${ORG_NAME}/identity_/api/User/' + $json.userId + '/changepassword' }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'oAuth2Api',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ oldPassword: $json.oldPassword, newPassword: $json.newPassword }) }}',
			options: batching ? { batching: { batch: { batchSize: batching.size, batchInterval: batching.intervalMs } } } : {},
		},
		credentials: { oAuth2Api: { id: credential.id, name: credential.name } },
	};
}

/**
 * HTTP Request node limited to `concurrency` requests at a time the way n8n offers it: Loop Over
 * Items hands it `concurrency` items per round and waits for the round to finish. (Its own
 * "Batching" option only spaces out the start of requests; it never waits for answers.)
 */
function httpLoopWorkflow({ id, simulatorUrl, credential, items, concurrency }) {
	const workflow = itemsWorkflow({ id, name: 'bench HTTP Request (Loop Over Items)', items });
	workflow.nodes.push(
		{
			id: 'loop-node',
			name: 'Loop',
			type: 'n8n-nodes-base.splitInBatches',
			typeVersion: 3,
			position: [660, 300],
			parameters: { batchSize: concurrency, options: {} },
		},
		{ ...httpRequestNode({ simulatorUrl, credential }), position: [880, 300] },
	);
	workflow.connections.Split = { main: [[{ node: 'Loop', type: 'main', index: 0 }]] };
	workflow.connections.Loop = { main: [[], [{ node: REQUEST_NODE, type: 'main', index: 0 }]] };
	workflow.connections[REQUEST_NODE] = { main: [[{ node: 'Loop', type: 'main', index: 0 }]] };
	return workflow;
}

/** HTTP Request node as configured by default: every item's request starts at once. */
function httpAllAtOnceWorkflow({ id, simulatorUrl, credential, items }) {
	return itemsIntoWorkflow({ id, name: 'bench HTTP Request (default)', items, node: httpRequestNode({ simulatorUrl, credential }) });
}

/** This node's Delete Many: every input item is one user; UiPath gets them in batches of 1000. */
function deleteManyWorkflow({ id, credential, userIds }) {
	const node = identityNode({
		id: 'delete-node',
		name: 'Delete Many',
		credential,
		parameters: { resource: 'user', operation: 'deleteMany', userId: { __rl: true, mode: 'id', value: '={{ $json.userId }}' }, options: { batchSize: 1000 } },
	});
	return itemsIntoWorkflow({ id, name: 'bench Delete Many', items: userIds.map((userId) => ({ userId })), node });
}

/** This node's User → Get with the user chosen By Email: the items share one listing of the organization. */
function getByEmailWorkflow({ id, credential, emails, concurrency }) {
	const node = identityNode({
		id: 'get-node',
		name: 'Get By Email',
		credential,
		parameters: { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'email', value: '={{ $json.email }}' }, requestHandling: { maxParallelRequests: concurrency } },
	});
	return itemsIntoWorkflow({ id, name: 'bench Get By Email', items: emails.map((email) => ({ email })), node });
}

module.exports = {
	REQUEST_NODE,
	getByEmailWorkflow,
	baselineWorkflow,
	nodeChangePasswordWorkflow,
	oauth2Credential,
	httpLoopWorkflow,
	httpAllAtOnceWorkflow,
	deleteManyWorkflow,
};
