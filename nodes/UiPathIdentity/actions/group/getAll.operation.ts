import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { outputFields, returnAllAndLimit } from '../../shared/descriptions';
import { readOutput } from '../../shared/readers';
import { applyLimit, readListLimit } from '../../shared/paging';
import { listGroups } from '../../shared/groups';
import { GROUP_OUTPUT, groupOutput } from './group.helpers';

const show = { resource: ['group'], operation: ['getAll'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...returnAllAndLimit(),
	...outputFields('group', GROUP_OUTPUT),
]);

/** UiPath answers all groups at once (no paging), so Limit is applied after the answer. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readListLimit(this, itemIndex);
	const shape = readOutput(this, itemIndex, GROUP_OUTPUT.simplified);
	const groups = await listGroups(this, itemIndex);
	return applyLimit(groups, limit).map((group) => shape(groupOutput(group)));
}
