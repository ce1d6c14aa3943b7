import type { INodeProperties } from 'n8n-workflow';

import * as checkGroupMembership from './checkGroupMembership.operation';
import * as search from './search.operation';
import type { OperationTable } from '../node.type';

export const directoryOperations: OperationTable<'directory'> = {
	checkGroupMembership,
	search,
};

export const directoryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['directory'] } },
		options: [
			{
				name: 'Check Group Membership',
				value: 'checkGroupMembership',
				action: 'Check group membership of a user',
				description: 'Find out which of the given groups a user belongs to',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search the directory',
				description: 'Find users, groups and applications by the beginning of their name or email',
			},
		],
		default: 'search',
	},
	...checkGroupMembership.description,
	...search.description,
];
