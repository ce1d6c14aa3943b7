import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID, newGuid } from '../../transport/urls';
import { guidList, requiredString } from '../../shared/readers';
import { forgetGroups } from '../../shared/groups';
import { runsAsTool } from '../../shared/tool';
import { groupOutput } from './group.helpers';

const show = { resource: ['group'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Finance Robots',
		description: 'Name of the new local group; it must be unique in the organization',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Member IDs',
				name: 'memberIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f, a1b2c3d4-0000-4000-8000-000000000002',
				description:
					'IDs of the users, robot accounts or directory groups that become members, separated by commas (an expression may also return an array)',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', 'Name', itemIndex, 'Set Name to the name the new group should get').trim();
	const members = guidList(this, 'additionalFields.memberIds', 'Member IDs', itemIndex);
	// UiPath rejects a create without an ID chosen by the caller; choosing it also tells us the ID.
	const id = newGuid();

	const body: IDataObject = { id, partitionGlobalId: ORGANIZATION_ID, name };
	if (members.length) body.directoryUserMemberIDs = members;
	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.groupCreate),
		body,
	})) as IDataObject | undefined;
	forgetGroups(this);
	return groupOutput(answer?.id ? answer : { id, name }, runsAsTool(this.getNode()));
}
