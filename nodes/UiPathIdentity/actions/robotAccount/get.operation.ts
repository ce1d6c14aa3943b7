import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { readRobotAccountId, robotAccountIdField } from './robotAccount.helpers';

export const description: INodeProperties[] = [robotAccountIdField('get', 'ID of the robot account to retrieve')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readRobotAccountId(this, itemIndex);
	return (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.robotAccountGet, id),
		answer: 'object',
	})) as IDataObject;
}
