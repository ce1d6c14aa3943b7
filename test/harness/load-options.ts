import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodePropertyOptions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import type { TestCredentialsHelper } from './credentials-helper';
import { CREDENTIAL_ID, NODE_NAME, newCredentialsHelper, nodeTypesFor } from './run-workflow';

/**
 * Builds the context n8n's DynamicNodeParametersService hands to `methods.loadOptions` and
 * `methods.listSearch`: a one-node workflow and n8n-core's LoadOptionsContext, with the real
 * credential (token fetch, URL building, organization ID) behind httpRequestWithAuthentication.
 */
function loadOptionsContext(parameters: IDataObject, credentialsHelper: TestCredentialsHelper): ILoadOptionsFunctions {
	const node: INode = {
		id: 'ui',
		name: NODE_NAME,
		type: 'n8n-nodes-uipath-identity.uiPathIdentity',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
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
		currentNodeParameters: parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

export interface LookupOptions {
	parameters?: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	credentialsHelper?: TestCredentialsHelper;
}

const { methods } = new UiPathIdentity();

export async function runLoadOptions(method: string, options: LookupOptions = {}): Promise<INodePropertyOptions[]> {
	const loader = methods.loadOptions[method as keyof typeof methods.loadOptions];
	if (!loader) throw new Error(`No loadOptions method ${method}`);
	const helper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	return await loader.call(loadOptionsContext(options.parameters ?? {}, helper));
}

export async function runListSearch(
	method: string,
	filter?: string,
	options: LookupOptions = {},
): Promise<INodeListSearchResult> {
	const search = methods.listSearch[method as keyof typeof methods.listSearch];
	if (!search) throw new Error(`No listSearch method ${method}`);
	const helper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	return await search.call(loadOptionsContext(options.parameters ?? {}, helper), filter);
}
