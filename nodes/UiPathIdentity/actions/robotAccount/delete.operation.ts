import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAY_ALREADY_BE_DONE, MAY_ALREADY_BE_DONE_NOTE, NOT_FOUND, identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { optionsCollection, succeedIfAlreadyDeletedOption } from '../../shared/descriptions';
import { readRobotAccountId, robotAccountIdField } from './robotAccount.helpers';

const show = { resource: ['robotAccount'], operation: ['delete'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	robotAccountIdField('delete', 'ID of the robot account to delete'),
	optionsCollection([succeedIfAlreadyDeletedOption('robot account')]),
]);

/** `DELETE /api/RobotAccount/{organizationId}/{robotAccountId}` (HTTP 204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRobotAccountId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { succeedIfAlreadyDeleted?: boolean };
	const idempotent = options.succeedIfAlreadyDeleted === true;
	const answer = await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.robotAccountDelete, id),
		notFoundAsData: idempotent,
	});
	if (answer === MAY_ALREADY_BE_DONE) return { deleted: true, id, uncertain: true, note: MAY_ALREADY_BE_DONE_NOTE };
	if (answer === NOT_FOUND) return { deleted: true, id, alreadyDeleted: true };
	return idempotent ? { deleted: true, id, alreadyDeleted: false } : { deleted: true, id };
}
