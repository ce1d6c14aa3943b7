import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ignoreMissingOption } from '../descriptions';
import { deleteUnlessGone } from '../idempotentDelete';
import { SCOPE, readRobotAccountId, robotAccountIdField, robotAccountNotFound, robotAccountPath } from './shared';

const show = { resource: ['robotAccount'], operation: ['delete'] };

export const description: INodeProperties[] = [
	robotAccountIdField('delete', 'ID of the robot account to delete'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [ignoreMissingOption('robot account')],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRobotAccountId(this, itemIndex);
	const { ignoreMissing = false } = this.getNodeParameter('options', itemIndex, {}) as { ignoreMissing?: boolean };
	const { alreadyDeleted } = await deleteUnlessGone(
		this,
		itemIndex,
		{ path: robotAccountPath(id), scope: SCOPE, notFound: robotAccountNotFound(id) },
		ignoreMissing,
	);
	return alreadyDeleted ? { deleted: true, id, alreadyDeleted } : { deleted: true, id };
}
