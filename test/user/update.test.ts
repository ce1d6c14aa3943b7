import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint } from '../fixtures';
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

	it('sends every profile field, and an empty string to clear one', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID), {
				displayName: '',
				email: 'jane@example.com',
				name: 'Jane',
				surname: 'Doe',
				bypassBasicAuthRestriction: true,
			})
			.reply(200, succeeded);

		const { error } = await runNode({
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

	it('fails the item when UiPath answers succeeded: false with HTTP 200', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID))
			.reply(200, { succeeded: false, errors: [{ code: 'DuplicateEmail', description: "Email 'x@y.com' is already taken." }] });

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { email: 'x@y.com' } } });

		expect(error?.message).toBe("UiPath did not update the user: DuplicateEmail: Email 'x@y.com' is already taken. [item 0]");
	});

	it('reports an unknown user', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(userPath(USER_ID)).reply(404);

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { displayName: 'J' } } });

		expect(error?.message).toBe(`User "${USER_ID}" was not found [item 0]`);
		expect(error?.httpCode).toBe('404');
	});
});
