import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, everythingShown, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

const putPath = `${CLOUD_API}/Setting`;
const parameters = {
	resource: 'setting',
	operation: 'update',
	settings: {
		setting: [
			{ key: 'Auth.Password.DefaultExpirationDays', value: '90' },
			{ key: ' Auth.Password.PreviousUseLimit ', value: '={{ $json.limit }}' },
		],
	},
};

function saved(id: number, key: string, value: string, userId: string | null = null) {
	return { id, key, value, partitionGlobalId: ORG_ID, userId };
}

describe('Setting → Update', () => {
	it('sends the settings as text with the organization, one item per saved setting', async () => {
		mockTokenEndpoint(['T1']);
		const answer = [
			saved(3, 'Auth.Password.DefaultExpirationDays', '90'),
			saved(4, 'Auth.Password.PreviousUseLimit', '5'),
		];
		nock(CLOUD)
			.put(putPath, {
				settings: [
					{ key: 'Auth.Password.DefaultExpirationDays', value: '90' },
					{ key: 'Auth.Password.PreviousUseLimit', value: '5' },
				],
				partitionGlobalId: ORG_ID,
			})
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(200, answer);

		const { outputs, error } = await runNode({ parameters, items: [{ limit: 5 }] });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: answer[0], pairedItem: { item: 0 } },
			{ json: answer[1], pairedItem: { item: 0 } },
		]);
	});

	it('writes per-user values with userId', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(putPath, {
				settings: [{ key: 'UserLanguage.Language', value: 'de' }],
				partitionGlobalId: ORG_ID,
				userId: USER_ID,
			})
			.reply(200, [saved(9, 'UserLanguage.Language', 'de', USER_ID)]);

		const { outputs } = await runNode({
			parameters: {
				...parameters,
				settings: { setting: [{ key: 'UserLanguage.Language', value: 'de' }] },
				options: { userId: USER_ID },
			},
		});

		expect(outputs[0][0].json.userId).toBe(USER_ID);
	});

	it('reports what was sent when UiPath answers without a list', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(200);

		const { outputs } = await runNode({
			parameters: { ...parameters, settings: { setting: [{ key: 'A', value: '' }] } },
		});

		expect(outputs[0]).toEqual([{ json: { key: 'A', value: '', updated: true }, pairedItem: { item: 0 } }]);
	});

	it('explains a 409 conflict', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(409);

		const { error } = await runNode({ parameters, items: [{ limit: 5 }] });

		expect(error?.message).toBe('UiPath reported a conflict (HTTP 409) [item 0]');
		expect(error?.description).toMatch(/^Another change to the same settings arrived at the same time/);
		expect(error?.httpCode).toBe('409');
	});

	it('keeps the 409 explanation in the error output under continue-on-fail', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(409, { message: 'Concurrency conflict' });

		const { outputs } = await runNode({ parameters, items: [{ limit: 5 }], onError: 'continueRegularOutput' });

		expect(outputs[0]).toEqual([
			{
				json: {
					error: 'UiPath reported a conflict (HTTP 409): Concurrency conflict [item 0]',
					details: expect.stringMatching(/Setting → Get/),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('keeps secret-looking values out of error messages', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(putPath)
			.reply(400, { errors: { 'settings[0].value': ["Value 'Sm7p-pass' is not accepted."] } });

		const { error } = await runNode({
			parameters: { ...parameters, settings: { setting: [{ key: 'Email.Smtp.Password', value: 'Sm7p-pass' }] } },
		});

		expect(error?.message).toBe("UiPath rejected the request: settings[0].value: Value '***' is not accepted. [item 0]");
		expect(everythingShown([error?.message, error?.description])).not.toContain('Sm7p-pass');
	});

	it.each([
		[{ setting: [] }, `'Settings' is empty [item 0]`],
		[{ setting: [{ key: ' ', value: '1' }] }, "A setting has no 'Key' [item 0]"],
		[{ setting: [{ key: 'A', value: '1' }, { key: 'A', value: '2' }] }, 'Setting "A" appears twice [item 0]'],
	])('validates the settings before calling UiPath (%j)', async (settings, message) => {
		const { error } = await runNode({ parameters: { ...parameters, settings } });

		expect(error?.message).toBe(message);
	});

	it('names PM.Setting on 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(403);

		const { error } = await runNode({ parameters, items: [{ limit: 1 }] });

		expect(error?.message).toMatch(/lacks the PM\.Setting scope/);
	});
});
