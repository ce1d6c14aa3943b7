import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { EVERYONE_ID, GROUP_2, GROUP_ID, groupDto, groupsPath, organizationGroups } from './data';

const parameters = { resource: 'group', operation: 'getAll' };

describe('Group → Get Many', () => {
	it('returns all groups, one item each, simplified, from one unpaged request', async () => {
		mockTokenEndpoint(['T1']);
		// No top/skip: the endpoint is not paged.
		nock(CLOUD).get(groupsPath).reply(200, organizationGroups);

		const { outputs, error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { id: EVERYONE_ID, name: 'Everyone', type: 'builtIn' }, pairedItem: { item: 0 } },
			{ json: { id: GROUP_ID, name: 'Finance Robots', type: 'custom' }, pairedItem: { item: 0 } },
			{ json: { id: GROUP_2, name: 'HR', type: 'custom' }, pairedItem: { item: 0 } },
		]);
	});

	it('applies Limit after the answer and keeps raw fields with Output → Raw', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(200, organizationGroups);

		const { outputs } = await runNode({ parameters: { ...parameters, limit: 2, output: 'raw' } });

		expect(outputs[0].map((item) => item.json)).toEqual([
			{ ...groupDto(EVERYONE_ID, 'Everyone', 0), type: 'builtIn' },
			{ ...groupDto(GROUP_ID, 'Finance Robots'), type: 'custom' },
		]);
	});

	it('uses the default limit of 50', async () => {
		mockTokenEndpoint(['T1']);
		const many = Array.from({ length: 60 }, (_, index) =>
			groupDto(`0b7c1a6e-0000-4000-8000-${String(index).padStart(12, '0')}`, `G${index}`),
		);
		nock(CLOUD).get(groupsPath).reply(200, many);

		const { outputs } = await runNode({ parameters });

		expect(outputs[0]).toHaveLength(50);
	});

	it('pairs the groups with each input item', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(200, [groupDto(GROUP_ID, 'Finance Robots')]);

		const { outputs } = await runNode({ parameters: { ...parameters, returnAll: true }, items: [{}, {}] });

		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('gives no items for an organization without groups', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(200, []);

		const { outputs, error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
	});

	it('names PM.Group on 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(groupsPath).reply(403);

		const { error } = await runNode({ parameters });

		expect(error?.message).toBe(
			'UiPath refused access (HTTP 403): the token lacks the PM.Group scope or the external application lacks permission [item 0]',
		);
	});
});
