import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { outputFields, returnAllAndLimit, searchTermFilter } from '../../shared/descriptions';
import { readOutput, readSearchTerm } from '../../shared/readers';
import { ROBOT_ACCOUNT_OUTPUT } from './robotAccount.helpers';
import { fetchPages, readListLimit } from '../../shared/paging';
import { endpoint, endpoints } from '../../transport/endpoints';

const show = { resource: ['robotAccount'], operation: ['getAll'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...returnAllAndLimit(),
	searchTermFilter('e.g. invoice', 'Only robot accounts whose name or display name contains this text'),
	...outputFields('robot account', ROBOT_ACCOUNT_OUTPUT),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const shape = readOutput(this, itemIndex, ROBOT_ACCOUNT_OUTPUT.simplified);
	const robotAccounts = await fetchPages(
		this,
		itemIndex,
		{
			...endpoint(endpoints.robotAccountList),
			qs: readSearchTerm(this, itemIndex),
		},
		readListLimit(this, itemIndex),
	);
	return robotAccounts.map(shape);
}
