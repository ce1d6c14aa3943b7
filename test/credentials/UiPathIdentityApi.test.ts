import nock from 'nock';

import {
	CLOUD,
	CLOUD_API,
	ORG_ID,
	STANDALONE,
	STANDALONE_API,
	STANDALONE_CREDENTIALS,
	STANDALONE_TOKEN_PATH,
	USER_ID,
	everythingShown,
	fakeToken,
	mockTokenEndpoint,
} from '../fixtures';
import { runCredentialTest, runNode } from '../harness/run-workflow';

const OTHER_ORG = '11111111-2222-4333-8444-555555555555';
const changePassword = {
	resource: 'user',
	operation: 'changePassword',
	userId: USER_ID,
	oldPassword: 'Old-pass-1',
	newPassword: 'New-pass-1',
};

describe('UiPath Identity API credential', () => {
	describe('Test button', () => {
		it('fetches a fresh token and lists one user of the organization from the token', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD)
				.get(`${CLOUD_API}/User/users/${ORG_ID}`)
				.query({ top: 1 })
				.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
				.reply(200, { totalCount: 1, results: [{ id: USER_ID }] });

			const result = await runCredentialTest();

			expect(result.status).toBe('OK');
			expect(result.credentialsHelper.preAuthenticationCalls).toBe(1);
		});

		it('re-mints the token even when one is stored, so edited secrets and scopes take effect', async () => {
			mockTokenEndpoint(['T2']);
			nock(CLOUD)
				.get(`${CLOUD_API}/User/users/${OTHER_ORG}`)
				.query({ top: 1 })
				.matchHeader('authorization', `Bearer ${fakeToken('T2')}`)
				.reply(200, { totalCount: 0, results: [] });

			const result = await runCredentialTest({ accessToken: fakeToken('OLD'), organizationId: OTHER_ORG });

			expect(result.status).toBe('OK');
		});

		it('says which scope to grant when UiPath answers 403', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(`${CLOUD_API}/User/users/${ORG_ID}`).query({ top: 1 }).reply(403);

			const result = await runCredentialTest();

			expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/refused the read the Test tried.*PM.User lists users/) });
		});

		it('on standalone Orchestrator lists users through UserPartition and passes', async () => {
			mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
			nock(STANDALONE)
				.get(`${STANDALONE_API}/UserPartition/users/${ORG_ID}`)
				.query({ top: 1 })
				.reply(200, { totalCount: 1, results: [{ id: USER_ID }] });

			const result = await runCredentialTest(STANDALONE_CREDENTIALS);

			expect(result.status).toBe('OK');
		});

		it('on standalone says what is wrong when UserPartition is refused (404)', async () => {
			mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
			nock(STANDALONE).get(`${STANDALONE_API}/UserPartition/users/${ORG_ID}`).query({ top: 1 }).reply(404);

			const result = await runCredentialTest(STANDALONE_CREDENTIALS);

			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/Standalone Orchestrator lists users on \/identity\/api\/UserPartition\/users/);
			expect(result.message).toMatch(/may not be open to external applications on this deployment/);
		});

		it('tests with the first resource in Scopes, so an app granted only PM.RobotAccount passes', async () => {
			mockTokenEndpoint(['T1'], { scope: 'PM.RobotAccount' });
			nock(CLOUD)
				.get(`${CLOUD_API}/RobotAccount/${ORG_ID}`)
				.query({ top: 1 })
				.reply(200, { totalCount: 0, results: [] });

			const result = await runCredentialTest({ scopes: 'PM.RobotAccount' });

			expect(result.status).toBe('OK');
		});

		it('tests with groups when PM.Group.Read comes first', async () => {
			mockTokenEndpoint(['T1'], { scope: 'PM.Group.Read PM.User' });
			nock(CLOUD).get(`${CLOUD_API}/Group/${ORG_ID}`).reply(200, []);

			const result = await runCredentialTest({ scopes: 'PM.Group.Read PM.User' });

			expect(result.status).toBe('OK');
		});

		it('says to check the URL settings when the organization is unknown (404)', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(`${CLOUD_API}/User/users/${ORG_ID}`).query({ top: 1 }).reply(404);

			const result = await runCredentialTest();

			expect(result.message).toMatch(/check Deployment Type, Base URL and Organization Name/);
		});

		it('explains a rejected client secret without echoing it', async () => {
			nock(CLOUD).post('/acme/identity_/connect/token').reply(400, { error: 'invalid_client' });

			const result = await runCredentialTest({ clientSecret: 'wrong-secret-value' });

			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				'UiPath did not issue an access token: the client ID or client secret was rejected (invalid_client)',
			);
			expect(everythingShown(result)).not.toContain('wrong-secret-value');
		});
	});

	describe('token endpoint failures during a run', () => {
		it('names an undocumented scope such as PM.Directory as the one to remove on invalid_scope', async () => {
			nock(CLOUD).post('/acme/identity_/connect/token').reply(400, { error: 'invalid_scope' });

			const { error } = await runNode({ parameters: changePassword, credentials: { scopes: 'PM.User PM.Directory' } });

			expect(error?.message).toBe('UiPath did not issue an access token: invalid_scope: remove PM.Directory from Scopes (requested "PM.User PM.Directory") [item 0]');
			expect(error?.description).toMatch(/UiPath documents no scope named PM.Directory/);
		});

		it.each([
			[400, { error: 'invalid_client', error_description: 'secret wrong-secret-value unknown' }, /client ID or client secret was rejected \(invalid_client\)/],
			[401, '', /client ID or client secret was rejected \(HTTP 401\)/],
			[400, { error: 'invalid_scope' }, /invalid_scope: one of PM.User, PM.Group is not granted to the external application \(requested "PM.User PM.Group"\)/],
			[404, 'Not Found', /token endpoint .* does not exist \(HTTP 404\)/],
			[503, 'busy', /could not be reached \(HTTP 503\)/],
		])('HTTP %s %j gives a clear error', async (status, body, message) => {
			nock(CLOUD).post('/acme/identity_/connect/token').reply(status, body);

			const { error } = await runNode({
				parameters: changePassword,
				credentials: { clientSecret: 'wrong-secret-value' },
			});

			expect(error?.message).toMatch(message);
			expect(error?.message).toMatch(/\[item 0\]$/);
			expect(error?.description).toBeTruthy();
			expect(everythingShown(error)).not.toContain('wrong-secret-value');
		});

		it('refuses a plain http Base URL before sending the secret anywhere', async () => {
			const { error } = await runNode({
				parameters: changePassword,
				credentials: { baseUrl: 'http://cloud.uipath.com' },
			});

			expect(error?.message).toBe("'Base URL' must use https: \"http://cloud.uipath.com\" [item 0]");
		});

		it('allows plain http on loopback, e.g. a local simulator', async () => {
			mockTokenEndpoint(['T1'], { base: 'http://127.0.0.1:8899' });
			nock('http://127.0.0.1:8899').post(`${CLOUD_API}/User/${USER_ID}/changepassword`).reply(200, { succeeded: true, errors: [] });

			const { error, outputs } = await runNode({
				parameters: changePassword,
				credentials: { baseUrl: 'http://127.0.0.1:8899' },
			});

			expect(error).toBeUndefined();
			expect(outputs[0][0].json).toEqual({ succeeded: true, errors: [] });
		});
	});

	describe('organization ID', () => {
		it('uses the configured GUID over the token claim', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(`${CLOUD_API}/User/users/${OTHER_ORG}`).query({ top: 1 }).reply(200, { totalCount: 0, results: [] });

			expect((await runCredentialTest({ organizationId: OTHER_ORG })).status).toBe('OK');
		});

		it('rejects a configured value that is not a GUID', async () => {
			mockTokenEndpoint(['T1']);

			const result = await runCredentialTest({ organizationId: 'acme' });

			expect(result.message).toMatch(/'Organization ID' in the UiPath Identity credential is not a valid ID: "acme"/);
		});

		it('asks for the ID when the token carries no prt_id', async () => {
			nock(CLOUD).post('/acme/identity_/connect/token').reply(200, { access_token: 'opaque-token', expires_in: 3600 });

			const result = await runCredentialTest();

			expect(result.message).toMatch(/The organization ID is unknown/);
		});
	});
});
