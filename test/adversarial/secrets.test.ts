import nock from 'nock';

import { USER_ID, mockTokenEndpoint } from '../fixtures';
import { byId, CLIENT_SECRET, hostile, TOKEN, tokenSpellings, userDto, userPath } from './data';
import { runAndScan } from './scan';

/**
 * Class 1 (secrets) through n8n-core's WorkflowExecute: every hostile answer is scanned for
 * the client secret, the access token (every spelling), the passwords of the item and URL user
 * info, in output items, messages, descriptions, the stored run data and the log lines.
 */

const SECRETS = [CLIENT_SECRET, TOKEN];
const getUser = { resource: 'user', operation: 'get', userId: byId(USER_ID), requestHandling: { attemptsPerRequest: 1 } };

/** How UiPath (or a proxy in front of it) may wrap an echo in an error answer. */
const errorBodies: Array<[string, number, (echo: string) => [unknown, Record<string, string>]]> = [
	['JSON message', 400, (echo) => [{ message: `Bad header ${echo}` }, {}]],
	['ProblemDetails', 400, (echo) => [{ errors: { Authorization: [`Invalid ${echo}`] } }, {}]],
	['errorMessage', 403, (echo) => [{ errorMessage: `Token ${echo} lacks scope` }, {}]],
	['title', 404, (echo) => [{ title: `Nothing for ${echo}` }, {}]],
	['IdentityResult', 409, (echo) => [{ succeeded: false, errors: [{ code: 'X', description: echo }] }, {}]],
	['HTML page', 500, (echo) => [`<html><body>Request header: ${echo}</body></html>`, { 'Content-Type': 'text/html' }]],
	['plain text', 500, (echo) => [`upstream said ${echo}`, { 'Content-Type': 'text/plain' }]],
];

const errorCases = tokenSpellings.flatMap(([spelling, echo]) =>
	errorBodies.map(([shape, status, body]) => [`${spelling} in ${shape} (HTTP ${status})`, status, ...body(echo)] as const),
);

describe('Class 1: secrets echoed in error answers', () => {
	it.each(errorCases)('%s: no secret anywhere in the run', async (_name, status, body, headers) => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).reply(status, body as nock.Body, headers);

		const { error, leaks, shown } = await runAndScan({ parameters: getUser }, SECRETS);

		expect(error?.message).toMatch(/\[item 0\]$/);
		expect(leaks).toEqual([]);
		expect(shown).toContain('UiPath');
	});

	it.each([
		['client secret in JSON', (s: string) => ({ message: `client_secret=${s} is wrong` })],
		['client secret in ProblemDetails', (s: string) => ({ errors: { client_secret: [s] } })],
	])('%s: masked', async (_name, body) => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).reply(400, body(CLIENT_SECRET));

		const { error, leaks } = await runAndScan({ parameters: getUser }, SECRETS);

		expect(error?.message).toMatch(/^UiPath rejected the request: .*\*\*\*.* \[item 0\]$/);
		expect(leaks).toEqual([]);
	});
});

describe('Class 1: secrets echoed in successful answers', () => {
	it.each(tokenSpellings)('%s in a user field does not reach the output item', async (_name, echo) => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).reply(200, userDto({ name: echo, surname: CLIENT_SECRET, extra: [{ deep: echo }] }));

		const { outputs, error, leaks } = await runAndScan(
			{ parameters: { ...getUser, output: 'raw' } },
			SECRETS,
		);

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json.id).toBe(USER_ID);
		expect(leaks).toEqual([]);
	});
});

describe('Class 1: passwords of the item', () => {
	const changePassword = (oldPassword: string, newPassword: string, failWhenUnsuccessful: boolean) => ({
		resource: 'user',
		operation: 'changePassword',
		userId: byId(USER_ID),
		oldPassword,
		newPassword,
		options: { failWhenUnsuccessful },
	});
	const echoes = (oldPassword: string, newPassword: string) => ({
		succeeded: false,
		errors: [
			{ code: 'PasswordMismatch', description: `Password '${oldPassword}' is incorrect.` },
			{ code: 'PasswordReuse', description: `"${newPassword}" was used before` },
		],
	});

	it.each([
		['long passwords, Fail When Unsuccessful off', 'Old-pass-long-1', 'New-pass-long-1', false],
		['long passwords, Fail When Unsuccessful on', 'Old-pass-long-1', 'New-pass-long-1', true],
		['one-letter passwords, Fail When Unsuccessful off', 'q', 'z', false],
		['one-letter passwords, Fail When Unsuccessful on', 'q', 'z', true],
	])('%s: UiPath quoting them (HTTP 400) leaks neither', async (_name, oldPassword, newPassword, failOn) => {
		mockTokenEndpoint(['T1']);
		hostile().post(`${userPath()}/changepassword`).reply(400, echoes(oldPassword, newPassword));

		const { outputs, error, leaks } = await runAndScan(
			{ parameters: changePassword(oldPassword, newPassword, failOn) },
			[...SECRETS, oldPassword, newPassword],
		);

		expect(leaks).toEqual([]);
		if (failOn) {
			// The node's own sentence keeps every letter, whatever the passwords are.
			expect(error?.message).toMatch(/^UiPath did not change the password: PasswordMismatch: .* \[item 0\]$/);
		} else {
			expect(error).toBeUndefined();
			expect(outputs[0][0].json).toMatchObject({ succeeded: false, errors: [{ code: 'PasswordMismatch' }, { code: 'PasswordReuse' }] });
		}
	});

	it('passwords that are words of the node message leave its words intact, and only the echo of UiPath is masked', async () => {
		mockTokenEndpoint(['T1']);
		hostile().post(`${userPath()}/changepassword`).reply(400, echoes('the', 'password'));

		const { error } = await runAndScan({ parameters: changePassword('the', 'password', true) }, []);

		expect(error?.message).toBe(
			'UiPath did not change the password: PasswordMismatch: Password \'***\' is incorrect.; PasswordReuse: "***" was used before [item 0]',
		);
		expect(error?.description).toBe(
			"UiPath did not accept 'Current Password'. If this execution ran before (n8n runs a queue-mode execution again after a worker stopped, or Retry On Fail repeated the node), the first attempt may already have set the new password: check by signing in with it before running again",
		);
	});

	it('a one-letter password does not mask that letter in the node message', async () => {
		mockTokenEndpoint(['T1']);
		hostile().put(userPath(), { password: 'e' }).reply(400, { errors: { password: ['e is not allowed'] } });

		const { error, leaks } = await runAndScan(
			{ parameters: { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: 'e', requestHandling: { attemptsPerRequest: 1 } } },
			[...SECRETS, 'e'],
		);

		expect(error?.message).toBe("UiPath rejected the request: UiPath's explanation is withheld because it may quote a password [item 0]");
		expect(error?.description).toBe('Correct the fields named in the message and run the node again');
		expect(leaks).toEqual([]);
	});
});

describe('Class 1: URL user info', () => {
	it.each([
		['https://admin:Hunter-22@cloud.uipath.com', 'Hunter-22'],
		['https://admin:Hunter-22@cloud.uipath.com/', 'Hunter-22'],
		['https://:Hunter-22@cloud.uipath.com', 'Hunter-22'],
		['https://Hunter-22@cloud.uipath.com', 'Hunter-22'],
		['https://admin:Hunter%2D22@cloud.uipath.com', 'Hunter%2D22'],
		['admin:Hunter-22@cloud.uipath.com', 'Hunter-22'],
	])('Base URL %s is refused without printing the user info, and nothing is sent', async (baseUrl, password) => {
		const { error, leaks } = await runAndScan(
			{ parameters: getUser, credentials: { baseUrl } },
			[...SECRETS, password, 'admin'],
		);

		expect(error?.message).toMatch(/^'Base URL' (must not contain a user name or password|is not a valid URL): "(https:\/\/)?cloud\.uipath\.com\/?" \[item 0\]$/);
		expect(leaks).toEqual([]);
	});
});
