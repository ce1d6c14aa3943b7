import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { identityRequest } from '../../nodes/UiPathIdentity/transport';
import type { IdentityRequest } from '../../nodes/UiPathIdentity/transport';
import { requestOptionsDescription } from '../../nodes/UiPathIdentity/transport/options';

/** A node that does nothing but call one function per item, to test the transport on its own. */
function nodeType(execute: INodeType['execute']): INodeType {
	return {
		description: {
			displayName: 'Transport Probe',
			name: 'uiPathIdentity',
			group: ['transform'],
			version: 1,
			description: 'Calls the transport once per item',
			defaults: { name: 'Transport Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'uiPathIdentityApi', required: true }],
			properties: [requestOptionsDescription],
		},
		execute,
	};
}

/** Sends `request(itemIndex)` through `identityRequest` for each item, one after another. */
export function transportProbe(request: (itemIndex: number) => IdentityRequest): INodeType {
	return nodeType(async function (this: IExecuteFunctions) {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const json = await identityRequest.call(this, itemIndex, request(itemIndex));
			// An empty answer (HTTP 204) arrives as an empty string.
			output.push({ json: (json || {}) as IDataObject, pairedItem: { item: itemIndex } });
		}
		return [output];
	});
}

/**
 * What a node gets from n8n core alone: every item calls `httpRequestWithAuthentication` at the
 * same time, with core's own token handling and no gate.
 */
export function coreOnlyProbe(request: (itemIndex: number) => IHttpRequestOptions): INodeType {
	return nodeType(async function (this: IExecuteFunctions) {
		const items = this.getInputData();
		const answers = await Promise.all(
			items.map(
				async (_item, itemIndex) =>
					(await this.helpers.httpRequestWithAuthentication.call(
						this,
						'uiPathIdentityApi',
						request(itemIndex),
					)) as IDataObject,
			),
		);
		return [answers.map((json, item) => ({ json, pairedItem: { item } }))];
	});
}
