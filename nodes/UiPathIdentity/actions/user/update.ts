import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withItem } from '../../transport/errors';
import { groupIdsField, userLocator } from '../descriptions';
import { guidList } from '../parameters';
import { resolveUserId } from './locator';
import { putUser } from './mutation';

const show = { resource: ['user'], operation: ['update'] };

export const description: INodeProperties[] = [
	userLocator(show, 'The UiPath user to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether the user can sign in',
			},
			groupIdsField({
				name: 'groupIdsToAdd',
				displayName: 'Add to Group Names or IDs',
				description: 'Groups the user joins',
			}),
			{
				displayName: 'Bypass Basic Auth Restriction',
				name: 'bypassBasicAuthRestriction',
				type: 'boolean',
				default: false,
				description: 'Whether the user may sign in with username and password when the organization restricts basic authentication',
			},
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane Doe',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Doe',
			},
			groupIdsField({
				name: 'groupIdsToRemove',
				displayName: 'Remove From Group Names or IDs',
				description: 'Groups the user leaves',
			}),
		],
	},
];

/** UpdateUserCommand field for each text field of Update Fields. */
const TEXT_FIELDS: Record<string, string> = {
	displayName: 'displayName',
	email: 'email',
	firstName: 'name',
	lastName: 'surname',
};

/** `PUT /api/User/{id}` with only the fields the user added: UiPath reads a missing field as "unchanged". */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [field, apiField] of Object.entries(TEXT_FIELDS)) {
		// An empty string is sent on purpose: it is the only way to clear a value (null means unchanged).
		if (typeof fields[field] === 'string') body[apiField] = (fields[field] as string).trim();
	}
	for (const flag of ['isActive', 'bypassBasicAuthRestriction']) {
		if (typeof fields[flag] === 'boolean') body[flag] = fields[flag];
	}
	if (fields.groupIdsToAdd !== undefined) {
		body.groupIDsToAdd = guidList(this, 'updateFields.groupIdsToAdd', 'Add to Group Names or IDs', itemIndex);
	}
	if (fields.groupIdsToRemove !== undefined) {
		body.groupIDsToRemove = guidList(this, 'updateFields.groupIdsToRemove', 'Remove From Group Names or IDs', itemIndex);
	}
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), withItem('Update Fields is empty', itemIndex), {
			itemIndex,
			description: 'Add at least one field to change under Update Fields',
		});
	}

	const userId = await resolveUserId(this, itemIndex);
	await putUser(this, itemIndex, userId, body, 'update the user');
	return { updated: true, id: userId, ...body };
}
