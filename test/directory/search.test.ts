import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

const searchPath = `${CLOUD_API}/Directory/Search/${ORG_ID}`;
const parameters = { resource: 'directory', operation: 'search', startsWith: '={{ $json.prefix }}' };
const GROUP_ID = 'b0000000-0000-4000-8000-00000000000a';

describe('Directory → Search', () => {
	it('sends prefix, type and repeated source filters, and returns one item per entry with a readable type', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(`${searchPath}?startsWith=jan&entityType=user&sourceFilter=localUsers&sourceFilter=directoryUsers`)
			.reply(200, [
				{
					source: 'local',
					identifier: USER_ID,
					identityName: 'jane.doe@example.com',
					displayName: 'Jane Doe',
					email: 'jane.doe@example.com',
					domain: null,
					type: 0,
					objectType: 'DirectoryUser',
				},
				{ source: 'aad', identifier: GROUP_ID, identityName: 'Janitors', type: 1 },
			]);

		const { outputs, error } = await runNode({
			parameters: { ...parameters, entityType: 'user', options: { sources: ['localUsers', 'directoryUsers'] } },
			items: [{ prefix: ' jan ' }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{
				json: {
					source: 'local',
					identifier: USER_ID,
					identityName: 'jane.doe@example.com',
					displayName: 'Jane Doe',
					email: 'jane.doe@example.com',
					domain: null,
					type: 'user',
					objectType: 'DirectoryUser',
				},
				pairedItem: { item: 0 },
			},
			{
				json: { source: 'aad', identifier: GROUP_ID, identityName: 'Janitors', type: 'group' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('leaves out the entity type for Any and returns nothing for no match', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(searchPath).query({ startsWith: 'zz' }).reply(200, []);

		const { outputs, error } = await runNode({ parameters, items: [{ prefix: 'zz' }] });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
	});

	it.each([401, 403, 404])('says an HTTP %s may mean the endpoint is closed to external applications, naming the access it needs', async (status) => {
		// A 401 is retried once with a new token; 403 and 404 are not.
		const tries = status === 401 ? 2 : 1;
		mockTokenEndpoint(['T1', 'T2'].slice(0, tries));
		nock(CLOUD).get(searchPath).query(true).times(tries).reply(status);

		const { error } = await runNode({ parameters, items: [{ prefix: 'j' }] });

		expect(error?.message).toBe(
			`UiPath refused GET /api/Directory/Search/{organizationId} (HTTP ${status}): this endpoint may not be open to external applications on this deployment [item 0]`,
		);
		if (status === 403) expect(error?.description).toMatch(/has PM.User as an application scope/);
		expect(JSON.stringify(error)).not.toContain('PM.Directory');
	});
});
