import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { USER_2, byId, idFromItem, succeeded, userDto, userPath } from './data';

const parameters = { resource: 'user', operation: 'deactivate', userId: byId(USER_ID) };

describe('User → Deactivate', () => {
	it('sets isActive: false without reading the user first', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(userPath(USER_ID), { isActive: false }).reply(200, succeeded);

		const { outputs, error } = await runNode({ parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: { id: USER_ID, isActive: false }, pairedItem: { item: 0 } }]);
	});

	it('with Succeed If Already Inactive, changes nothing for an inactive user and says so', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(userPath(USER_ID))
			.reply(200, userDto({ isActive: false }))
			.get(userPath(USER_2))
			.reply(200, userDto({ id: USER_2, isActive: true }))
			.put(userPath(USER_2), { isActive: false })
			.reply(200, succeeded);

		const { outputs } = await runNode({
			parameters: { ...parameters, userId: idFromItem, options: { succeedIfAlreadyInactive: true } },
			items: [{ user: USER_ID }, { user: USER_2 }],
		});

		expect(outputs[0]).toEqual([
			{ json: { id: USER_ID, isActive: false, alreadyInactive: true }, pairedItem: { item: 0 } },
			{ json: { id: USER_2, isActive: false, alreadyInactive: false }, pairedItem: { item: 1 } },
		]);
	});

	it('fails the item when UiPath refuses with succeeded: false', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID))
			.reply(400, { succeeded: false, errors: [{ code: 'DefaultError', description: 'An unknown failure has occurred.' }] });

		const { error } = await runNode({ parameters });

		expect(error?.message).toBe('UiPath did not deactivate the user: DefaultError: An unknown failure has occurred. [item 0]');
	});
});
