import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { groupIdsField, userLocator } from '../../shared/descriptions';
import { requiredGroupIds } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';

const show = { resource: ['directory'], operation: ['checkGroupMembership'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator('The user whose membership is checked'),
	{
		...groupIdsField({ name: 'groupIds', displayName: 'Group Names or IDs', description: 'Groups to check' }),
		required: true,
	},
]);

/**
 * `POST /api/Directory/GroupMembership/{organization}` answers with the checked groups the user
 * belongs to; the output also lists the ones they do not.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const groupIds = requiredGroupIds(this, itemIndex);
	const userId = await resolveUserId(this, itemIndex);
	// `answer: 'list'`: the transport fails the item on anything but a list.
	const groups = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.directoryGroupMembership),
		body: { userId, groupIds },
		answer: 'list',
	})) as IDataObject[];
	const member = new Set(groups.map((group) => String(group.identifier ?? '').toLowerCase()));
	return {
		userId,
		isMemberOfAll: groupIds.every((id) => member.has(id.toLowerCase())),
		memberGroupIds: groupIds.filter((id) => member.has(id.toLowerCase())),
		notMemberGroupIds: groupIds.filter((id) => !member.has(id.toLowerCase())),
		groups,
	};
}
