import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { TestCredentialsHelper } from './credentials-helper';

export const CREDENTIAL_ID = 'cred-1';
export const NODE_NAME = 'UiPath Identity';
const INPUT_NAME = 'Input';

export interface RunOptions {
	/** Parameters of the UiPath Identity node (expressions such as `={{ $json.id }}` allowed). */
	parameters: IDataObject;
	/** Input items; one empty item if omitted. */
	items?: IDataObject[];
	credentials?: ICredentialDataDecryptedObject;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Reuse a helper to keep the stored token between executions. */
	credentialsHelper?: TestCredentialsHelper;
	/** Runs this node type in place of UiPath Identity (same name and credential), e.g. a transport probe. */
	nodeType?: INodeType;
	/** Called once the execution started, with a function that cancels it (as the editor's Stop button). */
	onStarted?: (cancel: () => void) => void;
	/**
	 * Runs the node as n8n's AI-agent tool variant (`uiPathIdentityTool`), the way n8n 2.x runs a
	 * tool an agent called: the same execute() with the tool's arguments as the input item.
	 */
	asTool?: boolean;
	/** The execution's ID as n8n gives it to nodes (`getExecutionId()`); none when omitted, as in a test run. */
	executionId?: string;
}

export interface RunResult {
	run: IRun;
	/** Output branches of the UiPath Identity node: [0] main, [1] error output when enabled. */
	outputs: INodeExecutionData[][];
	/** The execution error when the node stopped the workflow. */
	error?: { message: string; description?: string | null; httpCode?: string | null };
	credentialsHelper: TestCredentialsHelper;
}

/** A trigger-less source node that emits the test's input items. */
function inputNodeType(items: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Input',
			name: 'test.input',
			group: ['input'],
			version: 1,
			description: 'Emits test items',
			defaults: { name: INPUT_NAME },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [items.map((json) => ({ json }))];
		},
	};
}

/**
 * The node under the name n8n gives its tool variant (`<name>Tool`, see n8n's convertNodeToAiTool):
 * what the node and `@tool` display options look at. Inputs and outputs stay main so the harness
 * can run it after the Input node.
 */
export function toolVariant(): INodeType {
	const node = new UiPathIdentity();
	const description = { ...node.description, name: `${node.description.name}Tool`, displayName: `${node.description.displayName} Tool` };
	return Object.assign(Object.create(Object.getPrototypeOf(node) as object) as INodeType, node, { description });
}

export function nodeTypesFor(extra: Record<string, INodeType>): INodeTypes {
	const types: Record<string, INodeType> = {
		'n8n-nodes-uipath-identity.uiPathIdentity': new UiPathIdentity(),
		'n8n-nodes-uipath-identity.uiPathIdentityTool': toolVariant(),
		...extra,
	};
	return {
		getByName: (name) => types[name],
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(types[name], version),
		getKnownTypes: () => ({}),
	};
}

export const baseCredentials: ICredentialDataDecryptedObject = {
	deployment: 'cloud',
	baseUrl: 'https://cloud.uipath.com',
	organizationName: 'acme',
	organizationId: '',
	clientId: 'n8n-app',
	clientSecret: 'test-secret',
	scopes: 'PM.User PM.Group',
};

export function newCredentialsHelper(credentials?: ICredentialDataDecryptedObject) {
	const helper = new TestCredentialsHelper({ uiPathIdentityApi: new UiPathIdentityApi() });
	helper.store.set(CREDENTIAL_ID, { ...baseCredentials, ...credentials });
	return helper;
}

/** Runs Input → `target` through n8n-core's WorkflowExecute, as n8n does for a manual run. */
async function execute(
	target: INode,
	extraTypes: Record<string, INodeType>,
	items: IDataObject[],
	credentialsHelper: TestCredentialsHelper,
	onStarted?: RunOptions['onStarted'],
	executionId?: string,
): Promise<{ run: IRun; outputs: INodeExecutionData[][]; error?: RunResult['error'] }> {
	const nodes: INode[] = [
		{ id: 'in', name: INPUT_NAME, type: 'test.input', typeVersion: 1, position: [0, 0], parameters: {} },
		target,
	];
	const connections = {
		[INPUT_NAME]: { main: [[{ node: target.name, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesFor({ 'test.input': inputNodeType(items), ...extraTypes }),
	});

	const workflowData = { id: 'wf-test', name: 'test', nodes, connections } as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', workflowData);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));

	const additionalData = {
		hooks,
		credentialsHelper,
		...(executionId ? { executionId } : {}),
		currentNodeParameters: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		executeWorkflow: async () => ({ data: [] }),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	onStarted?.(() => execution.cancel());
	// A cancelled execution never settles (n8n sets shouldReject: false); its hook still reports the run.
	await Promise.race([execution, done]);
	const run = await done;

	const nodeRun = run.data.resultData.runData[target.name]?.[0];
	const outputs = (nodeRun?.data?.main ?? []).map((branch) => branch ?? []);
	return { run, outputs, error: run.data.resultData.error as RunResult['error'] };
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	const target: INode = {
		id: 'ui',
		name: NODE_NAME,
		type: options.asTool ? 'n8n-nodes-uipath-identity.uiPathIdentityTool' : 'n8n-nodes-uipath-identity.uiPathIdentity',
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { uiPathIdentityApi: { id: CREDENTIAL_ID, name: 'UiPath' } },
		onError: options.onError,
	};
	const replacement = options.nodeType ? { [target.type]: options.nodeType } : {};
	const result = await execute(target, replacement, options.items ?? [{}], credentialsHelper, options.onStarted, options.executionId);
	return { ...result, credentialsHelper };
}

/**
 * Runs the credential's `test` request the way n8n's CredentialsTester does: a declarative
 * no-op node whose only parameter `temp` routes the test request, executed by n8n-core's
 * RoutingNode (so `preAuthentication` is forced and `authenticate` applies), then the
 * `responseCode` rules turn a failing status into the message the dialog shows.
 */
export async function runCredentialTest(
	credentials?: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string; credentialsHelper: TestCredentialsHelper }> {
	const credentialsHelper = newCredentialsHelper(credentials);
	const { test } = new UiPathIdentityApi();
	const noOp: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: 'Credential test',
			defaults: { name: 'Temp-Node' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'uiPathIdentityApi', required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } },
			],
		},
	};
	const target: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [200, 0],
		parameters: { temp: '' },
		credentials: { uiPathIdentityApi: { id: CREDENTIAL_ID, name: 'UiPath' } },
	};
	const { error } = await execute(target, { 'n8n-nodes-base.noOp': noOp }, [{}], credentialsHelper);
	if (!error) return { status: 'OK', message: 'Connection tested successfully', credentialsHelper };
	const rule = test.rules?.find(
		(candidate) =>
			candidate.type === 'responseCode' && String(candidate.properties.value) === String(error.httpCode),
	);
	return { status: 'Error', message: rule?.properties.message ?? error.message, credentialsHelper };
}
