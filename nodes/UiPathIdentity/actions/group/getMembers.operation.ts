import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, returnAllAndLimit } from '../../shared/descriptions';
import { userTypeName } from '../../shared/enums';
import { fetchPages, readListLimit } from '../../shared/paging';
import { resolveGroup } from '../../shared/groups';
import { endpoint, endpoints } from '../../transport/endpoints';
import type { GroupRef } from '../../shared/groups';

const show = { resource: ['group'], operation: ['getMembers'] };

export const description: INodeProperties[] = [
	groupLocator(show, 'The group whose members to list'),
	...returnAllAndLimit(show),
];

/** One item per member `{id, type}`; the group's own `members` field is always empty, this is not. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const group = (await resolveGroup(this, itemIndex)) as GroupRef;
	const members = await fetchPages(
		this,
		itemIndex,
		endpoint(endpoints.groupMembers, group.id),
		readListLimit(this, itemIndex),
		// Undocumented endpoint: whether it sorts is unknown, so no sortBy is sent.
		{ stableSort: false },
	);
	return members.map((member) => ({ ...member, type: userTypeName(member.type) as IDataObject[string] }));
}
