import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { byDisplayName, groupIdsField, updateFieldsCollection, userLocator } from '../../shared/descriptions';
import { guidList } from '../../shared/readers';
import { credentialDeployment, resolveUserId } from '../../shared/users';
import { USER_PROFILE_API_FIELDS, putUser, userProfileFields } from './user.helpers';

const show = { resource: ['user'], operation: ['update'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator('The UiPath user to change'),
	updateFieldsCollection(byDisplayName([
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
		...userProfileFields,
		groupIdsField({
			name: 'groupIdsToRemove',
			displayName: 'Remove From Group Names or IDs',
			description: 'Groups the user leaves',
		}),
	])),
]);

/** `PUT /api/User/{id}` with only the fields the user added: UiPath reads a missing field as "unchanged". */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	// Types were checked by the runner (shared/parameterTypes.ts): text fields are text, flags booleans.
	for (const [field, apiField] of Object.entries(USER_PROFILE_API_FIELDS)) {
		// An empty string is sent on purpose: it is the only way to clear a value (null means unchanged).
		const value = fields[field];
		if (typeof value === 'string') body[apiField] = value.trim();
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
	if (body.email !== undefined && (await credentialDeployment(this, itemIndex)) === 'cloud') {
		throw new NodeOperationError(this.getNode(), "'Email' cannot be changed on Automation Cloud", {
			itemIndex,
			description:
				'UiPath does not support changing the email of an Automation Cloud user. Invite the new address (User → Invite), then delete the old account (User → Delete). Remove Email from Update Fields to change the other fields.',
		});
	}
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), "'Update Fields' is empty", {
			itemIndex,
			description: "Add at least one field to change under 'Update Fields'",
		});
	}

	const userId = await resolveUserId(this, itemIndex);
	await putUser(this, itemIndex, userId, body, 'update the user');
	return { updated: true, id: userId, ...body };
}
