import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withItem } from '../../transport/errors';
import { groupIdsField, userLocator } from '../descriptions';
import { guidList } from '../parameters';
import { resolveUserId } from './locator';
import { putUser } from './mutation';

const show = { resource: ['user'], operation: ['addToGroups'] };

export const description: INodeProperties[] = [
	userLocator(show, 'The UiPath user who joins the groups'),
	{
		...groupIdsField({ name: 'groupIds', displayName: 'Group Names or IDs', description: 'Groups the user joins' }, show),
		required: true,
	},
];

/** Reads Group Names or IDs and refuses an empty list, which would make the request pointless. */
export function requiredGroupIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const groupIds = guidList(ctx, 'groupIds', 'Group Names or IDs', itemIndex);
	if (!groupIds.length) {
		throw new NodeOperationError(ctx.getNode(), withItem('Group Names or IDs is empty', itemIndex), {
			itemIndex,
			description: 'Choose at least one group, or map a list of group IDs',
		});
	}
	return groupIds;
}

/** `PUT /api/User/{id}` with `groupIDsToAdd`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const groupIds = requiredGroupIds(this, itemIndex);
	const userId = await resolveUserId(this, itemIndex);
	await putUser(this, itemIndex, userId, { groupIDsToAdd: groupIds }, 'add the user to the groups');
	return { id: userId, addedGroupIds: groupIds };
}
