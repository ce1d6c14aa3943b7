import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField, userLocator } from '../../shared/descriptions';
import { resolveUserId } from '../../shared/users';
import { getUser, userOutput } from './user.helpers';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = [userLocator(show, 'The UiPath user to read'), simplifyField(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return userOutput(await getUser(this, itemIndex, userId), simplify);
}
