import nock from 'nock';

import { CLOUD, USER_ID, everythingShown, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { byId, succeeded, userPath } from './data';

const parameters = { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: '={{ $json.pw }}' };

describe('User → Reset Password', () => {
	it('sets the password with an update, without the current one, and never outputs it', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(userPath(USER_ID), { password: 'Reset-pass-9' }).reply(200, succeeded);

		const { outputs, error } = await runNode({ parameters, items: [{ pw: 'Reset-pass-9' }] });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: { id: USER_ID, passwordReset: true }, pairedItem: { item: 0 } }]);
	});

	it('redacts the password UiPath quotes in a refusal', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(userPath(USER_ID))
			.reply(200, { succeeded: false, errors: [{ code: 'PasswordTooShort', description: "'Pw-9x' is too short." }] })
			.put(userPath(USER_ID))
			.reply(400, { errors: { password: ["'Pw-9x' was used before."] } });

		const { outputs } = await runNode({
			parameters,
			items: [{ pw: 'Pw-9x' }, { pw: 'Pw-9x' }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			"UiPath did not reset the password: PasswordTooShort: '***' is too short. [item 0]",
			"UiPath rejected the request: password: '***' was used before. [item 1]",
		]);
		expect(everythingShown(outputs)).not.toContain('Pw-9x');
	});

	it('refuses an empty password', async () => {
		const { error } = await runNode({ parameters, items: [{ pw: '' }] });

		expect(error?.message).toBe('New Password is empty [item 0]');
	});
});
