import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { apiError, toNodeError } from '../../transport/errors';
import { redactAnswer } from '../../transport/redact';
import { ORGANIZATION_ID } from '../../transport/urls';
import type { ParameterRules } from '../../shared/parameterTypes';
import { readUserId, settingList, settingOptions } from './setting.helpers';

const show = { resource: ['setting'], operation: ['update'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Setting',
		default: {},
		required: true,
		description: 'Settings to create or change; other settings stay as they are',
		options: [
			{
				displayName: 'Setting',
				name: 'setting',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. Auth.Password.DefaultExpirationDays',
						description: 'Setting key',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 90',
						description: 'New value; UiPath stores every value as text (JSON for structured values)',
					},
				],
			},
		],
	},
	settingOptions(),
]);

/** Values of keys like Email.Smtp.Password must not show up in error messages. */
/** A key whose last part names a secret (`Email.Smtp.Password`), not a policy about one (`Auth.Password.MinLength`). */
const SECRET_KEY = /(^|\.)[^.]*(password|secret|token)[^.]*$/i;

const CONFLICT_HINT =
	'Another change to the same settings arrived at the same time (e.g. several items or another administrator writing the same key). Read them with Setting → Get, then run again; update one key from one item at a time.';

/** UiPath stores every value as text: a value of any other type is sent as its JSON text. */
export const alsoAccepts: ParameterRules['alsoAccepts'] = { value: ['any'] };

function readSettings(ctx: IExecuteFunctions, itemIndex: number): Array<{ key: string; value: string }> {
	const collection = ctx.getNodeParameter('settings', itemIndex, {}) as { setting?: IDataObject[] };
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	const settings: Array<{ key: string; value: string }> = [];
	for (const entry of collection.setting ?? []) {
		const key = String(entry.key ?? '').trim();
		if (!key) throw fail("A setting has no 'Key'", 'Enter a key for every setting, or remove the empty one');
		if (settings.some((known) => known.key === key)) {
			throw fail(`Setting "${key}" appears twice`, 'Keep one value per key');
		}
		const value = entry.value;
		settings.push({ key, value: typeof value === 'string' ? value : JSON.stringify(value ?? '') });
	}
	if (!settings.length) throw fail("'Settings' is empty", 'Add at least one setting with a key and a value');
	return settings;
}

/** One item per setting UiPath saved `{id, key, value, partitionGlobalId, userId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const settings = readSettings(this, itemIndex);
	const userId = await readUserId(this, itemIndex);
	const body: IDataObject = { settings, partitionGlobalId: ORGANIZATION_ID };
	if (userId) body.userId = userId;
	const secrets = settings.filter((setting) => SECRET_KEY.test(setting.key)).map((setting) => setting.value);

	let answer: unknown;
	try {
		answer = await identityRequest.call(this, itemIndex, {
			...endpoint(endpoints.settingUpdate),
			body,
			secrets,
		});
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '409') {
			throw apiError(this.getNode(), error.message, {
				itemIndex,
				httpCode: '409',
				description: CONFLICT_HINT,
				answer: error.context.data,
			});
		}
		throw error instanceof NodeApiError ? error : toNodeError(this.getNode(), error, itemIndex, { scope: endpoints.settingUpdate.scope, secrets });
	}
	const saved = settingList(answer);
	// UiPath answers with the saved settings; without them, report what was sent. A secret value is
	// never shown, under its own key or under another key that holds the same value.
	const shown = saved.length ? saved : settings.map((setting) => ({ ...setting, updated: true }));
	return shown.map((setting) => {
		const masked = redactAnswer(setting, secrets);
		if (SECRET_KEY.test(String(setting.key ?? '')) || secrets.includes(String(setting.value ?? ''))) {
			masked.value = '***';
		}
		return masked;
	});
}
