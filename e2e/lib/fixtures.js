'use strict';

// Seed, credentials and workflows for the end-to-end suite. Secrets are random per run so a
// leak can be detected by searching n8n's output for them.

const crypto = require('node:crypto');

const { identityNode, changePasswordParameters, listWorkflow } = require('./workflows');

const ORG_ID = '2d6f3b1c-8e4a-4f7b-9c2d-5a1e0b3c4d6f';
const ORG_NAME = 'contoso';

function userId(n) {
	return `e2e0${String(n).padStart(4, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function oldPassword(n) {
	return `Start-Pass-${n}!`;
}

function newPassword(n) {
	return `Changed-Pass-${n}#`;
}

const GROUPS = {
	everyone: '0e2e0000-0000-4000-8000-000000000001',
	finance: '0e2e0000-0000-4000-8000-000000000011',
	hr: '0e2e0000-0000-4000-8000-000000000012',
};

function makeSecrets() {
	return {
		clientSecret: `e2e-secret-${crypto.randomBytes(12).toString('hex')}`,
		wrongSecret: `e2e-wrong-${crypto.randomBytes(12).toString('hex')}`,
	};
}

function makeSeed(secrets, userCount = 40) {
	const users = [];
	for (let n = 1; n <= userCount; n++) {
		users.push({
			id: userId(n),
			userName: `user${n}@contoso.example`,
			email: `user${n}@contoso.example`,
			name: 'User',
			surname: String(n),
			password: oldPassword(n),
			groupIDs: [GROUPS.everyone, ...(n % 2 ? [GROUPS.finance] : [GROUPS.hr])],
		});
	}
	return {
		tokenLifetimeSeconds: 3600,
		organizations: [
			{
				id: ORG_ID,
				name: ORG_NAME,
				groups: [
					{ id: GROUPS.everyone, name: 'Everyone', type: 'builtIn' },
					{ id: GROUPS.finance, name: 'Finance', type: 'custom' },
					{ id: GROUPS.hr, name: 'HR', type: 'custom' },
				],
				users,
			},
		],
		clients: [
			{
				clientId: 'e2e-app',
				clientSecret: secrets.clientSecret,
				organization: ORG_NAME,
				scopes: ['PM.User', 'PM.Group', 'PM.RobotAccount', 'PM.Setting', 'PM.Directory'],
			},
		],
	};
}

/** Deployment-specific URLs the simulator must see (reference 1.2 / 2.2). */
const DEPLOYMENTS = {
	cloud: { tokenPath: `/${ORG_NAME}/identity_/connect/token`, apiBase: `/${ORG_NAME}/identity_` },
	automationSuite: { tokenPath: '/identity_/connect/token', apiBase: `/${ORG_NAME}/identity_` },
	standalone: { tokenPath: '/identity/connect/token', apiBase: '/identity' },
};

function credential(id, name, baseUrl, data) {
	return {
		id,
		name,
		type: 'uiPathIdentityApi',
		data: {
			deployment: 'cloud',
			baseUrl,
			organizationName: ORG_NAME,
			organizationId: '',
			clientId: 'e2e-app',
			scopes: 'PM.User PM.Group',
			ignoreSslIssues: false,
			identityUrl: '',
			tokenUrl: '',
			...data,
		},
	};
}

/** Credential ids are 16 characters like n8n's own. */
function makeCredentials(baseUrl, secrets) {
	return {
		cloud: credential('e2eCredCloud0001', 'UiPath e2e cloud', baseUrl, { deployment: 'cloud', clientSecret: secrets.clientSecret }),
		automationSuite: credential('e2eCredSuite0001', 'UiPath e2e automation suite', baseUrl, { deployment: 'automationSuite', clientSecret: secrets.clientSecret }),
		standalone: credential('e2eCredStand0001', 'UiPath e2e standalone', baseUrl, { deployment: 'standalone', organizationName: '', clientSecret: secrets.clientSecret }),
		wrongSecret: credential('e2eCredWrong0001', 'UiPath e2e wrong secret', baseUrl, { deployment: 'cloud', clientSecret: secrets.wrongSecret }),
		orgId: credential('e2eCredOrgId0001', 'UiPath e2e with organization ID', baseUrl, { deployment: 'cloud', organizationId: ORG_ID, clientSecret: secrets.clientSecret }),
	};
}

/**
 * Manual Trigger → Set (raw JSON list) → Split Out → UiPath Identity Change Password.
 * Items come from plain nodes that exist unchanged in n8n 1.x and 2.x (no Code node, so no task runner).
 */
function changePasswordWorkflow({ id, name, credential, items, options = {}, requestHandling, onError }) {
	const target = identityNode({ name: 'Change Password', parameters: changePasswordParameters({ options, requestHandling }), credential, onError });
	return listWorkflow({ id, name, field: 'items', list: items, target });
}

function passwordItem(n, { wrongOld = false, id } = {}) {
	return { userId: id || userId(n), oldPassword: wrongOld ? `Not-The-Password-${n}!` : oldPassword(n), newPassword: newPassword(n) };
}

/** Every fixture password, for masking and leak checks. */
function allPasswords(count = 40) {
	const list = [];
	for (let n = 1; n <= count; n++) list.push(oldPassword(n), newPassword(n), `Not-The-Password-${n}!`);
	return list;
}

/** Output items of a node in an `n8n execute --rawOutput` run. */
function nodeItems(run, nodeName, output = 0) {
	const runs = run && run.data && run.data.resultData && run.data.resultData.runData && run.data.resultData.runData[nodeName];
	if (!runs || !runs.length) return undefined;
	const main = runs[runs.length - 1].data && runs[runs.length - 1].data.main;
	return main ? main[output] || [] : undefined;
}

module.exports = {
	ORG_ID,
	ORG_NAME,
	GROUPS,
	DEPLOYMENTS,
	userId,
	oldPassword,
	newPassword,
	makeSecrets,
	makeSeed,
	makeCredentials,
	changePasswordWorkflow,
	passwordItem,
	allPasswords,
	nodeItems,
};
