import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { USER_2, idFromItem, usersListPath, userDto } from './data';

const bulkDeletePath = `${CLOUD_API}/User`;
const parameters = { resource: 'user', operation: 'deleteMany', userId: idFromItem };

const userIds = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => `d0000000-0000-4000-8000-${String(from + index).padStart(12, '0')}`);

interface BulkDeleteBody {
	partitionGlobalId: string;
	userIds: string[];
}

function bulkDelete(bodies: BulkDeleteBody[], times = 1) {
	return nock(CLOUD)
		.delete(bulkDeletePath, (body) => {
			bodies.push(body);
			return true;
		})
		.times(times)
		.reply(204);
}

describe('User → Delete Many', () => {
	it('offboards 1000 users with 10 requests of 100, one output item per input item', async () => {
		const bodies: BulkDeleteBody[] = [];
		const ids = userIds(1000);
		mockTokenEndpoint(['T1']);
		bulkDelete(bodies, 10);

		const { outputs, error } = await runNode({ parameters, items: ids.map((user) => ({ user })) });

		expect(error).toBeUndefined();
		expect(bodies).toHaveLength(10);
		expect(bodies[0]).toEqual({ partitionGlobalId: ORG_ID, userIds: ids.slice(0, 100) });
		expect(bodies.flatMap((body) => body.userIds)).toEqual(ids);
		expect(outputs[0]).toHaveLength(1000);
		expect(outputs[0][999]).toEqual({ json: { deleted: true, id: ids[999] }, pairedItem: { item: 999 } });
	});

	it('uses the batch size option and sends a user listed twice once', async () => {
		const bodies: BulkDeleteBody[] = [];
		const ids = userIds(4);
		mockTokenEndpoint(['T1']);
		bulkDelete(bodies, 2);

		const { outputs } = await runNode({
			parameters: { ...parameters, options: { batchSize: 3 } },
			items: [ids[0], ids[1], ids[1], ids[2], ids[3]].map((user) => ({ user })),
		});

		// Batch Size counts distinct users: the repeated one takes no place in a batch.
		expect(bodies.map((body) => body.userIds)).toEqual([[ids[0], ids[1], ids[2]], [ids[3]]]);
		expect(outputs[0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[ids[0], { item: 0 }],
			[ids[1], { item: 1 }],
			[ids[1], { item: 2 }],
			[ids[2], { item: 3 }],
			[ids[3], { item: 4 }],
		]);
	});

	it('fails only the items of a refused batch under continue-on-fail', async () => {
		const ids = userIds(4);
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.delete(bulkDeletePath, { partitionGlobalId: ORG_ID, userIds: ids.slice(0, 2) })
			.reply(400, { errors: { userIds: ['The user list contains an unknown ID.'] } });
		bulkDelete([], 1);

		const { outputs } = await runNode({
			parameters: { ...parameters, options: { batchSize: 2 } },
			items: ids.map((user) => ({ user })),
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error ?? item.json.id)).toEqual([
			'UiPath rejected the request: userIds: The user list contains an unknown ID. [item 0]',
			'UiPath rejected the request: userIds: The user list contains an unknown ID. [item 1]',
			ids[2],
			ids[3],
		]);
		expect(outputs[0][1].json.details).toMatch(/whole request of 2 items/);
	});

	it('deletes nothing when an item is invalid and the node stops on errors', async () => {
		const { error } = await runNode({ parameters, items: [{ user: userIds(1)[0] }, { user: 'bob' }] });

		expect(error?.message).toBe(`'User' is not a valid ID: "bob" [item 1]`);
	});

	it('skips invalid items under continue-on-fail and deletes the rest', async () => {
		const bodies: BulkDeleteBody[] = [];
		mockTokenEndpoint(['T1']);
		bulkDelete(bodies);

		const { outputs } = await runNode({
			parameters,
			items: [{ user: 'bob' }, { user: USER_2 }],
			onError: 'continueErrorOutput',
		});

		expect(bodies).toEqual([{ partitionGlobalId: ORG_ID, userIds: [USER_2] }]);
		expect(outputs[0]).toEqual([{ json: { deleted: true, id: USER_2 }, pairedItem: { item: 1 } }]);
		expect(outputs[1].map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`'User' is not a valid ID: "bob" [item 0]`, { item: 0 }],
		]);
	});

	it('resolves emails first and, when asked, reports unknown ones as already deleted', async () => {
		const bodies: BulkDeleteBody[] = [];
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ searchTerm: 'jane@example.com', top: 1000 })
			.reply(200, { totalCount: 1, results: [userDto({ id: USER_2, email: 'jane@example.com' })] })
			.get(usersListPath)
			.query({ searchTerm: 'gone@example.com', top: 1000 })
			.reply(200, { totalCount: 0, results: [] });
		bulkDelete(bodies);

		const { outputs } = await runNode({
			parameters: {
				...parameters,
				userId: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
				options: { succeedIfAlreadyDeleted: true },
			},
			items: [{ email: 'jane@example.com' }, { email: 'gone@example.com' }],
		});

		expect(bodies).toEqual([{ partitionGlobalId: ORG_ID, userIds: [USER_2] }]);
		expect(outputs[0].map((item) => item.json)).toEqual([
			{ deleted: true, id: USER_2, alreadyDeleted: false },
			{ deleted: true, id: null, email: 'gone@example.com', alreadyDeleted: true },
		]);
	});
});
