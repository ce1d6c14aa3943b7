import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { userDto, userPath, usersListPath } from '../user/data';

/** User `n` of a large organization: a distinct ID and email. */
const idOf = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const emailOf = (n: number) => `user${n}@example.com`;
const users = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => userDto({ id: idOf(from + index), email: emailOf(from + index), userName: emailOf(from + index) }));

const parameters = {
	resource: 'user',
	operation: 'get',
	userId: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
};

describe('By Email lookups of one run share one listing of the organization', () => {
	it('resolves 200 By Email items of an organization of 1500 users with 2 listing requests, and searches only the address the listing lacks', async () => {
		mockTokenEndpoint(['T1']);
		let listings = 0;
		let searches = 0;
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(200, () => (listings++, { totalCount: 1500, results: users(1000) }))
			.get(usersListPath)
			.query({ top: 1000, skip: 1000, sortBy: 'Id' })
			.reply(200, () => (listings++, { totalCount: 1500, results: users(500, 1000) }))
			.get(usersListPath)
			.query({ searchTerm: 'new@example.com', top: 1000 })
			.reply(200, () => (searches++, { totalCount: 1, results: [userDto({ id: idOf(9999), email: 'new@example.com' })] }));
		const wanted = Array.from({ length: 199 }, (_, index) => index * 7 + 3);
		for (const n of [...wanted, 9999]) nock(CLOUD).get(userPath(idOf(n))).reply(200, userDto({ id: idOf(n) }));

		const { outputs, error } = await runNode({
			parameters,
			items: [...wanted.map((n) => ({ email: emailOf(n).toUpperCase() })), { email: 'new@example.com' }],
		});

		expect(error).toBeUndefined();
		expect(listings).toBe(2);
		expect(searches).toBe(1);
		expect(outputs[0].map((item) => item.json.id)).toEqual([...wanted, 9999].map(idOf));
	});

	it('reads only the first page of an organization larger than the run, and searches the rest per item', async () => {
		mockTokenEndpoint(['T1']);
		let searches = 0;
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(200, { totalCount: 50_000, results: users(1000) })
			.get(usersListPath)
			.query((query) => query.searchTerm === emailOf(20_000))
			.reply(200, () => (searches++, { totalCount: 1, results: users(1, 20_000) }));
		for (const n of [5, 20_000]) nock(CLOUD).get(userPath(idOf(n))).reply(200, userDto({ id: idOf(n) }));

		const { outputs, error } = await runNode({ parameters, items: [{ email: emailOf(5) }, { email: emailOf(20_000) }] });

		expect(error).toBeUndefined();
		expect(searches).toBe(1);
		expect(outputs[0].map((item) => item.json.id)).toEqual([idOf(5), idOf(20_000)]);
	});

	it('names several users with one email from the listing, like the search does', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(200, { totalCount: 3, results: [...users(2), userDto({ id: idOf(7), email: 'USER0@example.com' })] })
			.get(userPath(idOf(1)))
			.reply(200, userDto({ id: idOf(1) }));

		const { outputs } = await runNode({
			parameters,
			items: [{ email: emailOf(0) }, { email: emailOf(1) }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0][0].json.error).toBe(`2 UiPath users have the email "${emailOf(0)}" [item 0]`);
		expect(outputs[0][1].json.id).toBe(idOf(1));
	});

	it('falls back to one search per item when the listing is refused', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1000, skip: 0, sortBy: 'Id' })
			.reply(503, 'busy')
			.get(usersListPath)
			.query((query) => typeof query.searchTerm === 'string')
			.times(2)
			.reply(200, (uri) => {
				const n = Number(/user(\d+)/.exec(decodeURIComponent(uri))?.[1]);
				return { totalCount: 1, results: users(1, n) };
			});
		for (const n of [1, 2]) nock(CLOUD).get(userPath(idOf(n))).reply(200, userDto({ id: idOf(n) }));

		const { outputs, error } = await runNode({
			parameters: { ...parameters, requestHandling: { attemptsPerRequest: 1 } },
			items: [{ email: emailOf(1) }, { email: emailOf(2) }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json.id)).toEqual([idOf(1), idOf(2)]);
	});
});
