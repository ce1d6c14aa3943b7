import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ORGANIZATION_ID, apiPath } from '../../transport/urls';
import { returnAllAndLimit } from '../descriptions';
import { fetchPages, readListLimit } from '../paging';
import { SCOPE } from './shared';

const show = { resource: ['robotAccount'], operation: ['getAll'] };

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
				placeholder: 'e.g. invoice',
				description: 'Only robot accounts whose name or display name contains this text',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const searchTerm = typeof filters.searchTerm === 'string' ? filters.searchTerm.trim() : '';
	return await fetchPages(
		this,
		itemIndex,
		{
			method: 'GET',
			path: apiPath('RobotAccount', ORGANIZATION_ID),
			qs: searchTerm ? { searchTerm } : {},
			scope: SCOPE,
		},
		readListLimit(this, itemIndex),
	);
}
