import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, everythingShown, fakeToken, mockTokenEndpoint } from '../fixtures';
import { newCredentialsHelper, runNode } from '../harness/run-workflow';

const USER_2 = 'a1b2c3d4-0000-4000-8000-000000000002';
const parameters = {
	resource: 'user',
	operation: 'changePassword',
	userId: '={{ $json.id }}',
	oldPassword: '={{ $json.old }}',
	newPassword: '={{ $json.new }}',
};
const items = [
	{ id: USER_ID, old: 'Old-pass-1', new: 'New-pass-1' },
	{ id: USER_2, old: 'Old-pass-2', new: 'New-pass-2' },
];
const SECRETS = ['test-secret', 'Old-pass-1', 'New-pass-1', 'Old-pass-2', 'New-pass-2'];

function expectNoSecrets(...values: unknown[]) {
	const shown = everythingShown(values);
	for (const secret of [...SECRETS, fakeToken('T1'), fakeToken('T2')]) {
		expect(shown).not.toContain(secret);
	}
}

const changeUrl = (id: string) => `${CLOUD_API}/User/${id}/changepassword`;
const ok = { succeeded: true, errors: [] };

describe('User → Change Password', () => {
	it('changes two passwords with one token and keeps item pairing', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(changeUrl(USER_ID), { oldPassword: 'Old-pass-1', newPassword: 'New-pass-1' })
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.matchHeader('content-type', /application\/json/)
			.reply(200, ok)
			.post(changeUrl(USER_2), { oldPassword: 'Old-pass-2', newPassword: 'New-pass-2' })
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(200, ok);

		const { outputs, error, credentialsHelper } = await runNode({ parameters, items });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: ok, pairedItem: { item: 0 } },
			{ json: ok, pairedItem: { item: 1 } },
		]);
		expect(credentialsHelper.preAuthenticationCalls).toBe(1);
		expectNoSecrets(outputs);
	});

	it('reuses the stored token in the next execution', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(changeUrl(USER_ID)).times(2).reply(200, ok);
		const credentialsHelper = newCredentialsHelper();

		await runNode({ parameters, items: [items[0]], credentialsHelper });
		const second = await runNode({ parameters, items: [items[0]], credentialsHelper });

		expect(second.outputs[0]).toHaveLength(1);
		expect(credentialsHelper.preAuthenticationCalls).toBe(1);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T1'));
	});

	it('returns succeeded: false as data, from HTTP 200 and from HTTP 400', async () => {
		const mismatch = { succeeded: false, errors: [{ code: 'PasswordMismatch', description: 'Incorrect password.' }] };
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(changeUrl(USER_ID)).reply(200, mismatch).post(changeUrl(USER_2)).reply(400, mismatch);

		const { outputs, error } = await runNode({ parameters, items });

		expect(error).toBeUndefined();
		const note = expect.stringMatching(/^UiPath did not accept 'Current Password'\. If this execution ran before .* the first attempt may already have set the new password/);
		expect(outputs[0]).toEqual([
			{ json: { ...mismatch, note }, pairedItem: { item: 0 } },
			{ json: { ...mismatch, note }, pairedItem: { item: 1 } },
		]);
	});

	it('says a refused current password may be a repeat of a change already made, also when failing the item', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(changeUrl(USER_ID))
			.reply(400, { succeeded: false, errors: [{ code: 'PasswordMismatch', description: 'Incorrect password.' }] });

		const { error } = await runNode({ parameters: { ...parameters, options: { failWhenUnsuccessful: true } }, items: [items[0]] });

		expect(error?.message).toBe('UiPath did not change the password: PasswordMismatch: Incorrect password. [item 0]');
		expect(error?.description).toMatch(/first attempt may already have set the new password: check by signing in with it before running again$/);
	});

	it('fails the item on succeeded: false when Fail When Unsuccessful is on', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(changeUrl(USER_ID))
			.reply(400, {
				succeeded: false,
				errors: [
					{ code: 'PasswordTooShort', description: 'Passwords must be at least 8 characters.' },
					{ code: 'PasswordRequiresDigit', description: "Passwords must have at least one digit ('0'-'9')." },
				],
			});

		const { error } = await runNode({
			parameters: { ...parameters, options: { failWhenUnsuccessful: true } },
			items: [items[0]],
		});

		expect(error?.message).toBe(
			"UiPath did not change the password: PasswordTooShort: Passwords must be at least 8 characters.; PasswordRequiresDigit: Passwords must have at least one digit ('0'-'9'). [item 0]",
		);
		expect(error?.description).toMatch(/password policy/);
	});

	it('flattens a ProblemDetails 400 into field: message', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(changeUrl(USER_ID))
			.reply(400, {
				errors: { newPassword: ['The NewPassword field is required.'], '': ['A non-empty request body is required.'] },
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
				title: 'One or more validation errors occurred.',
				status: 400,
				traceId: '00-aec3de9099a9934e9c31e26c19f5e0dd-8c0d3d5f476c7742-00',
			});

		const { error } = await runNode({ parameters, items: [items[0]] });

		expect(error?.message).toBe(
			'UiPath rejected the request: newPassword: The NewPassword field is required.; A non-empty request body is required. [item 0]',
		);
		expect(error?.httpCode).toBe('400');
	});

	it('fetches a new token once after a 401 and retries the request', async () => {
		mockTokenEndpoint(['T1', 'T2']);
		nock(CLOUD)
			.post(changeUrl(USER_ID))
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(401)
			.post(changeUrl(USER_ID))
			.matchHeader('authorization', `Bearer ${fakeToken('T2')}`)
			.reply(200, ok)
			.post(changeUrl(USER_2))
			.matchHeader('authorization', `Bearer ${fakeToken('T2')}`)
			.reply(200, ok);

		const { outputs, error, credentialsHelper } = await runNode({ parameters, items });

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json)).toEqual([ok, ok]);
		expect(credentialsHelper.preAuthenticationCalls).toBe(2);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T2'));
	});

	it('explains a 401 that persists after the new token', async () => {
		mockTokenEndpoint(['T1', 'T2']);
		nock(CLOUD).post(changeUrl(USER_ID)).times(2).reply(401);

		const { error } = await runNode({ parameters, items: [items[0]] });

		expect(error?.message).toBe('UiPath did not accept the access token (HTTP 401) [item 0]');
		expect(error?.description).toMatch(/retried once/);
		expectNoSecrets(error);
	});

	it('shows the scope UiPath asks for on a 403', async () => {
		const scopeMessage = "Scope(s) 'PM.Group' is(are) invalid. Expect to have 'PM.User' or 'PM.User.Write'. ";
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(changeUrl(USER_ID)).reply(403, { errorMessage: scopeMessage }).post(changeUrl(USER_2)).reply(403);

		const { outputs } = await runNode({ parameters, items, onError: 'continueRegularOutput' });

		expect(outputs[0][0].json.error).toBe(`${scopeMessage} [item 0]`);
		expect(outputs[0][1].json.error).toBe(
			'UiPath refused access (HTTP 403): the token lacks the PM.User scope or the external application lacks permission [item 1]',
		);
		expect(outputs[0][1].json.details).toMatch(/Grant PM.User to the external application/);
	});

	it('reports an unknown user on a 404', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(changeUrl(USER_ID)).reply(404);

		const { error } = await runNode({ parameters, items: [items[0]] });

		expect(error?.message).toBe(`User "${USER_ID}" was not found [item 0]`);
		expect(error?.httpCode).toBe('404');
	});

	it('routes a failed item to the error output and keeps going', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(changeUrl(USER_ID)).reply(404).post(changeUrl(USER_2)).reply(200, ok);

		const { outputs, error } = await runNode({ parameters, items, onError: 'continueErrorOutput' });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: ok, pairedItem: { item: 1 } }]);
		// n8n itself merges the paired input item into error-output items (workflow-execute
		// handleNodeErrorOutput), so the input's own fields come back; the node adds only error/details.
		expect(outputs[1]).toEqual([
			{
				json: {
					...items[0],
					error: `User "${USER_ID}" was not found [item 0]`,
					details: expect.stringMatching(/^Check the ID/),
				},
				pairedItem: { item: 0 },
			},
		]);
		expectNoSecrets(outputs[0], outputs[1][0].json.error, outputs[1][0].json.details);
	});

	it('refuses a user ID that is not a GUID before sending anything', async () => {
		const { error } = await runNode({ parameters, items: [{ ...items[0], id: '../../Setting?x=1' }] });

		expect(error?.message).toBe(`'User' is not a valid ID: "../../Setting?x=1" [item 0]`);
		expect(error?.description).toMatch(/UiPath IDs look like/);
	});

	it('accepts the User locator By ID and By Email', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(`${CLOUD_API}/User/users/${ORG_ID}`)
			.query({ searchTerm: 'jane@example.com', top: 1000 })
			.reply(200, {
				totalCount: 2,
				results: [
					{ id: USER_ID, email: 'Jane@Example.com' },
					{ id: USER_2, email: 'mary.jane@example.com' },
				],
			})
			.post(changeUrl(USER_ID), { oldPassword: 'Old-pass-1', newPassword: 'New-pass-1' })
			.reply(200, ok)
			.post(changeUrl(USER_2), { oldPassword: 'Old-pass-2', newPassword: 'New-pass-2' })
			.reply(200, ok);

		const { outputs, error } = await runNode({
			parameters: {
				...parameters,
				userId: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.user }}' },
			},
			items: [
				{ ...items[0], mode: 'email', user: 'jane@example.com' },
				{ ...items[1], mode: 'id', user: USER_2 },
			],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: ok, pairedItem: { item: 0 } },
			{ json: ok, pairedItem: { item: 1 } },
		]);
	});

	it('names the empty field and the item', async () => {
		const { outputs } = await runNode({
			parameters,
			items: [items[0], { id: USER_2, old: 'Old-pass-2', new: '  ' }].map((item, index) =>
				index === 0 ? { ...item, id: '' } : item,
			),
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			`'User' is empty [item 0]`,
			`'New Password' is empty [item 1]`,
		]);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('never echoes passwords that UiPath quotes back', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(changeUrl(USER_ID))
			.reply(400, { errors: { newPassword: ["'New-pass-1' is too similar to 'Old-pass-1'."] } });

		const { error } = await runNode({ parameters, items: [items[0]] });

		expect(error?.message).toBe("UiPath rejected the request: newPassword: '***' is too similar to '***'. [item 0]");
		expectNoSecrets(error);
	});
});
