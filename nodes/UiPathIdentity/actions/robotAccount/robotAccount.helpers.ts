import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkGuid, requiredString } from '../../shared/readers';

export function robotAccountIdField(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Robot Account ID',
		name: 'robotAccountId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59',
		description,
		displayOptions: { show: { resource: ['robotAccount'], operation: [operation] } },
	};
}

export function readRobotAccountId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = requiredString(
		ctx,
		'robotAccountId',
		'Robot Account ID',
		itemIndex,
		'Map the id of a robot account, e.g. from Robot Account → Get Many.',
	);
	return checkGuid(ctx, id, 'Robot Account ID', itemIndex);
}
