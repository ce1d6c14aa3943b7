import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit, searchTermFilter, simplifyField } from '../../shared/descriptions';
import { readSearchTerm } from '../../shared/readers';
import { fetchPages, readListLimit } from '../../shared/paging';
import { userListRequest } from '../../shared/users';
import { userOutput } from './user.helpers';

const show = { resource: ['user'], operation: ['getAll'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...returnAllAndLimit(show),
	searchTermFilter(show, 'e.g. jane.doe@example.com', 'Only users whose name, username or email contains this text'),
	optionsCollection([
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
	]),
	simplifyField(show),
]);

/** `GET /api/User/users/{organization}`, page by page until the limit or the last page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const qs: IDataObject = readSearchTerm(this, itemIndex);
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;

	const users = await fetchPages(
		this,
		itemIndex,
		{ ...(await userListRequest(this, itemIndex)), qs },
		readListLimit(this, itemIndex),
	);
	return users.map((user) => userOutput(user, simplify));
}
