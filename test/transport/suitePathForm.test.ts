import nock from 'nock';

import { SUITE, SUITE_API, SUITE_CREDENTIALS, SUITE_HOST_API, SUITE_TOKEN_PATH, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { USER_2, userDto } from '../user/data';

const get = (userId: string) => ({ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: userId } });
const items = [{ id: USER_ID }, { id: USER_2 }];
const parameters = { ...get('={{ $json.id }}'), requestOptions: { maxParallelRequests: 1 } };

describe('Automation Suite: organization-level or host-level Identity API', () => {
	it('Automatic: on a cluster that answers only host-level, falls back once on 404 and remembers it for the run', async () => {
		mockTokenEndpoint(['T1'], { base: SUITE, path: SUITE_TOKEN_PATH });
		nock(SUITE)
			.get(`${SUITE_API}/User/${USER_ID}`)
			.reply(404)
			.get(`${SUITE_HOST_API}/User/${USER_ID}`)
			.reply(200, userDto())
			// The second item goes to the host-level form at once: no organization-level mock for it.
			.get(`${SUITE_HOST_API}/User/${USER_2}`)
			.reply(200, userDto({ id: USER_2 }));

		const { outputs, error } = await runNode({ credentials: SUITE_CREDENTIALS, parameters, items });

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json.id)).toEqual([USER_ID, USER_2]);
	});

	it('Automatic: on a cluster that answers organization-level, never asks the host-level form', async () => {
		mockTokenEndpoint(['T1'], { base: SUITE, path: SUITE_TOKEN_PATH });
		nock(SUITE)
			.get(`${SUITE_API}/User/${USER_ID}`)
			.reply(200, userDto())
			.get(`${SUITE_API}/User/${USER_2}`)
			.reply(404);

		const { outputs } = await runNode({ credentials: SUITE_CREDENTIALS, parameters, items, onError: 'continueRegularOutput' });

		expect(outputs[0][0].json.id).toBe(USER_ID);
		expect(outputs[0][1].json.error).toBe(`User "${USER_2}" was not found [item 1]`);
	});

	it('Automatic: a 404 on both forms is the answer (a missing user), not a path problem', async () => {
		mockTokenEndpoint(['T1'], { base: SUITE, path: SUITE_TOKEN_PATH });
		nock(SUITE).get(`${SUITE_API}/User/${USER_ID}`).reply(404).get(`${SUITE_HOST_API}/User/${USER_ID}`).reply(404);

		const { error } = await runNode({ credentials: SUITE_CREDENTIALS, parameters: get(USER_ID) });

		expect(error?.message).toBe(`User "${USER_ID}" was not found [item 0]`);
	});

	it('Host Level: sends to {base}/identity_ only', async () => {
		mockTokenEndpoint(['T1'], { base: SUITE, path: SUITE_TOKEN_PATH });
		nock(SUITE).get(`${SUITE_HOST_API}/User/${USER_ID}`).reply(200, userDto());

		const { outputs, error } = await runNode({ credentials: { ...SUITE_CREDENTIALS, suitePathForm: 'host' }, parameters: get(USER_ID) });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json.id).toBe(USER_ID);
	});

	it('Organization Level: no fallback on 404', async () => {
		mockTokenEndpoint(['T1'], { base: SUITE, path: SUITE_TOKEN_PATH });
		nock(SUITE).get(`${SUITE_API}/User/${USER_ID}`).reply(404);

		const { error } = await runNode({ credentials: { ...SUITE_CREDENTIALS, suitePathForm: 'organization' }, parameters: get(USER_ID) });

		expect(error?.message).toBe(`User "${USER_ID}" was not found [item 0]`);
	});
});
