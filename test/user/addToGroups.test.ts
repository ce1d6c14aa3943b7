import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, byId, succeeded, userPath } from './data';

const parameters = { resource: 'user', operation: 'addToGroups', userId: byId(USER_ID) };

describe('User → Add to Groups', () => {
	it('sends groupIDsToAdd, taking a list or a comma-separated string, without duplicates', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID), { groupIDsToAdd: [GROUP_A, GROUP_B] })
			.times(2)
			.reply(200, succeeded);

		const { outputs, error } = await runNode({
			parameters: { ...parameters, groupIds: '={{ $json.groups }}' },
			items: [{ groups: [GROUP_A, GROUP_B] }, { groups: `${GROUP_A}, ${GROUP_B},${GROUP_A}` }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { id: USER_ID, addedGroupIds: [GROUP_A, GROUP_B] }, pairedItem: { item: 0 } },
			{ json: { id: USER_ID, addedGroupIds: [GROUP_A, GROUP_B] }, pairedItem: { item: 1 } },
		]);
	});

	it('refuses no groups and group names that are not IDs', async () => {
		const { outputs } = await runNode({
			parameters: { ...parameters, groupIds: '={{ $json.groups }}' },
			items: [{ groups: [] }, { groups: 'Everyone' }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			'Group Names or IDs is empty [item 0]',
			'Group Names or IDs is not a GUID: "Everyone" [item 1]',
		]);
	});

	it('explains a refusal to change groups', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(userPath(USER_ID)).reply(403);

		const { error } = await runNode({ parameters: { ...parameters, groupIds: [GROUP_A] } });

		expect(error?.message).toMatch(/lacks the PM.User scope/);
	});
});
