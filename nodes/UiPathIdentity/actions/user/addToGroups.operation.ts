import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupIdsField, userLocator } from '../../shared/descriptions';
import { requiredGroupIds } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';
import { putUser } from './user.helpers';

const show = { resource: ['user'], operation: ['addToGroups'] };

export const description: INodeProperties[] = [
	userLocator(show, 'The UiPath user who joins the groups'),
	{
		...groupIdsField({ name: 'groupIds', displayName: 'Group Names or IDs', description: 'Groups the user joins' }, show),
		required: true,
	},
];

/** `PUT /api/User/{id}` with `groupIDsToAdd`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const groupIds = requiredGroupIds(this, itemIndex);
	const userId = await resolveUserId(this, itemIndex);
	await putUser(this, itemIndex, userId, { groupIDsToAdd: groupIds }, 'add the user to the groups');
	return { id: userId, addedGroupIds: groupIds };
}
