import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID } from '../../transport/urls';
import { chunk, errorForItem, recordFailure } from '../../shared/bulk';
import { batchSizeOption, optionsCollection, userLocator } from '../../shared/descriptions';
import { boundedNumber } from '../../shared/readers';
import { succeedIfUserAlreadyDeleted } from './delete.operation';
import { findUserIdByEmail, noUserWithEmail, readUserReference } from '../../shared/users';

const show = { resource: ['user'], operation: ['deleteMany'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName:
			'Deletes one user per input item with few requests: all items are collected and sent to UiPath in batches. Select users By ID for large batches; By Email costs one lookup per item.',
		name: 'deleteManyNotice',
		type: 'notice',
		default: '',
	},
	userLocator('The UiPath user to delete, usually mapped from the input item'),
	optionsCollection([batchSizeOption(1000, 100), succeedIfUserAlreadyDeleted]),
]);

interface Target {
	itemIndex: number;
	userId: string;
}

/**
 * `DELETE /api/User` with `{partitionGlobalId, userIds}`: one request per batch of items, not per
 * user, which spares the rate limit of 160 deletes per 5 minutes (reference 5.3). Every user is
 * resolved before the first deletion, so a bad item stops the run before anything is deleted.
 */
export async function executeAll(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const first = itemIndexes[0];
	const batchSize = boundedNumber(this, 'options.batchSize', 'Batch Size', first, { min: 1, max: 1000, fallback: 100 });
	const idempotent = this.getNodeParameter('options.succeedIfAlreadyDeleted', first, false) === true;
	const outcomes: Array<IDataObject | Error> = [];
	const targets: Target[] = [];

	for (const itemIndex of itemIndexes) {
		try {
			const reference = readUserReference(this, itemIndex);
			if (reference.mode === 'id') {
				targets.push({ itemIndex, userId: reference.value });
				continue;
			}
			const found = await findUserIdByEmail(this, itemIndex, reference.value);
			if (found) targets.push({ itemIndex, userId: found });
			else if (idempotent) outcomes[itemIndex] = { deleted: true, id: null, email: reference.value, alreadyDeleted: true };
			else throw noUserWithEmail(this, itemIndex, reference.value);
		} catch (error) {
			recordFailure(this, outcomes, itemIndex, error);
		}
	}

	// The same user in several items (in any batch, in any letter case) is deleted once; each of
	// those items reports it.
	const byId = new Map<string, Target[]>();
	for (const target of targets) {
		const key = target.userId.toLowerCase();
		byId.set(key, [...(byId.get(key) ?? []), target]);
	}
	for (const batch of chunk([...byId.values()], batchSize)) {
		await deleteBatch.call(this, batch, idempotent, outcomes);
	}
	return outcomes;
}

/**
 * Deletes one batch (one list of items per distinct user). A 404 answer to several users means
 * one of them is unknown: the batch is split in halves until the unknown users stand alone, so
 * the others are deleted and only those items fail (or count as already deleted under Succeed If
 * Already Deleted).
 */
async function deleteBatch(
	this: IExecuteFunctions,
	batch: Target[][],
	idempotent: boolean,
	outcomes: Array<IDataObject | Error>,
): Promise<void> {
	const items = batch.flat().map((target) => target.itemIndex);
	try {
		await identityRequest.call(this, items[0], {
			...endpoint(endpoints.userBulkDelete),
			body: { partitionGlobalId: ORGANIZATION_ID, userIds: batch.map((targets) => targets[0].userId) },
			items,
		});
	} catch (error) {
		const notFound = error instanceof NodeApiError && String(error.httpCode) === '404';
		if (notFound && batch.length > 1) {
			const half = Math.ceil(batch.length / 2);
			await deleteBatch.call(this, batch.slice(0, half), idempotent, outcomes);
			await deleteBatch.call(this, batch.slice(half), idempotent, outcomes);
			return;
		}
		for (const target of batch.flat()) {
			if (notFound && idempotent) {
				outcomes[target.itemIndex] = { deleted: true, id: target.userId, alreadyDeleted: true };
				continue;
			}
			recordFailure(this, outcomes, target.itemIndex, errorForItem(this, error, target.itemIndex, items.length));
		}
		return;
	}
	for (const target of batch.flat()) {
		outcomes[target.itemIndex] = idempotent
			? { deleted: true, id: target.userId, alreadyDeleted: false }
			: { deleted: true, id: target.userId };
	}
}
