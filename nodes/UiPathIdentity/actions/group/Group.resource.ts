import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../node.type';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as update from './update.operation';

export const groupOperations: OperationTable<'group'> = {
	create,
	delete: deleteGroup,
	get,
	getAll,
	getMembers,
	update,
};

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group',
				description: 'Create a local group, optionally with members',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a group', description: 'Delete a local group' },
			{ name: 'Get', value: 'get', action: 'Get a group', description: 'Retrieve one group' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many groups',
				description: 'List the groups of the organization',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				action: 'Get group members',
				description: 'List the users and robot accounts in a group',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a group',
				description: 'Rename a group or add and remove members',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteGroup.description,
	...get.description,
	...getAll.description,
	...getMembers.description,
	...update.description,
];
