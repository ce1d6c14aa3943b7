import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, ignoreMissingOption } from '../descriptions';
import { deleteUnlessGone } from '../idempotentDelete';
import { forgetGroups, groupNotFound, groupPath, resolveGroup } from './lookup';

const show = { resource: ['group'], operation: ['delete'] };

export const description: INodeProperties[] = [
	groupLocator(show, 'The local group to delete (built-in groups cannot be deleted)'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [ignoreMissingOption('group')],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { ignoreMissing = false } = this.getNodeParameter('options', itemIndex, {}) as { ignoreMissing?: boolean };
	const group = await resolveGroup(this, itemIndex, { allowMissing: ignoreMissing });
	if (!group) {
		// Chosen by a name no group has any more: nothing to delete, and no ID to report.
		const name = this.getNodeParameter('groupId', itemIndex, '', { extractValue: true }) as string;
		return { deleted: true, name: String(name).trim(), alreadyDeleted: true };
	}
	const { alreadyDeleted } = await deleteUnlessGone(
		this,
		itemIndex,
		{ path: groupPath(group.id), scope: 'PM.Group', notFound: groupNotFound(group.id) },
		ignoreMissing,
	);
	forgetGroups(this);
	return alreadyDeleted ? { deleted: true, id: group.id, alreadyDeleted } : { deleted: true, id: group.id };
}
