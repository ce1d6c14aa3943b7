import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { outputFields, userLocator } from '../../shared/descriptions';
import { readOutput } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';
import { USER_OUTPUT, getUser, userOutput } from './user.helpers';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator('The UiPath user to retrieve'),
	...outputFields('user', USER_OUTPUT),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, itemIndex);
	const shape = readOutput(this, itemIndex, USER_OUTPUT.simplified);
	return shape(userOutput(await getUser(this, itemIndex, userId)));
}
