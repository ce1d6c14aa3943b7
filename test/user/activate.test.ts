import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { USER_2, idFromItem, succeeded, userPath } from './data';

describe('User → Activate', () => {
	it('sets isActive: true for each item', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID), { isActive: true })
			.reply(200, succeeded)
			.put(userPath(USER_2), { isActive: true })
			.reply(200, succeeded);

		const { outputs, error } = await runNode({
			parameters: { resource: 'user', operation: 'activate', userId: idFromItem },
			items: [{ user: USER_ID }, { user: USER_2 }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { id: USER_ID, isActive: true }, pairedItem: { item: 0 } },
			{ json: { id: USER_2, isActive: true }, pairedItem: { item: 1 } },
		]);
	});

	it('names the scope UiPath asks for', async () => {
		const scopeMessage = "Scope(s) 'PM.Group' is(are) invalid. Expect to have 'PM.User' or 'PM.User.Write'. ";
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(userPath(USER_ID)).reply(403, { errorMessage: scopeMessage });

		const { error } = await runNode({
			parameters: { resource: 'user', operation: 'activate', userId: idFromItem },
			items: [{ user: USER_ID }],
		});

		expect(error?.message).toBe(`${scopeMessage} [item 0]`);
		expect(error?.description).toMatch(/Grant PM.User/);
	});
});
