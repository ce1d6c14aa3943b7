import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { toNodeError, withItem } from '../transport/errors';

/** Splits a list into consecutive slices of at most `size` entries. */
export function chunk<T>(list: T[], size: number): T[][] {
	const slices: T[][] = [];
	for (let start = 0; start < list.length; start += size) slices.push(list.slice(start, start + size));
	return slices;
}

/**
 * A failure of one request that carried several items, told for one of those items: same text
 * and HTTP status, that item's number.
 */
export function errorForItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number, batchSize: number): Error {
	const nodeError = error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: toNodeError(ctx.getNode(), error, itemIndex);
	const message = withItem(nodeError.message.replace(/ \[item \d+\]$/, ''), itemIndex);
	const description = [
		nodeError.description,
		batchSize > 1 ? `UiPath refused the whole request of ${batchSize} items this item was sent in.` : '',
	]
		.filter(Boolean)
		.join(' ');
	if (nodeError instanceof NodeApiError) {
		return new NodeApiError(ctx.getNode(), { message, httpCode: nodeError.httpCode } as JsonObject, {
			itemIndex,
			httpCode: nodeError.httpCode ?? undefined,
			message,
			description,
		});
	}
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/**
 * Records an item's failure; without continue-on-fail the whole run stops here, before any
 * further request is sent.
 */
export function recordFailure(
	ctx: IExecuteFunctions,
	outcomes: Array<object | Error>,
	itemIndex: number,
	error: unknown,
): void {
	const nodeError =
		error instanceof NodeApiError ? error : toNodeError(ctx.getNode(), error, itemIndex);
	if (!ctx.continueOnFail()) throw nodeError;
	outcomes[itemIndex] = nodeError;
}
