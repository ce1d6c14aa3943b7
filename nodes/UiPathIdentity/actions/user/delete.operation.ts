import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAY_ALREADY_BE_DONE, MAY_ALREADY_BE_DONE_NOTE, NOT_FOUND, identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { optionsCollection, succeedIfAlreadyDeletedOption, userLocator } from '../../shared/descriptions';
import { findUserIdByEmail, noUserWithEmail, readUserReference } from '../../shared/users';

const show = { resource: ['user'], operation: ['delete'] };

/** Shared by Delete and Delete Many. */
export const succeedIfUserAlreadyDeleted = succeedIfAlreadyDeletedOption(
	'user',
	'no user has the ID or email',
);

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator(show, 'The UiPath user to delete'),
	optionsCollection([succeedIfUserAlreadyDeleted]),
]);

/** `DELETE /api/User/{id}` (HTTP 204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { succeedIfAlreadyDeleted?: boolean };
	const idempotent = options.succeedIfAlreadyDeleted === true;
	const reference = readUserReference(this, itemIndex);
	let userId = reference.value;
	if (reference.mode === 'email') {
		const found = await findUserIdByEmail(this, itemIndex, reference.value);
		if (!found && idempotent) return { deleted: true, id: null, email: reference.value, alreadyDeleted: true };
		if (!found) throw noUserWithEmail(this, itemIndex, reference.value);
		userId = found;
	}

	const answer = await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.userDelete, userId),
		notFoundAsData: idempotent,
	});
	if (answer === MAY_ALREADY_BE_DONE) return { deleted: true, id: userId, uncertain: true, note: MAY_ALREADY_BE_DONE_NOTE };
	if (answer === NOT_FOUND) return { deleted: true, id: userId, alreadyDeleted: true };
	return idempotent ? { deleted: true, id: userId, alreadyDeleted: false } : { deleted: true, id: userId };
}
