import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { ORGANIZATION_ID, apiPath } from '../../transport/urls';
import { returnAllAndLimit, simplifyField } from '../descriptions';
import type { UserPage } from './locator';
import { userOutput } from './output';

const show = { resource: ['user'], operation: ['getMany'] };

/** UiPath's largest page; without `top` it silently returns only 10 users (reference 8.4.6). */
const MAX_PAGE = 1000;

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
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const qs: IDataObject = {};
	if (typeof filters.searchTerm === 'string' && filters.searchTerm.trim()) qs.searchTerm = filters.searchTerm.trim();
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;

	const users: IDataObject[] = [];
	for (;;) {
		const top = Math.min(MAX_PAGE, limit - users.length);
		const page = (await identityRequest.call(this, itemIndex, {
			method: 'GET',
			path: apiPath('User', 'users', ORGANIZATION_ID),
			qs: { ...qs, top, skip: users.length },
			scope: 'PM.User',
		})) as UserPage;
		const results = page.results ?? [];
		users.push(...results.slice(0, top));
		// Advance by what arrived, not by `top`: a short page is the last one.
		const reachedTotal = typeof page.totalCount === 'number' && users.length >= page.totalCount;
		if (results.length < top || users.length >= limit || reachedTotal) break;
	}
	return users.map((user) => userOutput(user, simplify));
}
