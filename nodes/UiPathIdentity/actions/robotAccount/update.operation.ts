import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID } from '../../transport/urls';
import { groupIdsField, updateFieldsCollection } from '../../shared/descriptions';
import { guidList, optionalText } from '../../shared/readers';
import { readRobotAccountId, robotAccountLocator } from './robotAccount.helpers';

const show = { resource: ['robotAccount'], operation: ['update'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	robotAccountLocator('The robot account to change'),
	updateFieldsCollection([
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Invoice Bot',
			description: 'New display name. The name itself cannot change.',
		},
		groupIdsField({ name: 'groupsToAdd', displayName: 'Groups to Add Names or IDs', description: 'Groups the robot account joins' }),
		groupIdsField({ name: 'groupsToRemove', displayName: 'Groups to Remove Names or IDs', description: 'Groups the robot account leaves' }),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRobotAccountId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const displayName = optionalText(fields.displayName);
	const toAdd = guidList(this, 'updateFields.groupsToAdd', 'Groups to Add Names or IDs', itemIndex);
	const toRemove = guidList(this, 'updateFields.groupsToRemove', 'Groups to Remove Names or IDs', itemIndex);
	if (!displayName && !toAdd.length && !toRemove.length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: "Under 'Update Fields' add 'Display Name', 'Groups to Add Names or IDs' or 'Groups to Remove Names or IDs'",
		});
	}

	// Only what the user set: UiPath treats a missing field as "unchanged".
	const body: IDataObject = { partitionGlobalId: ORGANIZATION_ID };
	if (displayName) body.displayName = displayName;
	if (toAdd.length) body.groupIDsToAdd = toAdd;
	if (toRemove.length) body.groupIDsToRemove = toRemove;
	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.robotAccountUpdate, id),
		body,
	})) as IDataObject | undefined;
	return answer?.id ? answer : { id, updated: true };
}
