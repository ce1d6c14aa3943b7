import { MAY_ALREADY_BE_DONE_NOTE } from '../../nodes/UiPathIdentity/transport';
import { CLOUD_API, ORG_ID, USER_ID, mockTokenEndpoint } from '../fixtures';
import { CLIENT_SECRET, GROUP_ID, TOKEN, byId, groupPath, hostile, userPath } from './data';
import { runAndScan } from './scan';

/**
 * Operations wired to the transport's rules: per-operation retry safety (class 6), answers of the
 * wrong shape (class 4, answer side) and secrets of a Setting → Update item (class 1).
 */

const ROBOT_ID = '5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59';
const robotPath = `${CLOUD_API}/RobotAccount/${ORG_ID}/${ROBOT_ID}`;
const fast = { retryWait: 1, maxTries: 3, timeout: 200 };

describe('Class 6: retries decided per operation', () => {
	it('Reset Password is not repeated after a timeout (a repeat would meet the password history)', async () => {
		mockTokenEndpoint(['T1']);
		hostile().put(userPath(), { password: 'Reset-pass-1' }).delay(1500).reply(200, {});

		const { error, leaks } = await runAndScan(
			{ parameters: { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: 'Reset-pass-1', requestOptions: fast } },
			[TOKEN, CLIENT_SECRET, 'Reset-pass-1'],
		);

		expect(error?.message).toBe('UiPath Identity did not answer within 200 ms (timeout) [item 0]');
		expect(error?.description).toMatch(/Not retried: this PUT request is sent again only when UiPath provably did not receive it/);
		expect(leaks).toEqual([]);
	});

	it('Reset Password is repeated after HTTP 503 (refused before processing)', async () => {
		mockTokenEndpoint(['T1']);
		hostile().put(userPath()).reply(503, '').put(userPath()).reply(200, {});

		const { error, outputs } = await runAndScan(
			{ parameters: { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: 'Reset-pass-1', requestOptions: fast } },
			[],
		);

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual({ id: USER_ID, passwordReset: true });
	});

	it.each([
		['User', { resource: 'user', operation: 'delete', userId: byId(USER_ID) }, userPath(), USER_ID],
		['Robot Account', { resource: 'robotAccount', operation: 'delete', robotAccountId: ROBOT_ID }, robotPath, ROBOT_ID],
		['Group', { resource: 'group', operation: 'delete', groupId: byId(GROUP_ID) }, groupPath(), GROUP_ID],
	])('%s → Delete timed out, the retry met 404: deleted, flagged as uncertain', async (_name, parameters, path, id) => {
		mockTokenEndpoint(['T1']);
		hostile().delete(path).delay(1500).reply(204).delete(path).reply(404, '');

		const { error, outputs } = await runAndScan({ parameters: { ...parameters, requestOptions: fast } }, []);

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: { deleted: true, id, uncertain: true, note: MAY_ALREADY_BE_DONE_NOTE }, pairedItem: { item: 0 } }]);
	});
});

describe('Class 4: answers of the wrong shape fail the item', () => {
	const shapes: Array<[string, number, unknown, Record<string, string>, string]> = [
		['empty 200', 200, '', {}, 'an empty body'],
		['204', 204, '', {}, 'an empty body'],
		['null', 200, 'null', { 'Content-Type': 'application/json' }, 'null'],
		['a number', 200, '42', { 'Content-Type': 'application/json' }, 'a number'],
		// A JSON string arrives as text with a JSON content type: reported as not valid JSON.
		['a string', 200, '"jane"', { 'Content-Type': 'application/json' }, ''],
		['true', 200, 'true', { 'Content-Type': 'application/json' }, 'a boolean'],
		['a list', 200, [{ id: USER_ID }], {}, 'a list'],
		['plain text', 200, 'OK', { 'Content-Type': 'text/plain' }, 'text'],
	];
	const gets: Array<[string, Record<string, unknown>, string]> = [
		['User → Get', { resource: 'user', operation: 'get', userId: byId(USER_ID) }, userPath()],
		['Robot Account → Get', { resource: 'robotAccount', operation: 'get', robotAccountId: ROBOT_ID }, robotPath],
		['Group → Get', { resource: 'group', operation: 'get', groupId: byId(GROUP_ID) }, groupPath()],
	];
	const cases = gets.flatMap(([name, parameters, path]) => shapes.map((shape) => [`${name}: ${shape[0]}`, parameters, path, ...shape.slice(1)] as const));

	it.each(cases)('%s', async (_name, parameters, path, status, body, headers, got) => {
		mockTokenEndpoint(['T1']);
		hostile().get(path as string).reply(status as number, body as string, headers as Record<string, string>);

		const { outputs, error } = await runAndScan({ parameters: parameters as Record<string, unknown> as never, onError: 'continueRegularOutput' }, []);

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json.error).toBe(
			got
				? `UiPath answered HTTP ${status} with ${got} where an object was expected [item 0]`
				: `UiPath answered HTTP ${status} with a body that is not valid JSON [item 0]`,
		);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Class 1: Setting → Update never shows a secret value', () => {
	const parameters = (setting: Array<{ key: string; value: string }>) => ({
		resource: 'setting',
		operation: 'update',
		settings: { setting },
	});

	it('masks a secret key, and another key whose value is that secret; keeps policy keys that mention Password', async () => {
		mockTokenEndpoint(['T1']);
		const sent = [
			{ key: 'Email.Smtp.Password', value: 'Smtp-pass-99' },
			{ key: 'Email.Smtp.Note', value: 'Smtp-pass-99' },
			{ key: 'Auth.Password.DefaultExpirationDays', value: '90' },
		];
		hostile().put(`${CLOUD_API}/Setting`).reply(200, sent.map((s, i) => ({ id: i, ...s, partitionGlobalId: ORG_ID, userId: null })));

		const { outputs, error, leaks } = await runAndScan({ parameters: parameters(sent) }, ['Smtp-pass-99']);

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.key, item.json.value])).toEqual([
			['Email.Smtp.Password', '***'],
			['Email.Smtp.Note', '***'],
			['Auth.Password.DefaultExpirationDays', '90'],
		]);
		expect(leaks).toEqual([]);
	});
});
