import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_ID, byId, byName, groupPath, groupsPath, organizationGroups } from './data';

const membersPath = `${groupPath(GROUP_ID)}/Members`;
const parameters = { resource: 'group', operation: 'getMembers', groupId: byId(GROUP_ID) };

function members(count: number, from = 0) {
	return Array.from({ length: count }, (_, index) => ({
		id: `9d6f0a57-0000-4000-8000-${String(from + index).padStart(12, '0')}`,
		type: (from + index) % 2 === 0 ? 0 : 4,
	}));
}

describe('Group → Get Members', () => {
	it('pages with top=1000 and skip by what arrived until totalCount, one item per member', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(membersPath)
			.query({ top: '1000', skip: '0' })
			.reply(200, { totalCount: 1500, results: members(1000) })
			.get(membersPath)
			.query({ top: '1000', skip: '1000' })
			.reply(200, { totalCount: 1500, results: members(500, 1000) });

		const { outputs, error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1500);
		expect(outputs[0][0]).toEqual({
			json: { id: '9d6f0a57-0000-4000-8000-000000000000', type: 'user' },
			pairedItem: { item: 0 },
		});
		expect(outputs[0][1499].json).toEqual({ id: '9d6f0a57-0000-4000-8000-000000001499', type: 'robotAccount' });
	});

	it('asks only for Limit members', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(membersPath)
			.query({ top: '3', skip: '0' })
			.reply(200, { totalCount: 10, results: members(3) });

		const { outputs } = await runNode({ parameters: { ...parameters, limit: 3 } });

		expect(outputs[0].map((item) => item.json.type)).toEqual(['user', 'robotAccount', 'user']);
	});

	it('shrinks the last page to what Limit still needs', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(membersPath)
			.query({ top: '1000', skip: '0' })
			.reply(200, { totalCount: 5000, results: members(1000) })
			.get(membersPath)
			.query({ top: '200', skip: '1000' })
			.reply(200, { totalCount: 5000, results: members(200, 1000) });

		const { outputs } = await runNode({ parameters: { ...parameters, limit: 1200 } });

		expect(outputs[0]).toHaveLength(1200);
	});

	it('stops at a short page when totalCount is missing, and names unknown types by number', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(membersPath)
			.query({ top: '1000', skip: '0' })
			.reply(200, { results: [{ id: 'x', type: 3 }, { id: 'y', type: 9 }] });

		const { outputs } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(outputs[0].map((item) => item.json)).toEqual([
			{ id: 'x', type: 'directoryGroup' },
			{ id: 'y', type: 9 },
		]);
	});

	it('gives no items for an empty group', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(membersPath).query({ top: '50', skip: '0' }).reply(200, { totalCount: 0, results: [] });

		const { outputs, error } = await runNode({ parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
	});

	it('resolves the group By Name first', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(groupsPath)
			.reply(200, organizationGroups)
			.get(membersPath)
			.query({ top: '50', skip: '0' })
			.reply(200, { totalCount: 1, results: members(1) });

		const { outputs } = await runNode({ parameters: { ...parameters, groupId: byName('Finance Robots') } });

		expect(outputs[0]).toHaveLength(1);
	});

	it('says which group was not found, or that the undocumented endpoint may be closed to external applications', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(membersPath).query(true).reply(404);

		const { error } = await runNode({ parameters });

		expect(error?.message).toBe(
			`Group "${GROUP_ID}" was not found, or this endpoint (GET /api/Group/{organizationId}/${GROUP_ID}/Members) may not be open to external applications on this deployment (HTTP 404) [item 0]`,
		);
		expect(error?.description).toMatch(/in none of UiPath's API definitions/);
	});
});
