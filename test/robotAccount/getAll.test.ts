import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { robotDto, robotsPath } from './data';

const parameters = { resource: 'robotAccount', operation: 'getAll' };

function robots(count: number, from = 0) {
	return Array.from({ length: count }, (_, index) =>
		robotDto(`5f2d8c1a-0000-4000-8000-${String(from + index).padStart(12, '0')}`, `bot-${from + index}`),
	);
}

describe('Robot Account → Get Many', () => {
	it('pages through all accounts with top=1000 and skip', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(robotsPath)
			.query({ top: '1000', skip: '0', sortBy: 'Id' })
			.reply(200, { totalCount: 1001, results: robots(1000) })
			.get(robotsPath)
			.query({ top: '1000', skip: '1000', sortBy: 'Id' })
			.reply(200, { totalCount: 1001, results: robots(1, 1000) });

		const { outputs, error } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1001);
		expect(outputs[0][1000]).toEqual({
			json: robotDto('5f2d8c1a-0000-4000-8000-000000001000', 'bot-1000'),
			pairedItem: { item: 0 },
		});
	});

	it('searches with searchTerm and asks for Limit results', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(robotsPath)
			.query({ searchTerm: 'invoice', top: '2', skip: '0' })
			.reply(200, { totalCount: 7, results: robots(2) });

		const { outputs } = await runNode({
			parameters: { ...parameters, limit: 2, filters: { searchTerm: ' invoice ' } },
		});

		expect(outputs[0].map((item) => item.json.name)).toEqual(['bot-0', 'bot-1']);
	});

	it('stops when totalCount is reached even if the page was full', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(robotsPath)
			.query({ top: '1000', skip: '0', sortBy: 'Id' })
			.reply(200, { totalCount: 1000, results: robots(1000) });

		const { outputs } = await runNode({ parameters: { ...parameters, returnAll: true } });

		expect(outputs[0]).toHaveLength(1000);
	});

	it('gives no items when nothing matches', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(robotsPath).query({ top: '50', skip: '0' }).reply(200, { totalCount: 0, results: [] });

		const { outputs, error } = await runNode({ parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
	});

	it('pairs results with each input item', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(robotsPath)
			.query({ searchTerm: 'a', top: '50', skip: '0' })
			.reply(200, { totalCount: 1, results: robots(1) })
			.get(robotsPath)
			.query({ searchTerm: 'b', top: '50', skip: '0' })
			.reply(200, { totalCount: 2, results: robots(2, 5) });

		const { outputs } = await runNode({
			parameters: { ...parameters, filters: { searchTerm: '={{ $json.term }}' } },
			items: [{ term: 'a' }, { term: 'b' }],
		});

		expect(outputs[0].map((item) => [item.json.name, item.pairedItem])).toEqual([
			['bot-0', { item: 0 }],
			['bot-5', { item: 1 }],
			['bot-6', { item: 1 }],
		]);
	});
});
