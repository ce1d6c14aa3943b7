import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { newGuid } from '../../transport/urls';
import { USER_PROFILE_API_FIELDS, byDisplayName, groupIdsField, userProfileFields } from '../descriptions';
import { guidList, optionalText, requiredString } from '../parameters';

/** Fields of a new user, shared by Create (one request per user) and Create Many (BulkCreate). */
export function newUserDescription(operation: string, { withPassword }: { withPassword: boolean }): INodeProperties[] {
	const show = { resource: ['user'], operation: [operation] };
	const passwordFields: INodeProperties[] = [
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Initial password of a local user; it must meet the password policy of the organization',
		},
		{
			displayName: 'Validate Password',
			name: 'validatePassword',
			type: 'boolean',
			default: true,
			description: 'Whether UiPath checks the password against the password policy of the organization',
		},
	];
	return [
		{
			displayName: 'Username',
			name: 'userName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. jane.doe@example.com',
			description: 'Sign-in name of the new user. On Automation Cloud use the email address.',
			displayOptions: { show },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: byDisplayName([
				...userProfileFields,
				groupIdsField({
					name: 'groupIds',
					displayName: 'Group Names or IDs',
					description: 'Groups the new user joins',
				}),
				...(withPassword ? passwordFields : []),
			]),
		},
	];
}

/** Profile fields of the body; `partitionGlobalId`, password and groups are added by the caller. */
export interface NewUser {
	body: IDataObject;
	groupIds: string[];
}

/**
 * Builds the user part of CreateUserCommand with a new client-generated `id`: UiPath answers a
 * create with only `succeeded`, so choosing the ID is how the node knows it (reference 4.1).
 */
export function readNewUser(ctx: IExecuteFunctions, itemIndex: number): NewUser {
	const userName = requiredString(ctx, 'userName', 'Username', itemIndex, 'Set Username to the sign-in name of the new user');
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { id: newGuid(), userName: userName.trim() };
	for (const [field, apiField] of Object.entries(USER_PROFILE_API_FIELDS)) {
		const value = optionalText(fields[field]);
		if (value) body[apiField] = value;
	}
	if (typeof fields.bypassBasicAuthRestriction === 'boolean') {
		body.bypassBasicAuthRestriction = fields.bypassBasicAuthRestriction;
	}
	const groupIds = fields.groupIds === undefined ? [] : guidList(ctx, 'additionalFields.groupIds', 'Group Names or IDs', itemIndex);
	return { body, groupIds };
}
