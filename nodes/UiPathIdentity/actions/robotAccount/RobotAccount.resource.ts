import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../node.type';
import * as create from './create.operation';
import * as deleteRobotAccount from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const robotAccountOperations: OperationTable<'robotAccount'> = {
	create,
	delete: deleteRobotAccount,
	get,
	getAll,
	update,
};

export const robotAccountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['robotAccount'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a robot account',
				description: 'Create a robot account, optionally in groups',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a robot account', description: 'Delete a robot account' },
			{ name: 'Get', value: 'get', action: 'Get a robot account', description: 'Retrieve one robot account' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many robot accounts',
				description: 'List or search the robot accounts of the organization',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a robot account',
				description: 'Change the display name or group memberships of a robot account',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteRobotAccount.description,
	...get.description,
	...getAll.description,
	...update.description,
];
