import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../node.type';
import * as get from './get.operation';
import * as update from './update.operation';

export const settingOperations: OperationTable<'setting'> = { get, update };

export const settingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['setting'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get settings',
				description: 'Read organization or user settings by key',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update settings',
				description: 'Create or change organization or user settings',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
