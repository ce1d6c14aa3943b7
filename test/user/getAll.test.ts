import nock from 'nock';

import { CLOUD, ORG_ID, STANDALONE, STANDALONE_API, STANDALONE_CREDENTIALS, STANDALONE_TOKEN_PATH, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { userDto, usersListPath } from './data';

const parameters = { resource: 'user', operation: 'getAll' };

/** `count` users with distinct IDs, starting at `from`. */
function users(count: number, from = 0) {
	return Array.from({ length: count }, (_, index) => {
		const n = from + index;
		return userDto({ id: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: n % 2 });
	});
}

describe('User → Get Many', () => {
	it('returns all users over two pages, top 1000, skip advancing by the users received', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(200, { totalCount: 1003, results: users(1000) })
			.get(usersListPath)
			.query({ top: 1000, skip: 1000, sortBy: 'Id' })
			.reply(200, { totalCount: 1003, results: users(3, 1000) });

		const { outputs, error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1003);
		expect(outputs[0][1002].json.id).toBe('c0000000-0000-4000-8000-000000001002');
		expect(outputs[0].slice(0, 2).map((item) => item.json.type)).toEqual(['user', 'robot']);
		expect(outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('advances by what arrived when UiPath sends fewer than asked and stops at totalCount', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(200, { totalCount: 1000, results: users(1000) });

		const { outputs } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(outputs[0]).toHaveLength(1000);
	});

	it('asks only for what the limit still needs', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(200, { totalCount: 5000, results: users(1000) })
			.get(usersListPath)
			.query({ top: 500, skip: 1000, sortBy: 'Id' })
			.reply(200, { totalCount: 5000, results: users(500, 1000) });

		const { outputs } = await runNode({ parameters: { ...parameters, returnAll: false, limit: 1500 } });

		expect(outputs[0]).toHaveLength(1500);
	});

	it('sends search term and sorting, and returns raw users with Output → Raw', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ searchTerm: 'doe', sortBy: 'LastLoginTime', sortOrder: 'desc', top: 2, skip: 0 })
			.reply(200, { totalCount: 7, results: users(2) });

		const { outputs } = await runNode({
			parameters: {
				...parameters,
				limit: 2,
				filters: { searchTerm: ' doe ' },
				sort: { sortBy: 'LastLoginTime', sortOrder: 'desc' },
				output: 'raw',
			},
		});

		expect(outputs[0].map((item) => item.json)).toEqual(
			users(2).map((user, index) => ({ ...user, type: index ? 'robot' : 'user', category: 'local' })),
		);
	});

	it('lists once per input item, each result paired with its item', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ searchTerm: 'a', top: 50, skip: 0 })
			.reply(200, { totalCount: 1, results: users(1) })
			.get(usersListPath)
			.query({ searchTerm: 'b', top: 50, skip: 0 })
			.reply(200, { totalCount: 2, results: users(2, 10) });

		const { outputs } = await runNode({
			parameters: { ...parameters, filters: { searchTerm: '={{ $json.term }}' } },
			items: [{ term: 'a' }, { term: 'b' }],
		});

		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
	});

	it('names the scope on a 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(usersListPath).query(true).reply(403);

		const { error } = await runNode({ parameters });

		expect(error?.message).toBe(
			'UiPath refused access (HTTP 403): the token lacks the PM.User scope or the external application lacks permission [item 0]',
		);
	});

	it('on standalone Orchestrator lists through UserPartition, where UiPath lists users there', async () => {
		mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
		nock(STANDALONE)
			.get(`${STANDALONE_API}/UserPartition/users/${ORG_ID}`)
			.query({ top: 50, skip: 0 })
			.reply(200, { totalCount: 2, results: users(2) });

		const { outputs, error } = await runNode({ credentials: STANDALONE_CREDENTIALS, parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(2);
	});

	it('on standalone says a refused UserPartition may be closed to external applications', async () => {
		mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
		nock(STANDALONE).get(`${STANDALONE_API}/UserPartition/users/${ORG_ID}`).query(true).reply(403);

		const { error } = await runNode({ credentials: STANDALONE_CREDENTIALS, parameters });

		expect(error?.message).toBe(
			'UiPath refused GET /api/UserPartition/users/{organizationId} (HTTP 403): this endpoint may not be open to external applications on this deployment [item 0]',
		);
	});

	it('keeps the sort the user chose when reading several pages, and drops users repeated across pages (IDs in any case)', async () => {
		mockTokenEndpoint(['T1']);
		const repeated = { ...users(1, 999)[0], id: users(1, 999)[0].id.toUpperCase() };
		nock(CLOUD)
			.get(usersListPath)
			.query({ sortBy: 'Email', top: 1000, skip: 0 })
			.reply(200, { totalCount: 1001, results: users(1000) })
			.get(usersListPath)
			.query({ sortBy: 'Email', top: 1000, skip: 1000 })
			.reply(200, { totalCount: 1001, results: [repeated, ...users(1, 1000)] });

		const { outputs, error } = await runNode({ parameters: { ...parameters, returnAll: true, sort: { sortBy: 'Email' } } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1001);
		expect(new Set(outputs[0].map((item) => String(item.json.id).toLowerCase())).size).toBe(1001);
	});

	it('stops with a clear error when UiPath ignores skip and sends the same page again', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(usersListPath).query(true).times(2).reply(200, { totalCount: 5000, results: users(1000) });

		const { error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(error?.message).toBe('UiPath sent page 2 of the list again (skip=1000 answered only entries already read) [item 0]');
	});

	it('stops after a bounded number of pages when UiPath always answers a full page with a growing total', async () => {
		mockTokenEndpoint(['T1']);
		let page = 0;
		nock(CLOUD)
			.get(usersListPath)
			.query(true)
			.times(4)
			.reply(200, () => {
				page++;
				return { totalCount: 1000 * page + 1, results: users(1000, 1000 * (page - 1)) };
			});

		const { error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		// The first page announced 1001 users: 2 pages, plus 2 spare pages, then the read stops.
		expect(page).toBe(4);
		expect(error?.message).toBe('UiPath kept sending full pages: stopped after 4 pages (4000 entries, total now 4001) to avoid reading forever [item 0]');
	});

	it.each([
		// Text is refused by its type and not echoed: an expression may resolve to anything.
		['abc', 'a string'],
		[0, '0'],
		[-1, '-1'],
		[1.5, '1.5'],
		['', 'a string'],
	])("refuses a Limit of %j from an expression, naming 'Limit' and the item", async (limit, shown) => {
		const { outputs } = await runNode({
			parameters: { ...parameters, limit: '={{ $json.limit }}' },
			items: [{ limit }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0][0].json.error).toBe(`'Limit' must be a positive whole number, not ${shown} [item 0]`);
	});
});
