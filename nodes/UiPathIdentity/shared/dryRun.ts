import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../transport/dryRun';

/**
 * The operations that change something in UiPath, of every resource: they get the Dry Run option.
 * No read operation shares a value with them. User → Sync has its own Dry Run, on by default.
 */
export const CHANGING_OPERATIONS = [
	'activate',
	'addToGroups',
	'changePassword',
	'create',
	'createMany',
	'deactivate',
	'delete',
	'deleteMany',
	'invite',
	'removeFromGroups',
	'resetPassword',
	'update',
];

export const dryRunDescription: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only show what would be sent to UiPath (method, path, body with secrets hidden) instead of sending it. Reads the operation needs, such as finding a user by email, still happen.',
	displayOptions: { show: { operation: CHANGING_OPERATIONS } },
};

/** Whether Dry Run is on for this item of a changing operation. */
export function readDryRun(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const operation = ctx.getNodeParameter('operation', 0, '') as string;
	if (!CHANGING_OPERATIONS.includes(operation)) return false;
	return ctx.getNodeParameter('dryRun', itemIndex, false) === true;
}

/** The output of an item in Dry Run: the requests that were not sent. */
export function dryRunOutput(requests: RecordedRequest[]): IDataObject {
	return { dryRun: true, requests };
}
