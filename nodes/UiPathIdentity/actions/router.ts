import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError, withItem } from '../transport/errors';
import { directoryOperations } from './directory';
import type { IdentityOperation } from './types';
import { userOperations } from './user';

const operations: Record<string, Record<string, IdentityOperation>> = {
	directory: directoryOperations,
	user: userOperations,
};

/** Runs the chosen operation once per input item; every input item yields output or an error item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const bulk = items.length ? bulkOperation.call(this) : undefined;
	if (bulk) return [await runBulk.call(this, bulk, items.length)];
	const returnData: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = operations[resource]?.[operation];
			if (!handler?.execute) {
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

/** The chosen operation when it handles all items at once (resource and operation are fixed per node). */
function bulkOperation(this: IExecuteFunctions): IdentityOperation['executeAll'] {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	return operations[resource]?.[operation]?.executeAll;
}

/** One output item per input item, paired; errors the operation returned become error items. */
async function runBulk(
	this: IExecuteFunctions,
	executeAll: NonNullable<IdentityOperation['executeAll']>,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const outcomes = await executeAll.call(this, itemCount);
	return outcomes.map((outcome, itemIndex) => {
		if (!(outcome instanceof Error)) return { json: outcome, pairedItem: { item: itemIndex } };
		const nodeError =
			outcome instanceof NodeApiError ? outcome : toNodeError(this.getNode(), outcome, itemIndex, { scope: '' });
		if (!this.continueOnFail()) throw nodeError;
		return { json: { error: nodeError.message, details: nodeError.description ?? '' }, pairedItem: { item: itemIndex } };
	});
}
