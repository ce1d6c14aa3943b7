import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, USER_2, usersListPath } from './data';

const invitePath = `${CLOUD_API}/User/InviteUsers`;
const parameters = { resource: 'user', operation: 'invite', email: '={{ $json.email }}' };
const portalLink = (email: string, organizationId = ORG_ID) =>
	`https://cloud.uipath.com/portal_/acceptInvite?organizationId=${organizationId}&emailForUserinvite=${encodeURIComponent(email)}&organizationName=acme&language=en`;
const invited = (email: string, id: string) => ({
	result: { succeeded: true, errors: [] },
	users: [{ email, id, errorMsg: null, success: true }],
});

describe('User → Invite', () => {
	it('invites with a portal link built from the organization in the token, fetching the first token once', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ top: 1 })
			.reply(200, { totalCount: 1, results: [] })
			.post(invitePath, [
				{
					email: 'jane@example.com',
					language: 'en',
					name: 'Jane',
					surname: 'Doe',
					groupIDs: [GROUP_A],
					redirectUrl: portalLink('jane@example.com'),
				},
			])
			.reply(200, invited('jane@example.com', USER_ID))
			.post(invitePath, [{ email: 'max@example.com', language: 'en', redirectUrl: portalLink('max@example.com') }])
			.reply(200, invited('max@example.com', USER_2));

		const { outputs, error } = await runNode({
			parameters: {
				...parameters,
				additionalFields: { firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', groupIds: '={{ $json.groups }}' },
			},
			items: [
				{ email: 'jane@example.com', first: 'Jane', last: 'Doe', groups: [GROUP_A] },
				{ email: 'max@example.com', first: '', last: '', groups: [] },
			],
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { invited: true, id: USER_ID, email: 'jane@example.com' }, pairedItem: { item: 0 } },
			{ json: { invited: true, id: USER_2, email: 'max@example.com' }, pairedItem: { item: 1 } },
		]);
	});

	it('uses the organization ID of the credential without an extra request, and the chosen language', async () => {
		const configured = 'e0000000-0000-4000-8000-000000000001';
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(invitePath, [
				{
					email: 'jane@example.com',
					language: 'de',
					redirectUrl: portalLink('jane@example.com', configured).replace('language=en', 'language=de'),
				},
			])
			.reply(200, invited('jane@example.com', USER_ID));

		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { language: 'de' } },
			items: [{ email: 'jane@example.com' }],
			credentials: { organizationId: configured },
		});

		expect(error).toBeUndefined();
	});

	it('sends a custom Redirect URL as given', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(invitePath, [{ email: 'jane@example.com', language: 'en', redirectUrl: 'https://cloud.uipath.com/portal_/x' }])
			.reply(200, invited('jane@example.com', USER_ID));

		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { redirectUrl: 'https://cloud.uipath.com/portal_/x' } },
			items: [{ email: 'jane@example.com' }],
		});

		expect(error).toBeUndefined();
	});

	it('fails the item when UiPath refuses that invitation although the request succeeded', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(invitePath)
			.reply(200, {
				result: { succeeded: true, errors: [] },
				users: [
					{
						email: 'jane@example.com',
						id: '00000000-0000-0000-0000-000000000000',
						errorMsg: 'Redirect URL is not valid',
						success: false,
					},
				],
			});

		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { redirectUrl: 'https://example.com' } },
			items: [{ email: 'jane@example.com' }],
		});

		expect(error?.message).toBe('UiPath did not invite "jane@example.com": Redirect URL is not valid [item 0]');
		expect(error?.description).toMatch(/portal/);
	});

	it('refuses standalone Orchestrator, which has no portal, before sending', async () => {
		const { error } = await runNode({
			parameters,
			items: [{ email: 'jane@example.com' }],
			credentials: { deployment: 'standalone', baseUrl: 'https://orchestrator.example.com' },
		});

		expect(error?.message).toBe('Invite needs the UiPath portal, which standalone Orchestrator does not have [item 0]');
	});
});
