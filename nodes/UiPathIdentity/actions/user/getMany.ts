import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ORGANIZATION_ID, apiPath } from '../../transport/urls';
import { returnAllAndLimit, simplifyField } from '../descriptions';
import { fetchPages, readListLimit } from '../paging';
import { userOutput } from './output';

const show = { resource: ['user'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane.doe@example.com',
				description: 'Only users whose name, username or email contains this text',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
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
	simplifyField(show),
];

/** `GET /api/User/users/{organization}`, page by page until the limit or the last page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const qs: IDataObject = {};
	if (typeof filters.searchTerm === 'string' && filters.searchTerm.trim()) qs.searchTerm = filters.searchTerm.trim();
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;

	const users = await fetchPages(
		this,
		itemIndex,
		{ method: 'GET', path: apiPath('User', 'users', ORGANIZATION_ID), qs, scope: 'PM.User' },
		readListLimit(this, itemIndex),
	);
	return users.map((user) => userOutput(user, simplify));
}
