import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError, withItem } from '../transport/errors';
import { readRequestSettings } from '../transport/options';
import { directoryOperations } from './directory/Directory.resource';
import { groupOperations } from './group/Group.resource';
import { robotAccountOperations } from './robotAccount/RobotAccount.resource';
import { settingOperations } from './setting/Setting.resource';
import type { IdentityOperation } from './types';
import { userOperations } from './user/User.resource';

const operations: Record<string, Record<string, IdentityOperation>> = {
	directory: directoryOperations,
	group: groupOperations,
	robotAccount: robotAccountOperations,
	setting: settingOperations,
	user: userOperations,
};

/**
 * The item continue-on-fail emits for a failed input item. Only `error` and `details`: n8n routes
 * items made of nothing else to the error output.
 */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message, details: error.description ?? '' }, pairedItem: { item: itemIndex } };
}

/** Runs the operation for one item; returns its output items or throws a node error. */
async function runItem(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
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
		return (Array.isArray(result) ? result : [result]).map((json) => ({
			json,
			pairedItem: { item: itemIndex },
		}));
	} catch (error) {
		throw error instanceof NodeApiError ? error : toNodeError(this.getNode(), error, itemIndex);
	}
}

/**
 * Runs the chosen operation once per input item, up to Request Options → Max Parallel Requests
 * items at a time. Results are collected per input position, so output order and pairedItem are
 * those of the input whatever order the answers arrive in. Every input item yields its output or,
 * under continue-on-fail, one error item. Without continue-on-fail the first failing item (lowest
 * index) stops the node; items already in flight finish first, so none is abandoned mid-request.
 * Bulk operations (Create Many, Delete Many) get all items at once and batch them themselves.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const bulk = bulkOperation.call(this);
	if (bulk) return [await runBulk.call(this, bulk, items.length)];
	const parallel = Math.min(items.length, readRequestSettings(this, 0).maxParallelRequests);
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	// Shared by the workers below; an object so TypeScript sees the writes made inside them.
	const run: { next: number; failure?: { itemIndex: number; error: Error } } = { next: 0 };

	const runOne = async (itemIndex: number) => {
		try {
			results[itemIndex] = await runItem.call(this, itemIndex);
		} catch (error) {
			const nodeError = error as NodeApiError | NodeOperationError;
			if (continueOnFail) {
				results[itemIndex] = [errorItem(nodeError, itemIndex)];
			} else if (!run.failure || itemIndex < run.failure.itemIndex) {
				run.failure = { itemIndex, error: nodeError };
			}
		}
	};
	// A stopped run starts no further items (a failure without continue-on-fail, or cancellation).
	const stopped = () => run.failure !== undefined || this.getExecutionCancelSignal?.()?.aborted === true;
	const worker = async () => {
		while (run.next < items.length && !stopped()) await runOne(run.next++);
	};
	// The first item runs alone: it fetches the token if none is stored, and operations that look
	// at the credential first (e.g. Invite reading the organization from the token) find it there.
	await runOne(run.next++);
	await Promise.all(Array.from({ length: parallel }, worker));

	if (run.failure) throw run.failure.error;
	return [results.flat()];
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
			outcome instanceof NodeApiError ? outcome : toNodeError(this.getNode(), outcome, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		return errorItem(nodeError, itemIndex);
	});
}
