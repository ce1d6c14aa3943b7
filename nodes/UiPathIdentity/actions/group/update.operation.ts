import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID } from '../../transport/urls';
import { groupLocator, memberIdsField, updateFieldsCollection } from '../../shared/descriptions';
import { guidList, optionalText } from '../../shared/readers';
import { forgetGroups, resolveGroup } from '../../shared/groups';
import { runsAsTool } from '../../shared/tool';
import { currentGroupName, groupOutput } from './group.helpers';
import type { GroupRef } from '../../shared/groups';

const show = { resource: ['group'], operation: ['update'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	groupLocator('The group to change'),
	updateFieldsCollection([
		memberIdsField({ name: 'membersToAdd', displayName: 'Members to Add Names or IDs', description: 'Members who join the group' }),
		memberIdsField({ name: 'membersToRemove', displayName: 'Members to Remove Names or IDs', description: 'Members who leave the group' }),
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Finance Robots EU',
			description: 'Rename the group (local groups only)',
		},
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const newName = optionalText(fields.name);
	const toAdd = guidList(this, 'updateFields.membersToAdd', 'Members to Add Names or IDs', itemIndex);
	const toRemove = guidList(this, 'updateFields.membersToRemove', 'Members to Remove Names or IDs', itemIndex);
	if (!newName && !toAdd.length && !toRemove.length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: "Under 'Update Fields' add 'New Name', 'Members to Add Names or IDs' or 'Members to Remove Names or IDs'",
		});
	}

	const group = (await resolveGroup(this, itemIndex)) as GroupRef;
	// UiPath rejects an update without a name, even when only the members change.
	const name = newName || (await currentGroupName(this, itemIndex, group));
	const body: IDataObject = { partitionGlobalId: ORGANIZATION_ID, name };
	if (toAdd.length) body.directoryUserIDsToAdd = toAdd;
	if (toRemove.length) body.directoryUserIDsToRemove = toRemove;

	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.groupUpdate, group.id),
		body,
	})) as IDataObject | undefined;
	forgetGroups(this);
	return groupOutput(answer?.id ? answer : { id: group.id, name }, runsAsTool(this.getNode()));
}
