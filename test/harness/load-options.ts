import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { CREDENTIAL_ID, NODE_NAME, newCredentialsHelper, nodeTypesFor } from './run-workflow';

/**
 * The context n8n's editor gives `methods.listSearch` / `methods.loadOptions` (n8n-core's
 * LoadOptionsContext over the same credentials helper), so those methods hit the same transport
 * and credential code as a workflow run.
 */
export function loadOptionsContext(
	options: { parameters?: Record<string, unknown>; credentials?: ICredentialDataDecryptedObject } = {},
): { context: ILoadOptionsFunctions; credentialsHelper: ReturnType<typeof newCredentialsHelper>; node: UiPathIdentity } {
	const credentialsHelper = newCredentialsHelper(options.credentials);
	const node: INode = {
		id: 'ui',
		name: NODE_NAME,
		type: 'n8n-nodes-uipath-identity.uiPathIdentity',
		typeVersion: 1,
		position: [0, 0],
		parameters: (options.parameters ?? {}) as INode['parameters'],
		credentials: { uiPathIdentityApi: { id: CREDENTIAL_ID, name: 'UiPath' } },
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor({}),
	});
	const additionalData = {
		credentialsHelper,
		currentNodeParameters: node.parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.userId');
	return { context, credentialsHelper, node: new UiPathIdentity() };
}
