import nock from 'nock';

import { CLOUD, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_2, GROUP_ID, byId, byName, fromList, groupDto, groupPath, groupsPath, organizationGroups } from './data';

const parameters = { resource: 'group', operation: 'get' };

describe('Group → Get', () => {
	it('gets a group picked from the list, simplified by default, with a readable type', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupPath(GROUP_ID))
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(200, groupDto(GROUP_ID, 'Finance Robots'));

		const { outputs, error } = await runNode({ parameters: { ...parameters, groupId: fromList(GROUP_ID) } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { id: GROUP_ID, name: 'Finance Robots', type: 'custom' }, pairedItem: { item: 0 } },
		]);
	});

	it('returns every field with Output → Raw, built-in type named', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupPath(GROUP_ID)).reply(200, groupDto(GROUP_ID, 'Everyone', 0));

		const { outputs } = await runNode({
			parameters: { ...parameters, groupId: byId(GROUP_ID), output: 'raw' },
		});

		expect(outputs[0][0].json).toEqual({ ...groupDto(GROUP_ID, 'Everyone', 0), type: 'builtIn' });
	});

	it('resolves By Name from one group list shared by all items', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupsPath)
			.once()
			.reply(200, organizationGroups)
			.get(groupPath(GROUP_ID))
			.reply(200, groupDto(GROUP_ID, 'Finance Robots'))
			.get(groupPath(GROUP_2))
			.reply(200, groupDto(GROUP_2, 'HR'));

		const { outputs, error } = await runNode({
			parameters: { ...parameters, groupId: { __rl: true, mode: 'name', value: '={{ $json.group }}' } },
			items: [{ group: 'Finance Robots' }, { group: 'HR' }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { id: GROUP_ID, name: 'Finance Robots', type: 'custom' }, pairedItem: { item: 0 } },
			{ json: { id: GROUP_2, name: 'HR', type: 'custom' }, pairedItem: { item: 1 } },
		]);
	});

	it('names the near match when By Name differs only in case', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(200, organizationGroups);

		const { error } = await runNode({ parameters: { ...parameters, groupId: byName('finance robots') } });

		expect(error?.message).toBe('No group is named "finance robots" [item 0]');
		expect(error?.description).toBe(
			'Names are matched exactly, including upper and lower case. Did you mean "Finance Robots"?',
		);
	});

	it('refuses an ambiguous name and lists the candidate IDs', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupsPath)
			.reply(200, [groupDto(GROUP_ID, 'HR'), groupDto(GROUP_2, 'HR')]);

		const { error } = await runNode({ parameters: { ...parameters, groupId: byName('HR') } });

		expect(error?.message).toBe('2 groups are named "HR" [item 0]');
		expect(error?.description).toBe(`Select the group by ID instead, one of: ${GROUP_ID}, ${GROUP_2}`);
	});

	it('reports an unknown name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(200, organizationGroups);

		const { error } = await runNode({ parameters: { ...parameters, groupId: byName('Nobody') } });

		expect(error?.message).toBe('No group is named "Nobody" [item 0]');
		expect(error?.description).toMatch(/pick the group from the list/);
	});

	it('rejects an ID from an expression that is not a GUID before calling UiPath', async () => {
		const { error } = await runNode({
			parameters: { ...parameters, groupId: byId('={{ $json.id }}') },
			items: [{ id: 'Finance Robots' }],
		});

		expect(error?.message).toBe(`'Group' is not a valid ID: "Finance Robots" [item 0]`);
		expect(error?.description).toMatch(/switch to By Name/);
	});

	it('leaves a typed non-GUID By ID to the editor validation, which n8n enforces before running', async () => {
		await expect(runNode({ parameters: { ...parameters, groupId: byId('Finance Robots') } })).rejects.toThrow(
			'Enter a group ID, e.g. 0b7c1a6e-5d4f-4e3a-9b2c-1d0e9f8a7b6c',
		);
	});

	it('rejects a group that resolves to nothing', async () => {
		const { error } = await runNode({
			parameters: { ...parameters, groupId: fromList('={{ $json.id }}') },
			items: [{ id: '' }],
		});

		expect(error?.message).toBe(`'Group' is empty [item 0]`);
		expect(error?.description).toBe('Pick a group from the list, or enter its ID or its exact name');
	});

	it('says which group was not found (404) and keeps going under continue-on-fail', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupPath(GROUP_2))
			.reply(404)
			.get(groupPath(GROUP_ID))
			.reply(200, groupDto(GROUP_ID, 'Finance Robots'));

		const { outputs } = await runNode({
			parameters: { ...parameters, groupId: byId('={{ $json.id }}') },
			items: [{ id: GROUP_2 }, { id: GROUP_ID }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0]).toEqual([
			{
				json: { error: `Group "${GROUP_2}" was not found [item 0]`, details: expect.stringMatching(/GUID/) },
				pairedItem: { item: 0 },
			},
			{ json: { id: GROUP_ID, name: 'Finance Robots', type: 'custom' }, pairedItem: { item: 1 } },
		]);
	});
});
