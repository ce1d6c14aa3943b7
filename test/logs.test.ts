import nock from 'nock';

import { CLOUD, CLOUD_API, USER_ID, fakeToken, mockTokenEndpoint } from './fixtures';
import { runCredentialTest, runNode } from './harness/run-workflow';

const SECRETS = ['test-secret', 'Old-pass-1', 'New-pass-1', fakeToken('T1'), fakeToken('T2')];
const parameters = {
	resource: 'user',
	operation: 'changePassword',
	userId: USER_ID,
	oldPassword: 'Old-pass-1',
	newPassword: 'New-pass-1',
};

declare const captureProcessOutput: (run: () => Promise<unknown>) => Promise<string>;

/** Everything n8n's logger (winston, straight to stdout/stderr) and jest's console print during a run. */
async function captureLogs(run: () => Promise<unknown>): Promise<string> {
	const lines: string[] = [];
	const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : JSON.stringify(arg))).join(' '));
		}),
	);
	try {
		lines.push(await captureProcessOutput(run));
	} finally {
		spies.forEach((spy) => spy.mockRestore());
	}
	return lines.join('\n');
}

describe('logs', () => {
	it('carry no secret, token or password when the run fails in every way we map', async () => {
		mockTokenEndpoint(['T1', 'T2']);
		nock(CLOUD)
			.post(`${CLOUD_API}/User/${USER_ID}/changepassword`)
			.reply(401)
			.post(`${CLOUD_API}/User/${USER_ID}/changepassword`)
			.reply(400, { errors: { newPassword: ["'New-pass-1' was used before"] } });

		const logs = await captureLogs(async () => await runNode({ parameters }));

		expect(logs).toMatch(/UiPath rejected the request: newPassword: '\*\*\*' was used before \[item 0\]/);
		for (const secret of SECRETS) expect(logs).not.toContain(secret);
	});

	it('carry no secret when the token endpoint refuses the client during a credential test', async () => {
		nock(CLOUD).post('/acme/identity_/connect/token').reply(401, { error: 'invalid_client' });

		const logs = await captureLogs(async () => await runCredentialTest());

		expect(logs).toMatch(/client ID or client secret was rejected \(invalid_client\)/);
		for (const secret of SECRETS) expect(logs).not.toContain(secret);
	});
});
