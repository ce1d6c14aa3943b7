import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText, userLocator } from '../../shared/descriptions';
import { requiredString } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';
import { putUser } from './user.helpers';

const show = { resource: ['user'], operation: ['resetPassword'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator('The UiPath user whose password an administrator sets'),
	requiredText({
		displayName: 'New Password',
		name: 'password',
		description: 'The password the user gets; it must meet the password policy of the organization. The current password is not needed.',
		password: true,
	}),
]);

/** Admin reset: `PUT /api/User/{id}` with `password` (no current password, unlike Change Password). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const password = requiredString(this, 'password', 'New Password', itemIndex, "Set 'New Password' to the password the user should get");
	const userId = await resolveUserId(this, itemIndex);
	await putUser(this, itemIndex, userId, { password }, 'reset the password', [password], 'unsafe');
	return { id: userId, passwordReset: true };
}
