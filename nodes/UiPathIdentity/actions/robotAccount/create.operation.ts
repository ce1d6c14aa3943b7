import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID } from '../../transport/urls';
import { additionalFieldsCollection, groupIdsField, requiredText } from '../../shared/descriptions';
import { guidList, optionalText, requiredString } from '../../shared/readers';

const show = { resource: ['robotAccount'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	requiredText({
		displayName: 'Name',
		name: 'name',
		placeholder: 'e.g. invoice-bot',
		description: 'Unique name of the robot account. It cannot be changed later.',
	}),
	additionalFieldsCollection([
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Invoice Bot',
			description: 'Name shown in UiPath',
		},
		groupIdsField({ name: 'groupIds', displayName: 'Group Names or IDs', description: 'Groups the robot account joins' }),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', 'Name', itemIndex, "Set 'Name' to the name of the new robot account").trim();
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const groups = guidList(this, 'additionalFields.groupIds', 'Group Names or IDs', itemIndex);

	const body: IDataObject = { partitionGlobalId: ORGANIZATION_ID, name };
	const displayName = optionalText(fields.displayName);
	if (displayName) body.displayName = displayName;
	if (groups.length) body.groupIDsToAdd = groups;
	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.robotAccountCreate),
		body,
	})) as IDataObject | undefined;
	// UiPath answers 201 with the new account; without it, at least say what was created.
	return answer?.id ? answer : { created: true, name };
}
