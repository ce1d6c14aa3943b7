import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CLOUD, CLOUD_API, USER_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

/**
 * Errors as n8n's own nodes give them: a UiPath refusal is a NodeApiError that keeps UiPath's
 * answer (redacted) in the error details; network failures and timeouts are NodeApiErrors too.
 */

type ErrorWithDetails = { name?: string; message: string; httpCode?: string | null; context?: IDataObject };

const resetPassword = {
	resource: 'user',
	operation: 'resetPassword',
	userId: USER_ID,
	password: 'Sup3r-Secret!',
	requestHandling: { attemptsPerRequest: 1 },
};

describe('Error details', () => {
	it("keeps UiPath's answer of a refusal in the error details, without the password or a token", async () => {
		mockTokenEndpoint(['T1']);
		const answer = {
			title: 'One or more validation errors occurred.',
			status: 400,
			errors: { Password: ['Sup3r-Secret! is not allowed', `seen with Bearer ${fakeToken('T1')}`] },
		};
		nock(CLOUD).put(`${CLOUD_API}/User/${USER_ID}`).reply(400, answer);

		const { error } = await runNode({ parameters: resetPassword });
		const details = error as ErrorWithDetails;

		expect(details.name).toBe('NodeApiError');
		expect(details.httpCode).toBe('400');
		expect(details.context?.data).toEqual({
			title: 'One or more validation errors occurred.',
			status: 400,
			errors: { Password: ['*** is not allowed', 'seen with Bearer ***'] },
		});
		expect(JSON.stringify({ context: details.context, message: details.message })).not.toContain('Sup3r-Secret!');
	});

	it('makes a refused connection a NodeApiError that names the code', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(`${CLOUD_API}/User/${USER_ID}`)
			.replyWithError(Object.assign(new Error('socket ECONNREFUSED'), { code: 'ECONNREFUSED' }));

		const { error } = await runNode({ parameters: resetPassword });
		const details = error as ErrorWithDetails;

		expect(details.name).toBe('NodeApiError');
		expect(details.message).toBe('Could not reach UiPath Identity (ECONNREFUSED) [item 0]');
	});

	it('makes a timeout a NodeApiError that names the Timeout in force', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(`${CLOUD_API}/User/${USER_ID}`).delay(1000).reply(200, { id: USER_ID });

		const { error } = await runNode({
			parameters: { resource: 'user', operation: 'get', userId: USER_ID, requestHandling: { attemptsPerRequest: 1, timeout: 100 } },
		});
		const details = error as ErrorWithDetails;

		expect(details.name).toBe('NodeApiError');
		expect(details.message).toBe('UiPath Identity did not answer within 100 ms (timeout) [item 0]');
	});
});
