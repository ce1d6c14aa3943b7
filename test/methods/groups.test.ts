import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { loadOptionsContext } from '../harness/load-options';

async function runLoadOptions(_method: 'getGroups', options: { credentials?: ICredentialDataDecryptedObject } = {}) {
	const { context, node } = loadOptionsContext(options);
	return await node.methods.loadOptions.getGroups.call(context);
}

async function runListSearch(_method: 'searchGroups', filter?: string) {
	const { context, node } = loadOptionsContext();
	return await node.methods.listSearch.searchGroups.call(context, filter);
}

const listPath = `${CLOUD_API}/Group/${ORG_ID}`;
const groups = [
	{ id: '0b7c1a6e-0000-4000-8000-000000000003', name: 'finance robots', type: 1, members: [] },
	{ id: '0b7c1a6e-0000-4000-8000-000000000001', name: 'Administrators', type: 0, members: [] },
	{ id: '0b7c1a6e-0000-4000-8000-000000000002', name: 'Everyone', type: 0, members: [] },
	{ id: '0b7c1a6e-0000-4000-8000-000000000004', name: 'Finance Approvers', type: 1, members: [] },
];

describe('Group lookups (methods.loadOptions.getGroups, methods.listSearch.searchGroups)', () => {
	it('getGroups lists every group of the organization by name, built-in ones marked', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(listPath).matchHeader('authorization', `Bearer ${fakeToken('T1')}`).reply(200, groups);

		const options = await runLoadOptions('getGroups');

		expect(options).toEqual([
			{ name: 'Administrators', value: '0b7c1a6e-0000-4000-8000-000000000001', description: 'Built-in group' },
			{ name: 'Everyone', value: '0b7c1a6e-0000-4000-8000-000000000002', description: 'Built-in group' },
			{ name: 'Finance Approvers', value: '0b7c1a6e-0000-4000-8000-000000000004' },
			{ name: 'finance robots', value: '0b7c1a6e-0000-4000-8000-000000000003' },
		]);
	});

	it('getGroups uses the organization ID from the credential when set', async () => {
		const otherOrg = '11111111-2222-4333-8444-555555555555';
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(`${CLOUD_API}/Group/${otherOrg}`).reply(200, []);

		await expect(runLoadOptions('getGroups', { credentials: { organizationId: otherOrg } })).resolves.toEqual([]);
	});

	it('searchGroups filters by name anywhere, ignoring case, sorted by name', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(listPath).query({}).reply(200, groups);

		const found = await runListSearch('searchGroups', ' FINANCE ');

		expect(found).toEqual({
			results: [
				{ name: 'Finance Approvers', value: '0b7c1a6e-0000-4000-8000-000000000004' },
				{ name: 'finance robots', value: '0b7c1a6e-0000-4000-8000-000000000003' },
			],
		});
	});

	it('searchGroups without a filter returns all groups', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(listPath).reply(200, groups);

		const found = await runListSearch('searchGroups');

		expect(found.results.map((result) => result.name)).toEqual([
			'Administrators',
			'Everyone',
			'Finance Approvers',
			'finance robots',
		]);
	});

	it('explains a missing scope', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(listPath).reply(403);

		const failure = runListSearch('searchGroups', 'x');

		await expect(failure).rejects.toMatchObject({
			message:
				'UiPath refused access (HTTP 403): the token lacks the PM.Group scope or the external application lacks permission [item 0]',
			description: expect.stringContaining('Grant PM.Group to the external application'),
		});
	});

	it('passes the scope-rejection text of UiPath through', async () => {
		mockTokenEndpoint(['T1']);
		const errorMessage = "Scope(s) 'PM.User' is(are) invalid. Expect to have 'PM.Group' or 'PM.Group.Read'. ";
		nock(CLOUD).get(listPath).reply(403, { errorMessage });

		await expect(runLoadOptions('getGroups')).rejects.toMatchObject({ message: `${errorMessage} [item 0]` });
	});
});
