import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { groupLocator, outputFields } from '../../shared/descriptions';
import { readOutput } from '../../shared/readers';
import { resolveGroup } from '../../shared/groups';
import { GROUP_OUTPUT, groupOutput } from './group.helpers';
import type { GroupRef } from '../../shared/groups';

const show = { resource: ['group'], operation: ['get'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	groupLocator('The group to retrieve'),
	...outputFields('group', GROUP_OUTPUT),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const group = (await resolveGroup(this, itemIndex)) as GroupRef;
	const shape = readOutput(this, itemIndex, GROUP_OUTPUT.simplified);
	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.groupGet, group.id),
		answer: 'object',
	})) as IDataObject;
	return shape(groupOutput(answer));
}
