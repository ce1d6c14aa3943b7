import type { INodeProperties } from 'n8n-workflow';

import * as activate from './activate.operation';
import * as addToGroups from './addToGroups.operation';
import * as changePassword from './changePassword.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as deactivate from './deactivate.operation';
import * as deleteUser from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as invite from './invite.operation';
import * as removeFromGroups from './removeFromGroups.operation';
import * as resetPassword from './resetPassword.operation';
import * as sync from './sync.operation';
import * as update from './update.operation';
import type { OperationTable } from '../node.type';

export const userOperations: OperationTable<'user'> = {
	activate,
	addToGroups,
	changePassword,
	create,
	createMany,
	deactivate,
	delete: deleteUser,
	deleteMany,
	get,
	getAll,
	invite,
	removeFromGroups,
	resetPassword,
	sync,
	update,
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
				name: 'Activate',
				value: 'activate',
				action: 'Activate user',
				description: 'Allow a deactivated user to sign in again',
			},
			{
				name: 'Add to Groups',
				value: 'addToGroups',
				action: 'Add user to groups',
				description: 'Add a user to one or more groups',
			},
			{
				name: 'Change Password',
				value: 'changePassword',
				action: 'Change user password',
				description: "Change a user's password with their current password (self-service)",
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create user',
				description: 'Create a local user, optionally with an initial password and groups',
			},
			{
				name: 'Create Many',
				value: 'createMany',
				action: 'Create many users',
				description: 'Create one user per input item in a few requests (no passwords)',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				action: 'Deactivate user',
				description: 'Prevent a user from signing in, keeping the account',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete user',
				description: 'Delete a user permanently',
			},
			{
				name: 'Delete Many',
				value: 'deleteMany',
				action: 'Delete many users',
				description: 'Delete one user per input item in a few requests',
				// Not offered to AI agents; refused there if set anyway (shared/tool.ts)
				displayOptions: { hide: { '@tool': [true] } },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get user',
				description: 'Retrieve a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'Retrieve a list of users',
			},
			{
				name: 'Invite',
				value: 'invite',
				action: 'Invite user',
				description: 'Email an invitation to join the organization (Automation Cloud)',
			},
			{
				name: 'Remove From Groups',
				value: 'removeFromGroups',
				action: 'Remove user from groups',
				description: 'Remove a user from selected groups or from all groups',
			},
			{
				name: 'Reset Password',
				value: 'resetPassword',
				action: 'Reset user password',
				description: "Set a user's password as an administrator, without the current password",
			},
			{
				name: 'Sync',
				value: 'sync',
				action: 'Sync users with a list of people',
				description: 'Make UiPath match a list of people (e.g. from HR): create, update, activate, deactivate',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update user',
				description: "Update a user's names, email, active state, basic authentication bypass or groups",
			},
		],
		default: 'changePassword',
	},
	...activate.description,
	...addToGroups.description,
	...changePassword.description,
	...create.description,
	...createMany.description,
	...deactivate.description,
	...deleteUser.description,
	...deleteMany.description,
	...get.description,
	...getAll.description,
	...invite.description,
	...removeFromGroups.description,
	...resetPassword.description,
	...sync.description,
	...update.description,
];
