import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError, withItem } from '../transport/errors';
import { groupOperations } from './group';
import { robotAccountOperations } from './robotAccount';
import { settingOperations } from './setting';
import type { IdentityOperation } from './types';
import { userOperations } from './user';

const operations: Record<string, Record<string, IdentityOperation>> = {
	group: groupOperations,
	robotAccount: robotAccountOperations,
	setting: settingOperations,
	user: userOperations,
};

/** Runs the chosen operation once per input item; every input item yields output or an error item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = operations[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					withItem(`The operation "${operation}" is not supported for resource "${resource}"`, itemIndex),
					{ itemIndex },
				);
			}
			const result = await handler.execute.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				returnData.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError ? error : toNodeError(this.getNode(), error, itemIndex, { scope: '' });
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: nodeError.message, details: nodeError.description ?? '' },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}
