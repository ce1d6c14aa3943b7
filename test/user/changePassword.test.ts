import nock from 'nock';

import {
	CLOUD,
	CLOUD_API,
	ORG_ID,
	USER_ID,
	everythingShown,
	fakeToken,
	mockTokenEndpoint,
} from '../fixtures';
import { runNode } from '../harness/run-workflow';

const parameters = {
	resource: 'user',
	operation: 'changePassword',
	userId: '={{ $json.id }}',
	oldPassword: '={{ $json.old }}',
	newPassword: '={{ $json.new }}',
};
const items = [
	{ id: USER_ID, old: 'Old-pass-1', new: 'New-pass-1' },
	{ id: 'a1b2c3d4-0000-4000-8000-000000000002', old: 'Old-pass-2', new: 'New-pass-2' },
];
const secrets = ['client-secret-x1', 'Old-pass-1', 'New-pass-1', 'Old-pass-2', 'New-pass-2'];

function expectNoSecrets(value: unknown) {
	const shown = everythingShown(value);
	for (const secret of [...secrets, fakeToken('T1'), fakeToken('T2')]) {
		expect(shown).not.toContain(secret);
	}
}

describe('User → Change Password', () => {
	it('changes two passwords with one token and keeps item pairing', async () => {
		const token = mockTokenEndpoint(['T1']);
		const api = nock(CLOUD)
			.post(`${CLOUD_API}/User/${USER_ID}/changepassword`, { oldPassword: 'Old-pass-1', newPassword: 'New-pass-1' })
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.matchHeader('content-type', /application\/json/)
			.reply(200, { succeeded: true, errors: [] })
			.post(`${CLOUD_API}/User/a1b2c3d4-0000-4000-8000-000000000002/changepassword`, {
				oldPassword: 'Old-pass-2',
				newPassword: 'New-pass-2',
			})
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(200, { succeeded: true, errors: [] });

		const { outputs, error, credentialsHelper } = await runNode({ parameters, items });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { succeeded: true, errors: [] }, pairedItem: { item: 0 } },
			{ json: { succeeded: true, errors: [] }, pairedItem: { item: 1 } },
		]);
		expect(credentialsHelper.preAuthenticationCalls).toBe(1);
		expect(token.isDone() && api.isDone()).toBe(true);
		expectNoSecrets(outputs);
		expect(ORG_ID).toBeTruthy();
	});
});
