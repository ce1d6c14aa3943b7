import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAY_ALREADY_BE_DONE, MAY_ALREADY_BE_DONE_NOTE, NOT_FOUND, identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { groupLocator, optionsCollection, succeedIfAlreadyDeletedOption } from '../../shared/descriptions';
import { forgetGroups, resolveGroup } from '../../shared/groups';

const show = { resource: ['group'], operation: ['delete'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	groupLocator(show, 'The local group to delete (built-in groups cannot be deleted)'),
	optionsCollection([succeedIfAlreadyDeletedOption('group')]),
]);

/** `DELETE /api/Group/{organizationId}/{groupId}` (HTTP 204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { succeedIfAlreadyDeleted?: boolean };
	const idempotent = options.succeedIfAlreadyDeleted === true;
	const group = await resolveGroup(this, itemIndex, { allowMissing: idempotent });
	if (!group) {
		// Chosen by a name no group has any more: nothing to delete, and no ID to report.
		const name = this.getNodeParameter('groupId', itemIndex, '', { extractValue: true }) as string;
		return { deleted: true, id: null, name: String(name).trim(), alreadyDeleted: true };
	}
	const answer = await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.groupDelete, group.id),
		notFoundAsData: idempotent,
	});
	forgetGroups(this);
	if (answer === MAY_ALREADY_BE_DONE) return { deleted: true, id: group.id, uncertain: true, note: MAY_ALREADY_BE_DONE_NOTE };
	if (answer === NOT_FOUND) return { deleted: true, id: group.id, alreadyDeleted: true };
	return idempotent ? { deleted: true, id: group.id, alreadyDeleted: false } : { deleted: true, id: group.id };
}
