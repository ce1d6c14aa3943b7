import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { outputFields, returnAllAndLimit, searchTermFilter } from '../../shared/descriptions';
import { readOutput, readSearchTerm } from '../../shared/readers';
import { fetchPages, readListLimit } from '../../shared/paging';
import { userListRequest } from '../../shared/users';
import { USER_OUTPUT, userOutput } from './user.helpers';

const show = { resource: ['user'], operation: ['getAll'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...returnAllAndLimit(),
	searchTermFilter('e.g. jane.doe@example.com', 'Only users whose name, username or email contains this text'),
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Rule',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'Email',
				options: [
					{ name: 'Creation Time', value: 'CreationTime' },
					{ name: 'Display Name', value: 'DisplayName' },
					{ name: 'Email', value: 'Email' },
					{ name: 'First Name', value: 'Name' },
					{ name: 'Last Login Time', value: 'LastLoginTime' },
					{ name: 'Last Name', value: 'Surname' },
					{ name: 'Username', value: 'UserName' },
				],
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				default: 'asc',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
			},
		],
	},
	...outputFields('user', USER_OUTPUT),
]);

/** `GET /api/User/users/{organization}`, page by page until the limit or the last page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const shape = readOutput(this, itemIndex, USER_OUTPUT.simplified);

	const qs: IDataObject = readSearchTerm(this, itemIndex);
	if (sort.sortBy) qs.sortBy = sort.sortBy;
	if (sort.sortOrder) qs.sortOrder = sort.sortOrder;

	const users = await fetchPages(
		this,
		itemIndex,
		{ ...(await userListRequest(this, itemIndex)), qs },
		readListLimit(this, itemIndex),
	);
	return users.map((user) => shape(userOutput(user)));
}
