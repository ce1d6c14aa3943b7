import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../shared/descriptions';
import { applyLimit, readListLimit } from '../../shared/paging';
import { listGroups } from '../../shared/groups';
import { groupOutput } from './group.helpers';

const show = { resource: ['group'], operation: ['getAll'] };

export const description: INodeProperties[] = [...returnAllAndLimit(show), simplifyField(show)];

/** UiPath answers all groups at once (no paging), so Limit is applied after the answer. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readListLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const groups = await listGroups(this, itemIndex);
	return applyLimit(groups, limit).map((group) => groupOutput(group, simplify));
}
