import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { loadOptionsContext } from '../harness/load-options';
import { ROBOT_2, ROBOT_ID, robotDto, robotsPath } from '../robotAccount/data';

describe('Robot Account locator → From List (searchRobotAccounts)', () => {
	it('labels robot accounts by display name and name, and pages with skip', async () => {
		const page = Array.from({ length: 100 }, (_, index) =>
			robotDto(`5f2d8c1a-0000-4000-8000-${String(index + 100).padStart(12, '0')}`, `bot-${index}`),
		);
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(robotsPath)
			.query({ top: 100, skip: 0 })
			.reply(200, { totalCount: 102, results: page })
			.get(robotsPath)
			.query({ top: 100, skip: 100 })
			.reply(200, {
				totalCount: 102,
				results: [robotDto(ROBOT_ID, 'invoice-bot'), { ...robotDto(ROBOT_2, 'plain-bot'), displayName: null }],
			});
		const { context, node } = loadOptionsContext();

		const first = await node.methods.listSearch.searchRobotAccounts.call(context);
		const second = await node.methods.listSearch.searchRobotAccounts.call(context, undefined, first.paginationToken);

		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'BOT-0 (bot-0)', value: page[0].id });
		expect(first.paginationToken).toBe('100');
		expect(second).toEqual({
			results: [
				{ name: 'INVOICE-BOT (invoice-bot)', value: ROBOT_ID },
				{ name: 'plain-bot', value: ROBOT_2 },
			],
			paginationToken: undefined,
		});
	});

	it('sends the typed filter as search term and stops on a short page', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(robotsPath)
			.query({ top: 100, skip: 0, searchTerm: 'invoice' })
			.reply(200, { totalCount: 1, results: [robotDto(ROBOT_ID, 'invoice-bot')] });
		const { context, node } = loadOptionsContext();

		const found = await node.methods.listSearch.searchRobotAccounts.call(context, ' invoice ');

		expect(found).toEqual({ results: [{ name: 'INVOICE-BOT (invoice-bot)', value: ROBOT_ID }], paginationToken: undefined });
	});
});
