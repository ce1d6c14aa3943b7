import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID } from '../../transport/urls';
import { chunk, errorForItem, recordFailure } from '../../shared/bulk';
import { batchSizeOption, optionsCollection } from '../../shared/descriptions';
import { boundedNumber } from '../../shared/readers';
import { runsAsTool } from '../../shared/tool';
import { credentialDeployment } from '../../shared/users';
import { newUserDescription, readNewUser, requireSucceeded, userOutput } from './user.helpers';
import type { NewUser } from './user.helpers';

const show = { resource: ['user'], operation: ['createMany'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName:
			'Creates one user per input item, many users per request to UiPath. Users created this way have no password. If UiPath refuses one user, it refuses the whole request.',
		name: 'createManyNotice',
		type: 'notice',
		default: '',
	},
	...newUserDescription({ withPassword: false }),
	optionsCollection([batchSizeOption(1000, 100)]),
]);

interface PendingUser extends NewUser {
	itemIndex: number;
}

/**
 * `POST /api/User/BulkCreate` takes one group list for all its users, so items are grouped by
 * their groups first, then sent in batches.
 */
export async function executeAll(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const first = itemIndexes[0];
	const batchSize = boundedNumber(this, 'options.batchSize', 'Batch Size', first, { min: 1, max: 1000, fallback: 100 });
	const outcomes: Array<IDataObject | Error> = [];
	const byGroups = new Map<string, PendingUser[]>();
	const deployment = await credentialDeployment(this, first);

	for (const itemIndex of itemIndexes) {
		try {
			const user = readNewUser(this, itemIndex, deployment);
			const key = [...user.groupIds].sort().join(',');
			byGroups.set(key, [...(byGroups.get(key) ?? []), { ...user, itemIndex }]);
		} catch (error) {
			recordFailure(this, outcomes, itemIndex, error);
		}
	}

	for (const users of byGroups.values()) {
		for (const batch of chunk(users, batchSize)) {
			await createBatch.call(this, batch, outcomes);
		}
	}
	return outcomes;
}

async function createBatch(this: IExecuteFunctions, batch: PendingUser[], outcomes: Array<IDataObject | Error>) {
	const first = batch[0].itemIndex;
	const body: IDataObject = { users: batch.map((user) => user.body), partitionGlobalId: ORGANIZATION_ID };
	if (batch[0].groupIds.length) body.groupIDs = batch[0].groupIds;

	let created: IDataObject[];
	try {
		const answer = (await identityRequest.call(this, first, {
			...endpoint(endpoints.userBulkCreate),
			body,
			identityResultAsData: true,
			items: batch.map((user) => user.itemIndex),
		})) as IDataObject | undefined;
		// BulkCreate may refuse with HTTP 200 and `result.succeeded: false` (reference 4.1).
		requireSucceeded(this, answer, 'UiPath did not create the users', first);
		created = Array.isArray(answer?.users) ? (answer.users as IDataObject[]) : [];
	} catch (error) {
		for (const user of batch) {
			recordFailure(this, outcomes, user.itemIndex, errorForItem(this, error, user.itemIndex, batch.length));
		}
		return;
	}

	const returned = new Map(created.map((user) => [String(user.id).toLowerCase(), user]));
	for (const user of batch) {
		const match = returned.get(String(user.body.id).toLowerCase());
		if (created.length && !match) {
			// UiPath listed the users it created and this one is not among them: a partial refusal.
			const missing = new NodeOperationError(this.getNode(), `UiPath did not create the user "${String(user.body.userName)}"`, {
				itemIndex: user.itemIndex,
				description: `UiPath answered the request of ${batch.length} users with ${created.length} created users, and this user's ID is not among them. Check in UiPath whether the user exists before running the item again.`,
			});
			recordFailure(this, outcomes, user.itemIndex, missing);
			continue;
		}
		outcomes[user.itemIndex] = { created: true, ...userOutput(match ?? { ...user.body, groupIDs: user.groupIds }, runsAsTool(this.getNode())) };
	}
}
