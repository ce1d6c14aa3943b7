import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID } from '../../transport/urls';
import { readUserId, settingList, settingOptions } from './setting.helpers';
import { requiredText } from '../../shared/descriptions';
import type { ParameterRules } from '../../shared/parameterTypes';
import { listEntries } from '../../shared/readers';

const show = { resource: ['setting'], operation: ['get'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	requiredText({
		displayName: 'Keys',
		name: 'keys',
		placeholder: 'e.g. Auth.Password.DefaultExpirationDays, Email.Smtp.Host',
		description: 'Setting keys to read, separated by commas (an expression may also return an array). Keys without a stored value are not returned.',
	}),
	settingOptions(),
]);

/** Keys may come from an expression as a list as well as comma-separated text. */
export const alsoAccepts: ParameterRules['alsoAccepts'] = { keys: ['list'] };

function readKeys(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const keys = [...new Set(listEntries(ctx.getNodeParameter('keys', itemIndex, '')))];
	if (!keys.length) {
		// UiPath answers an empty list without keys, which would look like "no settings".
		throw new NodeOperationError(ctx.getNode(), "'Keys' is empty", {
			itemIndex,
			description: 'Enter at least one setting key, e.g. Auth.Password.DefaultExpirationDays',
		});
	}
	return keys;
}

/** One item per stored setting `{id, key, value, partitionGlobalId, userId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const keys = readKeys(this, itemIndex);
	const userId = await readUserId(this, itemIndex);
	// Without partitionGlobalId UiPath reads the host partition, which an external app may not.
	const qs: IDataObject = { key: keys, partitionGlobalId: ORGANIZATION_ID };
	if (userId) qs.userId = userId;
	const answer = await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.settingGet),
		qs,
		answer: 'list',
	});
	return settingList(answer);
}
