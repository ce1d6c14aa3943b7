import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { optionsCollection, userLocator } from '../../shared/descriptions';
import { isUnset } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';

/** Options shared by Get and Update: per-user values instead of the organization's. */
export function settingOptions(): INodeProperties {
	return optionsCollection([
		{
			...userLocator("Use this user's own values (e.g. UserLanguage.Language) instead of the organization's"),
			required: false,
		},
	]);
}

/** The user of Options → User, or undefined when it is not set (organization settings). */
export async function readUserId(ctx: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const user = options.userId as INodeParameterResourceLocator | string | undefined;
	const value = typeof user === 'object' && user !== null && !Array.isArray(user) && 'mode' in user ? user.value : user;
	// Not set means organization settings. A value of another type (which, dropped, would write the
	// organization's value) failed the item in the runner's type check already.
	if (isUnset(value)) return undefined;
	return await resolveUserId(ctx, itemIndex, 'options.userId');
}

/** UiPath answers a list of SettingDto; anything else counts as no settings. */
export function settingList(answer: unknown): IDataObject[] {
	return Array.isArray(answer) ? (answer as IDataObject[]) : [];
}
