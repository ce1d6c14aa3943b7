import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkGuid, optionalText } from '../../shared/readers';

/** Options shared by Get and Update: per-user values instead of the organization's. */
export function settingOptions(operation: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['setting'], operation: [operation] } },
		options: [
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f',
				description: "Use this user's own values (e.g. UserLanguage.Language) instead of the organization's",
			},
		],
	};
}

export function readUserId(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const userId = optionalText(options.userId);
	return userId ? checkGuid(ctx, userId, 'User ID', itemIndex) : undefined;
}

/** UiPath answers a list of SettingDto; anything else counts as no settings. */
export function settingList(answer: unknown): IDataObject[] {
	return Array.isArray(answer) ? (answer as IDataObject[]) : [];
}
