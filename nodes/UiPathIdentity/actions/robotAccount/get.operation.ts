import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { outputFields } from '../../shared/descriptions';
import { readOutput } from '../../shared/readers';
import { ROBOT_ACCOUNT_OUTPUT, readRobotAccountId, robotAccountLocator } from './robotAccount.helpers';

const show = { resource: ['robotAccount'], operation: ['get'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	robotAccountLocator('The robot account to retrieve'),
	...outputFields('robot account', ROBOT_ACCOUNT_OUTPUT),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRobotAccountId(this, itemIndex);
	const shape = readOutput(this, itemIndex, ROBOT_ACCOUNT_OUTPUT.simplified);
	return shape(
		(await identityRequest.call(this, itemIndex, {
			...endpoint(endpoints.robotAccountGet, id),
			answer: 'object',
		})) as IDataObject,
	);
}
