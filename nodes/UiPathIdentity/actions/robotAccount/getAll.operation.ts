import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, searchTermFilter } from '../../shared/descriptions';
import { readSearchTerm } from '../../shared/readers';
import { fetchPages, readListLimit } from '../../shared/paging';
import { endpoint, endpoints } from '../../transport/endpoints';

const show = { resource: ['robotAccount'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	searchTermFilter(show, 'e.g. invoice', 'Only robot accounts whose name or display name contains this text'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await fetchPages(
		this,
		itemIndex,
		{
			...endpoint(endpoints.robotAccountList),
			qs: readSearchTerm(this, itemIndex),
		},
		readListLimit(this, itemIndex),
	);
}
