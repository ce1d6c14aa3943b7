import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, userLocator } from '../../shared/descriptions';
import { resolveUserId } from '../../shared/users';
import { getUser, putUser } from './user.helpers';

const show = { resource: ['user'], operation: ['deactivate'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator(show, 'The UiPath user who may no longer sign in'),
	optionsCollection([
		{
			displayName: 'Succeed If Already Inactive',
			name: 'succeedIfAlreadyInactive',
			type: 'boolean',
			default: false,
			description:
				'Whether to read the user first and, when they are already inactive, change nothing and return alreadyInactive: true, so re-running an offboarding flow is safe',
		},
	]),
]);

/** `PUT /api/User/{id}` with `isActive: false`; reversible, so the safe first step of offboarding. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { succeedIfAlreadyInactive?: boolean };
	if (!options.succeedIfAlreadyInactive) {
		await putUser(this, itemIndex, userId, { isActive: false }, 'deactivate the user');
		return { id: userId, isActive: false };
	}

	const user = await getUser(this, itemIndex, userId);
	if (user.isActive === false) return { id: userId, isActive: false, alreadyInactive: true };
	await putUser(this, itemIndex, userId, { isActive: false }, 'deactivate the user');
	return { id: userId, isActive: false, alreadyInactive: false };
}
