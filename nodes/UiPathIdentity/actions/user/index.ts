import type { INodeProperties } from 'n8n-workflow';

import * as changePassword from './changePassword';
import type { IdentityOperation } from '../types';

export const userOperations: Record<string, IdentityOperation> = {
	changePassword,
};

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Change Password',
				value: 'changePassword',
				action: 'Change user password',
				description: "Change a user's password with their current password (self-service)",
			},
		],
		default: 'changePassword',
	},
	...changePassword.description,
];
