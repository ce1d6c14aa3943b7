import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dryRunOutput, readDryRun } from '../shared/dryRun';
import { checkParameterTypes } from '../shared/parameterTypes';
import type { ParameterRules } from '../shared/parameterTypes';
import { beginDryRun, endDryRun } from '../transport/dryRun';
import { errorForItem } from '../shared/bulk';
import { toNodeError } from '../transport/errors';
import { readRequestSettings } from '../transport/options';
import type { IdentityOperation } from './node.type';

type NodeError = NodeApiError | NodeOperationError;
type ItemHandler = NonNullable<IdentityOperation['execute']>;
type BulkHandler = NonNullable<IdentityOperation['executeAll']>;
type WholeRunHandler = NonNullable<IdentityOperation['executeItems']>;

/**
 * The one place where a failure becomes the node error of an item: errors the transport already
 * shaped pass through; everything else (e.g. a parameter an operation refused) gets the item's
 * index and its `[item N]` suffix here.
 */
export function itemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	return error instanceof NodeApiError ? error : toNodeError(ctx.getNode(), error, itemIndex);
}

/**
 * The item continue-on-fail emits for a failed input item. Only `error` and `details`: n8n routes
 * items made of nothing else to the error output.
 */
function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message, details: error.description ?? '' }, pairedItem: { item: itemIndex } };
}

/**
 * Runs the operation for one item; returns its output items or throws a node error. With Dry Run,
 * the changes the operation would send are recorded instead (see transport/dryRun.ts) and become
 * the item's output.
 */
async function runItem(
	this: IExecuteFunctions,
	handler: ItemHandler,
	rules: ParameterRules,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	let dryRun: boolean;
	try {
		checkParameterTypes(this, itemIndex, rules);
		dryRun = readDryRun(this, itemIndex);
	} catch (error) {
		throw itemError(this, error, itemIndex);
	}
	if (dryRun) beginDryRun(this, [itemIndex]);
	try {
		const result = await handler.call(this, itemIndex);
		if (dryRun) return [{ json: dryRunOutput(endDryRun(this, itemIndex)), pairedItem: { item: itemIndex } }];
		return (Array.isArray(result) ? result : [result]).map((json) => ({
			json,
			pairedItem: { item: itemIndex },
		}));
	} catch (error) {
		if (dryRun) endDryRun(this, itemIndex);
		throw itemError(this, error, itemIndex);
	}
}

/**
 * Runs `handler` once per input item, up to Request Handling → Max Parallel Requests items at a
 * time. Results are collected per input position, so output order and pairedItem are those of the
 * input whatever order the answers arrive in. Every input item yields its output or, under
 * continue-on-fail, one error item. Without continue-on-fail the first failing item (lowest index)
 * stops the node; items already in flight finish first, so none is abandoned mid-request.
 */
export async function runItems(
	this: IExecuteFunctions,
	handler: ItemHandler,
	rules: ParameterRules,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	// Read before item 0's type check: a mistyped value falls back here and fails item 0 there.
	const parallel = Math.min(items.length, readRequestSettings(this, 0).maxParallelRequests);
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	// Shared by the workers below; an object so TypeScript sees the writes made inside them.
	const run: { next: number; failure?: { itemIndex: number; error: Error } } = { next: 0 };

	const runOne = async (itemIndex: number) => {
		try {
			results[itemIndex] = await runItem.call(this, handler, rules, itemIndex);
		} catch (error) {
			const nodeError = error as NodeError;
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
	return results.flat();
}

/**
 * Checks the parameter types of every item before a bulk or whole-run operation starts (see
 * shared/parameterTypes.ts). Without continue-on-fail the first failing item stops the node
 * here, before anything is sent; with it, the failing items and their errors are returned.
 */
function checkEveryItem(this: IExecuteFunctions, rules: ParameterRules): Map<number, NodeError> {
	const failures = new Map<number, NodeError>();
	const itemCount = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			checkParameterTypes(this, itemIndex, rules);
		} catch (error) {
			const nodeError = itemError(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			failures.set(itemIndex, nodeError);
		}
	}
	return failures;
}

/**
 * Bulk operations (Create Many, Delete Many) get the items whose parameters passed the type
 * check at once and batch them themselves. One output item per input item, paired; errors the
 * operation returned become error items.
 */
export async function runBulk(
	this: IExecuteFunctions,
	executeAll: BulkHandler,
	rules: ParameterRules,
): Promise<INodeExecutionData[]> {
	const failures = checkEveryItem.call(this, rules);
	const allIndexes = Array.from({ length: this.getInputData().length }, (_, itemIndex) => itemIndex);
	const indexes = allIndexes.filter((itemIndex) => !failures.has(itemIndex));
	let dryRun = false;
	let outcomes: Awaited<ReturnType<BulkHandler>> = [];
	const recorded: Array<ReturnType<typeof endDryRun>> = [];
	try {
		if (indexes.length) {
			// Inside the try: a mistyped Dry Run fails every item like Batch Size does.
			dryRun = readDryRun(this, indexes[0]);
			if (dryRun) beginDryRun(this, indexes);
			outcomes = await executeAll.call(this, indexes);
		}
	} catch (error) {
		// Under continue-on-fail a bulk operation throws only for a parameter of the whole run (Batch
		// Size): every item fails with it. Zero items would let n8n pass the input on as a success.
		if (!this.continueOnFail()) throw itemError(this, error, indexes[0]);
		outcomes = [];
		for (const itemIndex of indexes) outcomes[itemIndex] = errorForItem(this, error, itemIndex, 1);
	} finally {
		if (dryRun) for (const itemIndex of indexes) recorded[itemIndex] = endDryRun(this, itemIndex);
	}
	return allIndexes.map((itemIndex) => {
		const failure = failures.get(itemIndex);
		if (failure) return errorItem(failure, itemIndex);
		const outcome = outcomes[itemIndex];
		if (!(outcome instanceof Error)) {
			return { json: dryRun ? dryRunOutput(recorded[itemIndex]) : outcome, pairedItem: { item: itemIndex } };
		}
		const nodeError = itemError(this, outcome, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		return errorItem(nodeError, itemIndex);
	});
}

/**
 * Operations that need every item at once to decide anything (User → Sync plans over the whole
 * input) run only when every item's parameters passed the type check: a person left out would
 * count as missing from the input. Otherwise, under continue-on-fail, every item becomes an error
 * item: its own error, or one saying which item stopped the run.
 */
export async function runWhole(
	this: IExecuteFunctions,
	executeItems: WholeRunHandler,
	rules: ParameterRules,
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const failures = checkEveryItem.call(this, rules);
	if (!failures.size) return await executeItems.call(this, itemCount);
	const first = Math.min(...failures.keys());
	return Array.from({ length: itemCount }, (_, itemIndex) => {
		const error =
			failures.get(itemIndex) ??
			itemError(
				this,
				new NodeOperationError(this.getNode(), `Nothing was sent: item ${first} has a parameter of the wrong type`, {
					itemIndex,
					description: `This operation works on all items together, so it runs only when every item is valid. Fix item ${first} (and any other item with an error) and run again.`,
				}),
				itemIndex,
			);
		return errorItem(error, itemIndex);
	});
}
