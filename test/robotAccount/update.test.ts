import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, ROBOT_ID, robotDto } from './data';

// Update addresses the account without the organization in the path (reference 4.3).
const putPath = `${CLOUD_API}/RobotAccount/${ROBOT_ID}`;
const parameters = { resource: 'robotAccount', operation: 'update', robotAccountId: ROBOT_ID };

describe('Robot Account → Update', () => {
	it('changes only the display name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(putPath, { partitionGlobalId: ORG_ID, displayName: 'Invoice Bot' })
			.reply(200, robotDto(ROBOT_ID, 'invoice-bot'));

		const { outputs, error } = await runNode({
			parameters: { ...parameters, updateFields: { displayName: 'Invoice Bot' } },
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: robotDto(ROBOT_ID, 'invoice-bot'), pairedItem: { item: 0 } }]);
	});

	it('adds and removes groups', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(putPath, { partitionGlobalId: ORG_ID, groupIDsToAdd: [GROUP_A], groupIDsToRemove: [GROUP_B] })
			.reply(200, robotDto(ROBOT_ID, 'bot', [GROUP_A]));

		const { outputs } = await runNode({
			parameters: { ...parameters, updateFields: { groupsToAdd: [GROUP_A], groupsToRemove: [GROUP_B] } },
		});

		expect(outputs[0][0].json.groupIds).toEqual([GROUP_A]);
	});

	it('answers {id, updated: true} when UiPath returns no body', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(200);

		const { outputs } = await runNode({ parameters: { ...parameters, updateFields: { displayName: 'X' } } });

		expect(outputs[0]).toEqual([{ json: { id: ROBOT_ID, updated: true }, pairedItem: { item: 0 } }]);
	});

	it('refuses an update without changes', async () => {
		const { error } = await runNode({ parameters: { ...parameters, updateFields: { groupsToAdd: [] } } });

		expect(error?.message).toBe('Nothing to update [item 0]');
		expect(error?.description).toBe("Under 'Update Fields' add 'Display Name', 'Groups to Add Names or IDs' or 'Groups to Remove Names or IDs'");
	});

	it('shows an unknown group refusal', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(putPath)
			.reply(400, { errors: { groupIDsToAdd: [`Group(s) '${GROUP_B}' do(es) not exist in the organization.`] } });

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { groupsToAdd: [GROUP_B] } } });

		expect(error?.message).toBe(
			`UiPath rejected the request: groupIDsToAdd: Group(s) '${GROUP_B}' do(es) not exist in the organization. [item 0]`,
		);
	});

	it('says which account was not found', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(404);

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { displayName: 'X' } } });

		expect(error?.message).toBe(`Robot account "${ROBOT_ID}" was not found [item 0]`);
	});
});
