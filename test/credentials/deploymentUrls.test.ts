import nock from 'nock';

import { USER_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

/** Each deployment's token and API URLs, exercised through one real request (User → Change Password). */
const parameters = {
	resource: 'user',
	operation: 'changePassword',
	userId: USER_ID,
	oldPassword: 'Old-pass-1',
	newPassword: 'New-pass-1',
};
const ok = { succeeded: true, errors: [] };

describe('Credential → deployment URLs', () => {
	it.each([
		{
			deployment: 'automationSuite',
			baseUrl: 'https://uipath.example.com/',
			token: ['https://uipath.example.com', '/identity_/connect/token'],
			api: ['https://uipath.example.com', '/acme/identity_/api'],
		},
		{
			deployment: 'standalone',
			baseUrl: 'https://orchestrator.example.com/uipath',
			token: ['https://orchestrator.example.com', '/uipath/identity/connect/token'],
			api: ['https://orchestrator.example.com', '/uipath/identity/api'],
		},
		{
			deployment: 'cloud',
			baseUrl: 'https://govcloud.uipath.us',
			token: ['https://govcloud.uipath.us', '/acme/identity_/connect/token'],
			api: ['https://govcloud.uipath.us', '/acme/identity_/api'],
		},
	])('calls the $deployment URLs for $baseUrl', async ({ deployment, baseUrl, token, api }) => {
		mockTokenEndpoint(['T1'], { base: token[0], path: token[1] });
		nock(api[0])
			.post(`${api[1]}/User/${USER_ID}/changepassword`, { oldPassword: 'Old-pass-1', newPassword: 'New-pass-1' })
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(200, ok);

		const { outputs, error } = await runNode({
			parameters,
			items: [{}],
			credentials: { deployment, baseUrl },
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: ok, pairedItem: { item: 0 } }]);
	});
});
