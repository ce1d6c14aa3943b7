import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { EVERYONE_ID, GROUP_ID, MEMBER_1, MEMBER_2, byId, byName, groupDto, groupPath, groupsPath, organizationGroups } from './data';

const putPath = `${CLOUD_API}/Group/${GROUP_ID}`;
const parameters = { resource: 'group', operation: 'update', groupId: byId(GROUP_ID) };

describe('Group → Update', () => {
	it('renames with exactly the organization and the new name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(putPath, { partitionGlobalId: ORG_ID, name: 'Finance Robots EU' })
			.reply(200, groupDto(GROUP_ID, 'Finance Robots EU'));

		const { outputs, error } = await runNode({
			parameters: { ...parameters, updateFields: { name: ' Finance Robots EU ' } },
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { ...groupDto(GROUP_ID, 'Finance Robots EU'), type: 'custom' }, pairedItem: { item: 0 } },
		]);
	});

	it('sends the current name when only members change (UiPath requires a name)', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupPath(GROUP_ID))
			.reply(200, groupDto(GROUP_ID, 'Finance Robots'))
			.put(putPath, {
				partitionGlobalId: ORG_ID,
				name: 'Finance Robots',
				directoryUserIDsToAdd: [MEMBER_1, MEMBER_2],
				directoryUserIDsToRemove: [EVERYONE_ID],
			})
			.reply(200, groupDto(GROUP_ID, 'Finance Robots'));

		const { outputs, error } = await runNode({
			parameters: {
				...parameters,
				updateFields: { membersToAdd: `${MEMBER_1},${MEMBER_2}`, membersToRemove: '={{ $json.remove }}' },
			},
			items: [{ remove: [EVERYONE_ID] }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0][0].json.name).toBe('Finance Robots');
	});

	it('knows the name without another request when the group was chosen By Name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupsPath)
			.reply(200, organizationGroups)
			.put(putPath, { partitionGlobalId: ORG_ID, name: 'Finance Robots', directoryUserIDsToRemove: [MEMBER_1] })
			.reply(200, groupDto(GROUP_ID, 'Finance Robots'));

		const { error } = await runNode({
			parameters: { ...parameters, groupId: byName('Finance Robots'), updateFields: { membersToRemove: MEMBER_1 } },
		});

		expect(error).toBeUndefined();
	});

	it('re-reads the group list after a rename, so the next item finds the new name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupsPath)
			.reply(200, organizationGroups)
			.put(putPath, { partitionGlobalId: ORG_ID, name: 'Finance' })
			.reply(200, groupDto(GROUP_ID, 'Finance'))
			.get(groupsPath)
			.reply(200, [groupDto(GROUP_ID, 'Finance')])
			.put(putPath, { partitionGlobalId: ORG_ID, name: 'Finance EU' })
			.reply(200, groupDto(GROUP_ID, 'Finance EU'));

		const { outputs, error } = await runNode({
			parameters: {
				...parameters,
				groupId: byName('={{ $json.from }}'),
				updateFields: { name: '={{ $json.to }}' },
			},
			items: [
				{ from: 'Finance Robots', to: 'Finance' },
				{ from: 'Finance', to: 'Finance EU' },
			],
		});

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json.name)).toEqual(['Finance', 'Finance EU']);
	});

	it('answers with the ID and name when UiPath returns no body', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(putPath).reply(200);

		const { outputs } = await runNode({ parameters: { ...parameters, updateFields: { name: 'X' } } });

		expect(outputs[0]).toEqual([{ json: { id: GROUP_ID, name: 'X' }, pairedItem: { item: 0 } }]);
	});

	it('refuses an update without changes before calling UiPath', async () => {
		const { error } = await runNode({ parameters: { ...parameters, updateFields: { name: ' ' } } });

		expect(error?.message).toBe('Nothing to update [item 0]');
		expect(error?.description).toBe("Under 'Update Fields' add 'New Name', 'Members to Add Names or IDs' or 'Members to Remove Names or IDs'");
	});

	it('rejects a member ID that is not a GUID', async () => {
		const { error } = await runNode({
			parameters: { ...parameters, updateFields: { membersToAdd: 'jane' } },
		});

		expect(error?.message).toBe(`'Members to Add Names or IDs' is not a valid ID: "jane" [item 0]`);
	});

	it('shows why UiPath refused to rename a built-in group', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(`${CLOUD_API}/Group/${EVERYONE_ID}`)
			.reply(400, { errors: { name: ["The built-in group 'Everyone' cannot be renamed."] } });

		const { error } = await runNode({
			parameters: { ...parameters, groupId: byId(EVERYONE_ID), updateFields: { name: 'All' } },
		});

		expect(error?.message).toBe(
			"UiPath rejected the request: name: The built-in group 'Everyone' cannot be renamed. [item 0]",
		);
	});

	it('says which group was not found when reading its name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupPath(GROUP_ID)).reply(404);

		const { error } = await runNode({ parameters: { ...parameters, updateFields: { membersToAdd: MEMBER_1 } } });

		expect(error?.message).toBe(`Group "${GROUP_ID}" was not found [item 0]`);
	});
});
