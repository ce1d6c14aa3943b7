import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from '../../shared/descriptions';
import { resolveUserId } from '../../shared/users';
import { putUser } from './user.helpers';

const show = { resource: ['user'], operation: ['activate'] };

export const description: INodeProperties[] = [userLocator(show, 'The UiPath user who may sign in again')];

/** `PUT /api/User/{id}` with `isActive: true`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, itemIndex);
	await putUser(this, itemIndex, userId, { isActive: true }, 'activate the user');
	return { id: userId, isActive: true };
}
