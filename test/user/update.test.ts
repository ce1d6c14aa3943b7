import nock from 'nock';

import { CLOUD, STANDALONE, STANDALONE_API, STANDALONE_CREDENTIALS, STANDALONE_TOKEN_PATH, SUITE, SUITE_API, SUITE_CREDENTIALS, SUITE_TOKEN_PATH, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, GROUP_C, byId, succeeded, userPath } from './data';

const parameters = { resource: 'user', operation: 'update', userId: byId(USER_ID) };

describe('User → Update', () => {
	it('sends only the fields that were set, with UiPath names', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID), {
				name: 'Janet',
				isActive: false,
				groupIDsToAdd: [GROUP_A],
				groupIDsToRemove: [GROUP_B, GROUP_C],
			})
			.reply(200, succeeded);

		const { outputs, error } = await runNode({
			parameters: {
				...parameters,
				updateFields: {
					firstName: ' Janet ',
					isActive: false,
					groupIdsToAdd: [GROUP_A],
					groupIdsToRemove: `${GROUP_B}\n${GROUP_C}`,
				},
			},
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{
				json: {
					updated: true,
					id: USER_ID,
					name: 'Janet',
					isActive: false,
					groupIDsToAdd: [GROUP_A],
					groupIDsToRemove: [GROUP_B, GROUP_C],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends every profile field, and an empty string to clear one (Automation Suite keeps email changes)', async () => {
		mockTokenEndpoint(['T1'], { base: SUITE, path: SUITE_TOKEN_PATH });
		nock(SUITE)
			.put(`${SUITE_API}/User/${USER_ID}`, {
				displayName: '',
				email: 'jane@example.com',
				name: 'Jane',
				surname: 'Doe',
				bypassBasicAuthRestriction: true,
			})
			.reply(200, succeeded);

		const { error } = await runNode({
			credentials: SUITE_CREDENTIALS,
			parameters: {
				...parameters,
				updateFields: {
					displayName: '',
					email: 'jane@example.com',
					firstName: 'Jane',
					lastName: 'Doe',
					bypassBasicAuthRestriction: true,
				},
			},
		});

		expect(error).toBeUndefined();
	});

	it('refuses an empty Update Fields before sending', async () => {
		const { error } = await runNode({ parameters: { ...parameters, updateFields: {} } });

		expect(error?.message).toBe('Update Fields is empty [item 0]');
		expect(error?.description).toBe('Add at least one field to change under Update Fields');
	});

	it('refuses an email change on Automation Cloud before any request, naming the alternative', async () => {
		const { error } = await runNode({ parameters: { ...parameters, updateFields: { email: 'new@example.com', firstName: 'Jane' } } });

		expect(error?.message).toBe("'Email' cannot be changed on Automation Cloud [item 0]");
		expect(error?.description).toMatch(/Invite the new address \(User → Invite\), then delete the old account/);
		// No token was requested and nothing was sent: nock would fail the test on any request.
	});

	it('changes the email on standalone Orchestrator', async () => {
		mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
		nock(STANDALONE).put(`${STANDALONE_API}/User/${USER_ID}`, { email: 'new@example.com' }).reply(200, succeeded);

		const { outputs, error } = await runNode({
			credentials: STANDALONE_CREDENTIALS,
			parameters: { ...parameters, updateFields: { email: 'new@example.com' } },
		});

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ updated: true, email: 'new@example.com' });
	});

	it('fails the item when UiPath answers succeeded: false with HTTP 200', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID))
			.reply(200, { succeeded: false, errors: [{ code: 'DuplicateUserName', description: "Username 'x' is already taken." }] });

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { displayName: 'x' } } });

		expect(error?.message).toBe("UiPath did not update the user: DuplicateUserName: Username 'x' is already taken. [item 0]");
	});

	it('reports an unknown user', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(userPath(USER_ID)).reply(404);

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { displayName: 'J' } } });

		expect(error?.message).toBe(`User "${USER_ID}" was not found [item 0]`);
		expect(error?.httpCode).toBe('404');
	});
});
