import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { groupLocator, simplifyField } from '../../shared/descriptions';
import { resolveGroup } from '../../shared/groups';
import { groupOutput } from './group.helpers';
import type { GroupRef } from '../../shared/groups';

const show = { resource: ['group'], operation: ['get'] };

export const description: INodeProperties[] = [groupLocator(show, 'The group to retrieve'), simplifyField(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const group = (await resolveGroup(this, itemIndex)) as GroupRef;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.groupGet, group.id),
		answer: 'object',
	})) as IDataObject;
	return groupOutput(answer, simplify);
}
