import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, GROUP_C, byId, succeeded, userDto, userPath } from './data';

const parameters = { resource: 'user', operation: 'removeFromGroups', userId: byId(USER_ID) };

describe('User → Remove From Groups', () => {
	it('removes only the selected groups the user is in and lists the others', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(userPath(USER_ID))
			.reply(200, userDto({ groupIDs: [GROUP_A, GROUP_B.toUpperCase()] }))
			.put(userPath(USER_ID), { groupIDsToRemove: [GROUP_B] })
			.reply(200, succeeded);

		const { outputs, error } = await runNode({
			parameters: { ...parameters, removeFrom: 'selectedGroups', groupIds: [GROUP_B, GROUP_C] },
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { id: USER_ID, removedGroupIds: [GROUP_B], notMemberGroupIds: [GROUP_C] }, pairedItem: { item: 0 } },
		]);
	});

	it('sends nothing when the user is in none of the selected groups', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(userPath(USER_ID)).reply(200, userDto({ groupIDs: null }));

		const { outputs } = await runNode({ parameters: { ...parameters, groupIds: [GROUP_C] } });

		expect(outputs[0][0].json).toEqual({ id: USER_ID, removedGroupIds: [], notMemberGroupIds: [GROUP_C] });
	});

	it('removes all groups the user is in for offboarding', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(userPath(USER_ID))
			.reply(200, userDto({ groupIDs: [GROUP_A, GROUP_B] }))
			.put(userPath(USER_ID), { groupIDsToRemove: [GROUP_A, GROUP_B] })
			.reply(200, succeeded);

		const { outputs } = await runNode({ parameters: { ...parameters, removeFrom: 'allGroups' } });

		expect(outputs[0][0].json).toEqual({ id: USER_ID, removedGroupIds: [GROUP_A, GROUP_B], notMemberGroupIds: [] });
	});

	it('fails the item when UiPath refuses the removal', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(userPath(USER_ID))
			.reply(200, userDto({ groupIDs: [GROUP_A] }))
			.put(userPath(USER_ID))
			.reply(200, { succeeded: false, errors: [{ code: 'CannotRemoveFromEveryone', description: 'Everyone is built in.' }] });

		const { error } = await runNode({ parameters: { ...parameters, removeFrom: 'allGroups' } });

		expect(error?.message).toBe(
			'UiPath did not remove the user from the groups: CannotRemoveFromEveryone: Everyone is built in. [item 0]',
		);
	});
});
