import { updateDisplayOptions } from 'n8n-workflow';
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
export async function executeAll(this: IExecuteFunctions, itemCount: number): Promise<Array<IDataObject | Error>> {
	const batchSize = boundedNumber(this, 'options.batchSize', 'Batch Size', 0, { min: 1, max: 1000, fallback: 100 });
	const idempotent = this.getNodeParameter('options.succeedIfAlreadyDeleted', 0, false) === true;
	const outcomes: Array<IDataObject | Error> = new Array(itemCount);
	const targets: Target[] = [];

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
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

	for (const batch of chunk(targets, batchSize)) {
		// The same user in several items is deleted once; each of those items reports it.
		const userIds = [...new Set(batch.map((target) => target.userId))];
		try {
			await identityRequest.call(this, batch[0].itemIndex, {
				...endpoint(endpoints.userBulkDelete),
				body: { partitionGlobalId: ORGANIZATION_ID, userIds },
				items: batch.map((target) => target.itemIndex),
			});
		} catch (error) {
			for (const target of batch) {
				recordFailure(this, outcomes, target.itemIndex, errorForItem(this, error, target.itemIndex, batch.length));
			}
			continue;
		}
		for (const target of batch) {
			outcomes[target.itemIndex] = idempotent
				? { deleted: true, id: target.userId, alreadyDeleted: false }
				: { deleted: true, id: target.userId };
		}
	}
	return outcomes;
}
