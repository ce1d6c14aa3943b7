import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';
import type { OutputShape } from '../../shared/descriptions';
import { checkGuid } from '../../shared/readers';

/** Output of Robot Account → Get and Get Many. */
export const ROBOT_ACCOUNT_OUTPUT: OutputShape = {
	simplified: ['id', 'name', 'displayName', 'groupIds', 'lastLoginTime'],
	all: ['creationTime', 'displayName', 'groupIds', 'id', 'lastLoginTime', 'name'],
};

/** Robot account picker: From List (searchable) or By ID. */
export function robotAccountLocator(description: string): INodeProperties {
	return idLocator({
		displayName: 'Robot Account',
		name: 'robotAccountId',
		description,
		searchListMethod: 'searchRobotAccounts',
		example: '5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59',
	});
}

/**
 * The ID the Robot Account locator points at (From List and By ID both give the ID). A plain
 * string, e.g. from an expression over the whole parameter, counts as an ID.
 */
export function readRobotAccountId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('robotAccountId', itemIndex, '') as INodeParameterResourceLocator | string;
	const value = String((typeof raw === 'object' && raw !== null ? raw.value : raw) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), "'Robot Account' is empty", {
			itemIndex,
			description: 'Pick a robot account from the list, or map its ID, e.g. from Robot Account → Get Many',
		});
	}
	return checkGuid(ctx, value, 'Robot Account', itemIndex);
}
