import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupIdsField, userLocator } from '../../shared/descriptions';
import { requiredGroupIds } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';
import { getUser, putUser } from './user.helpers';

const show = { resource: ['user'], operation: ['removeFromGroups'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator(show, 'The UiPath user who leaves the groups'),
	{
		displayName: 'Remove From',
		name: 'removeFrom',
		type: 'options',
		default: 'selectedGroups',
		options: [
			{
				name: 'All Groups',
				value: 'allGroups',
				description: 'Every group the user is in, e.g. when offboarding',
			},
			{ name: 'Selected Groups', value: 'selectedGroups' },
		],
	},
	{
		...groupIdsField(
			{ name: 'groupIds', displayName: 'Group Names or IDs', description: 'Groups the user leaves' },
			{ ...show, removeFrom: ['selectedGroups'] },
		),
		required: true,
	},
]);

/**
 * Reads the user's groups first, then sends `groupIDsToRemove` with only the groups the user is
 * in: asking to leave a group one is not in is not an error, and nothing is sent when there is
 * nothing to remove.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const removeFrom = this.getNodeParameter('removeFrom', itemIndex, 'selectedGroups') as string;
	const requested = removeFrom === 'allGroups' ? undefined : requiredGroupIds(this, itemIndex);
	const userId = await resolveUserId(this, itemIndex);

	const user = await getUser(this, itemIndex, userId);
	const current = Array.isArray(user.groupIDs) ? user.groupIDs.map(String) : [];
	const isMember = (groupId: string) => current.some((id) => id.toLowerCase() === groupId.toLowerCase());
	const toRemove = requested ? requested.filter(isMember) : current;
	const notMember = requested ? requested.filter((groupId) => !isMember(groupId)) : [];

	if (toRemove.length) {
		await putUser(this, itemIndex, userId, { groupIDsToRemove: toRemove }, 'remove the user from the groups');
	}
	return { id: userId, removedGroupIds: toRemove, notMemberGroupIds: notMember };
}
