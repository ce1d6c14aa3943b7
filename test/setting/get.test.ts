import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

const parameters = { resource: 'setting', operation: 'get', keys: '={{ $json.keys }}' };

function setting(id: number, key: string, value: string, userId: string | null = null) {
	return { id, key, value, partitionGlobalId: ORG_ID, userId };
}

/** Records the raw path and query string, so the serialisation itself is asserted. */
function expectSettingsGet(seen: string[], answer: unknown) {
	return nock(CLOUD)
		.get((uri) => uri.startsWith(`${CLOUD_API}/Setting?`) && Boolean(seen.push(uri)))
		.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
		.reply(200, answer as nock.Body);
}

describe('Setting → Get', () => {
	it('repeats key per setting (key=a&key=b) and always sends the organization', async () => {
		mockTokenEndpoint(['T1']);
		const seen: string[] = [];
		const answer = [
			setting(1, 'Auth.Password.DefaultExpirationDays', '90'),
			setting(2, 'Email.Smtp.Host', 'smtp.example.com'),
		];
		expectSettingsGet(seen, answer);

		const { outputs, error } = await runNode({
			parameters,
			items: [{ keys: 'Auth.Password.DefaultExpirationDays, Email.Smtp.Host ,Auth.Password.DefaultExpirationDays' }],
		});

		expect(error).toBeUndefined();
		expect(seen).toEqual([
			`${CLOUD_API}/Setting?key=Auth.Password.DefaultExpirationDays&key=Email.Smtp.Host&partitionGlobalId=${ORG_ID}`,
		]);
		expect(outputs[0]).toEqual([
			{ json: answer[0], pairedItem: { item: 0 } },
			{ json: answer[1], pairedItem: { item: 0 } },
		]);
	});

	it('sends one key without brackets and a user ID when set', async () => {
		mockTokenEndpoint(['T1']);
		const seen: string[] = [];
		expectSettingsGet(seen, [setting(7, 'UserLanguage.Language', 'de', USER_ID)]);

		const { outputs } = await runNode({
			parameters: { ...parameters, keys: 'UserLanguage.Language', options: { userId: ` ${USER_ID} ` } },
		});

		expect(seen).toEqual([
			`${CLOUD_API}/Setting?key=UserLanguage.Language&partitionGlobalId=${ORG_ID}&userId=${USER_ID}`,
		]);
		expect(outputs[0][0].json.value).toBe('de');
	});

	it('accepts keys as an array from an expression and encodes unusual characters', async () => {
		mockTokenEndpoint(['T1']);
		const seen: string[] = [];
		expectSettingsGet(seen, []);

		const { outputs, error } = await runNode({ parameters, items: [{ keys: ['A B', 'C&D'] }] });

		expect(error).toBeUndefined();
		expect(seen).toEqual([`${CLOUD_API}/Setting?key=A%20B&key=C%26D&partitionGlobalId=${ORG_ID}`]);
		// Keys without a stored value are omitted by UiPath: nothing to emit.
		expect(outputs[0]).toEqual([]);
	});

	it('requires at least one key before calling UiPath', async () => {
		const { error } = await runNode({ parameters, items: [{ keys: ' , ' }] });

		expect(error?.message).toBe(`'Keys' is empty [item 0]`);
		expect(error?.description).toMatch(/at least one setting key/);
	});

	it('rejects a user ID that is not a GUID', async () => {
		const { error } = await runNode({
			parameters: { ...parameters, keys: 'A', options: { userId: 'jane@example.com' } },
		});

		expect(error?.message).toBe(`'User' is not a valid ID: "jane@example.com" [item 0]`);
	});

	it('names PM.Setting on 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(`${CLOUD_API}/Setting`).query(true).reply(403);

		const { error } = await runNode({ parameters: { ...parameters, keys: 'A' } });

		expect(error?.message).toMatch(/lacks the PM\.Setting scope/);
		expect(error?.description).toMatch(/^Grant PM\.Setting/);
	});
});

describe('Setting → Get, Options → User as a locator', () => {
	it('reads the values of a user picked By Email', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(`${CLOUD_API}/User/users/${ORG_ID}`)
			.query({ searchTerm: 'jane@example.com', top: 1000 })
			.reply(200, { totalCount: 1, results: [{ id: USER_ID, email: 'Jane@example.com' }] })
			.get(`${CLOUD_API}/Setting`)
			.query({ key: 'UserLanguage.Language', partitionGlobalId: ORG_ID, userId: USER_ID })
			.reply(200, [setting(7, 'UserLanguage.Language', 'de', USER_ID)]);

		const { outputs } = await runNode({
			parameters: {
				...parameters,
				keys: 'UserLanguage.Language',
				options: { userId: { __rl: true, mode: 'email', value: 'jane@example.com' } },
			},
		});

		expect(outputs[0].map((item) => item.json)).toEqual([setting(7, 'UserLanguage.Language', 'de', USER_ID)]);
	});

	it('reads organization values when the locator is left empty', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(`${CLOUD_API}/Setting`)
			.query({ key: 'A', partitionGlobalId: ORG_ID })
			.reply(200, [setting(1, 'A', 'x')]);

		const { outputs } = await runNode({
			parameters: { ...parameters, keys: 'A', options: { userId: { __rl: true, mode: 'list', value: '' } } },
		});

		expect(outputs[0][0].json).toEqual(setting(1, 'A', 'x'));
	});
});
