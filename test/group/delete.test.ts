import nock from 'nock';

import { CLOUD, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { EVERYONE_ID, GROUP_2, GROUP_ID, byId, byName, groupPath, groupsPath, organizationGroups } from './data';

const parameters = { resource: 'group', operation: 'delete', groupId: byId('={{ $json.id }}') };

describe('Group → Delete', () => {
	it('deletes each group and answers {deleted: true, id}', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.delete(groupPath(GROUP_ID))
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(204)
			.delete(groupPath(GROUP_2))
			.reply(204);

		const { outputs, error } = await runNode({ parameters, items: [{ id: GROUP_ID }, { id: GROUP_2 }] });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { deleted: true, id: GROUP_ID }, pairedItem: { item: 0 } },
			{ json: { deleted: true, id: GROUP_2 }, pairedItem: { item: 1 } },
		]);
	});

	it('fails on a missing group by default', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(groupPath(GROUP_ID)).reply(404);

		const { error } = await runNode({ parameters, items: [{ id: GROUP_ID }] });

		expect(error?.message).toBe(`Group "${GROUP_ID}" was not found [item 0]`);
	});

	it('succeeds with alreadyDeleted when Succeed If Already Deleted is on', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(groupPath(GROUP_ID)).reply(404);

		const { outputs } = await runNode({
			parameters: { ...parameters, options: { succeedIfAlreadyDeleted: true } },
			items: [{ id: GROUP_ID }],
		});

		expect(outputs[0]).toEqual([
			{ json: { deleted: true, id: GROUP_ID, alreadyDeleted: true }, pairedItem: { item: 0 } },
		]);
	});

	it('deletes By Name, and treats a name no group has as already deleted when asked', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupsPath)
			.reply(200, organizationGroups)
			.delete(groupPath(GROUP_ID))
			.reply(204)
			.get(groupsPath)
			.reply(200, organizationGroups.filter((group) => group.id !== GROUP_ID));

		const { outputs } = await runNode({
			parameters: { ...parameters, groupId: byName('={{ $json.name }}'), options: { succeedIfAlreadyDeleted: true } },
			items: [{ name: 'Finance Robots' }, { name: 'Finance Robots' }],
		});

		expect(outputs[0]).toEqual([
			{ json: { deleted: true, id: GROUP_ID, alreadyDeleted: false }, pairedItem: { item: 0 } },
			{ json: { deleted: true, id: null, name: 'Finance Robots', alreadyDeleted: true }, pairedItem: { item: 1 } },
		]);
	});

	it('fails on an unknown name without the option', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(200, organizationGroups);

		const { error } = await runNode({ parameters: { ...parameters, groupId: byName('Gone') } });

		expect(error?.message).toBe('No group is named "Gone" [item 0]');
	});

	it('does not hide other errors behind the option (built-in group)', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.delete(groupPath(EVERYONE_ID))
			.reply(400, { errors: { groupId: ["The built-in group 'Everyone' cannot be deleted."] } });

		const { error } = await runNode({
			parameters: { ...parameters, options: { succeedIfAlreadyDeleted: true } },
			items: [{ id: EVERYONE_ID }],
		});

		expect(error?.message).toBe(
			"UiPath rejected the request: groupId: The built-in group 'Everyone' cannot be deleted. [item 0]",
		);
	});

	it('names PM.Group on 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(groupPath(GROUP_ID)).reply(403);

		const { error } = await runNode({ parameters, items: [{ id: GROUP_ID }] });

		expect(error?.message).toMatch(/lacks the PM\.Group scope/);
	});
});
