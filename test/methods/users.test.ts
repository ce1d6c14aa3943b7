import nock from 'nock';

import { CLOUD, ORG_ID, STANDALONE, STANDALONE_API, STANDALONE_CREDENTIALS, STANDALONE_TOKEN_PATH, USER_ID, mockTokenEndpoint } from '../fixtures';
import { loadOptionsContext } from '../harness/load-options';
import { USER_2, userDto, usersListPath } from '../user/data';

describe('User locator → From List (searchUsers)', () => {
	it('lists through UserPartition on standalone Orchestrator', async () => {
		mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
		nock(STANDALONE)
			.get(`${STANDALONE_API}/UserPartition/users/${ORG_ID}`)
			.query({ top: 100, skip: 0, searchTerm: 'jane' })
			.reply(200, { totalCount: 1, results: [userDto()] });
		const { context, node } = loadOptionsContext({ credentials: STANDALONE_CREDENTIALS });

		const found = await node.methods.listSearch.searchUsers.call(context, 'jane');

		expect(found.results).toEqual([{ name: 'Jane Doe (jane.doe@example.com)', value: USER_ID }]);
	});

	it('lists users with readable labels and pages with skip', async () => {
		const page = Array.from({ length: 100 }, (_, index) =>
			userDto({ id: `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}` }),
		);
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 100, skip: 0 })
			.reply(200, { totalCount: 102, results: page })
			.get(usersListPath)
			.query({ top: 100, skip: 100 })
			.reply(200, {
				totalCount: 102,
				results: [
					userDto({ id: USER_ID, displayName: '', name: 'Max', surname: 'Muster', email: 'max@example.com' }),
					userDto({ id: USER_2, displayName: null, name: null, surname: null, email: '', userName: 'robot7' }),
				],
			});
		const { context, node } = loadOptionsContext();

		const first = await node.methods.listSearch.searchUsers.call(context);
		const second = await node.methods.listSearch.searchUsers.call(context, undefined, first.paginationToken);

		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'Jane Doe (jane.doe@example.com)', value: page[0].id });
		expect(first.paginationToken).toBe('100');
		expect(second).toEqual({
			results: [
				{ name: 'Max Muster (max@example.com)', value: USER_ID },
				{ name: 'robot7', value: USER_2 },
			],
			paginationToken: undefined,
		});
	});

	it('sends the typed filter as search term', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(usersListPath).query({ top: 100, skip: 0, searchTerm: 'jane' }).reply(200, { totalCount: 0, results: [] });
		const { context, node } = loadOptionsContext();

		const found = await node.methods.listSearch.searchUsers.call(context, ' jane ');

		expect(found).toEqual({ results: [], paginationToken: undefined });
	});
});
