import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { USER_2, byEmail, byId, idFromItem, userPath, usersListPath } from './data';

const parameters = { resource: 'user', operation: 'delete', userId: byId(USER_ID) };

describe('User → Delete', () => {
	it('deletes the user and returns {deleted: true, id}', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(userPath(USER_ID)).reply(204);

		const { outputs, error } = await runNode({ parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: { deleted: true, id: USER_ID }, pairedItem: { item: 0 } }]);
	});

	it('fails on an unknown user by default', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(userPath(USER_ID)).reply(404);

		const { error } = await runNode({ parameters });

		expect(error?.message).toBe(`User "${USER_ID}" was not found [item 0]`);
	});

	it('with Succeed If Already Deleted, reports a missing user as already deleted', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(userPath(USER_ID)).reply(404).delete(userPath(USER_2)).reply(204);

		const { outputs, error } = await runNode({
			parameters: { ...parameters, userId: idFromItem, options: { succeedIfAlreadyDeleted: true } },
			items: [{ user: USER_ID }, { user: USER_2 }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { deleted: true, id: USER_ID, alreadyDeleted: true }, pairedItem: { item: 0 } },
			{ json: { deleted: true, id: USER_2, alreadyDeleted: false }, pairedItem: { item: 1 } },
		]);
	});

	it('treats an email without a user as already deleted only when asked to', async () => {
		mockTokenEndpoint(['T1', 'T2']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ searchTerm: 'gone@example.com', top: 1000 })
			.times(2)
			.reply(200, { totalCount: 0, results: [] });

		const idempotent = await runNode({
			parameters: { ...parameters, userId: byEmail('gone@example.com'), options: { succeedIfAlreadyDeleted: true } },
		});
		const strict = await runNode({ parameters: { ...parameters, userId: byEmail('gone@example.com') } });

		expect(idempotent.outputs[0][0].json).toEqual({
			deleted: true,
			id: null,
			email: 'gone@example.com',
			alreadyDeleted: true,
		});
		expect(strict.error?.message).toBe('No UiPath user has the email "gone@example.com" [item 0]');
	});

	it('still fails on other errors with Succeed If Already Deleted', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(userPath(USER_ID)).reply(403);

		const { error } = await runNode({ parameters: { ...parameters, options: { succeedIfAlreadyDeleted: true } } });

		expect(error?.httpCode).toBe('403');
	});
});
