import nock from 'nock';

import { CLOUD, fakeToken, mockTokenEndpoint } from '../fixtures';
import { newCredentialsHelper, runNode } from '../harness/run-workflow';
import type { TestCredentialsHelper } from '../harness/credentials-helper';
import { coreOnlyProbe } from './probe';

/**
 * Many parallel items must never fetch more than one token at a time. The first two tests pin
 * down what n8n core does by itself (why the node needs its TokenGate); the others count the
 * token requests of the node running items in parallel.
 */

const ids = Array.from({ length: 20 }, (_v, i) => `a1b2c3d4-0000-4000-8000-${String(i).padStart(12, '0')}`);
const items = ids.map((id, i) => ({ id, old: `Old-secret-${i}`, new: `New-secret-${i}` }));
const ok = { succeeded: true, errors: [] };
const CHANGE_PASSWORD = /\/acme\/identity_\/api\/User\/[^/]+\/changepassword$/;
const bearer = (label: string) => `Bearer ${fakeToken(label)}`;

const changePassword = (requestHandling: Record<string, unknown>) => ({
	resource: 'user',
	operation: 'changePassword',
	userId: '={{ $json.id }}',
	oldPassword: '={{ $json.old }}',
	newPassword: '={{ $json.new }}',
	requestHandling,
});

/**
 * A credentials helper whose credential type counts how many token requests run at the same time
 * (exactly, by wrapping `preAuthentication`, not by timing).
 */
function countingHelper(credentials?: Record<string, string>) {
	const helper = newCredentialsHelper(credentials);
	const type = (helper as unknown as { types: Record<string, { preAuthentication: (...args: unknown[]) => Promise<unknown> }> }).types
		.uiPathIdentityApi;
	const original = type.preAuthentication;
	const counter = { inFlight: 0, mostAtOnce: 0 };
	type.preAuthentication = async function (this: unknown, ...args: unknown[]) {
		counter.inFlight++;
		counter.mostAtOnce = Math.max(counter.mostAtOnce, counter.inFlight);
		try {
			return await original.apply(this, args);
		} finally {
			counter.inFlight--;
		}
	};
	return { credentialsHelper: helper as TestCredentialsHelper, counter };
}

describe('n8n core on its own (no gate)', () => {
	const getUser = (itemIndex: number) => ({ method: 'GET' as const, url: `/api/User/${ids[itemIndex]}` });

	/** Five parallel GETs through core alone: each one fetched its own token. */
	async function expectOneTokenPerRequest(tokens: nock.Scope, stored?: { accessToken: string }) {
		const { credentialsHelper, counter } = countingHelper(stored);
		const { error } = await runNode({
			parameters: {},
			items: items.slice(0, 5),
			nodeType: coreOnlyProbe(getUser),
			credentialsHelper,
		});

		expect(error).toBeUndefined();
		expect(credentialsHelper.preAuthenticationCalls).toBe(5);
		expect(counter.mostAtOnce).toBe(5);
		expect(tokens.isDone()).toBe(true);
	}

	it('fetches one token per parallel request when the stored token is empty', async () => {
		const tokens = mockTokenEndpoint(['T1', 'T2', 'T3', 'T4', 'T5']);
		nock(CLOUD).get(/\/acme\/identity_\/api\/User\//).times(5).reply(200, {});

		await expectOneTokenPerRequest(tokens);
	});

	it('fetches one token per parallel 401', async () => {
		const tokens = mockTokenEndpoint(['T1', 'T2', 'T3', 'T4', 'T5']);
		nock(CLOUD)
			.get(/\/acme\/identity_\/api\/User\//)
			.matchHeader('authorization', bearer('T0'))
			.times(5)
			.reply(401, '')
			.get(/\/acme\/identity_\/api\/User\//)
			.times(5)
			.reply(200, {});

		await expectOneTokenPerRequest(tokens, { accessToken: fakeToken('T0') });
	});
});

describe('UiPath Identity node with parallel items', () => {
	it('fetches exactly one token for 20 items, 5 at a time, when none is stored', async () => {
		const tokens = mockTokenEndpoint(['T1']);
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T1')).times(20).reply(200, ok);

		const { credentialsHelper, counter } = countingHelper();
		const { outputs, error } = await runNode({
			parameters: changePassword({ maxParallelRequests: 5 }),
			items,
			credentialsHelper,
		});

		expect(error).toBeUndefined();
		expect(credentialsHelper.preAuthenticationCalls).toBe(1);
		expect(counter.mostAtOnce).toBe(1);
		expect(tokens.isDone()).toBe(true);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
	});

	it('fetches no token when a valid one is stored, and decrypts the credential once per run', async () => {
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T1')).times(20).reply(200, ok);
		const credentialsHelper = newCredentialsHelper({ accessToken: fakeToken('T1') });
		const reads = jest.spyOn(credentialsHelper, 'getDecrypted');

		const { error } = await runNode({
			parameters: changePassword({ maxParallelRequests: 5 }),
			items,
			credentialsHelper,
		});

		expect(error).toBeUndefined();
		expect(credentialsHelper.preAuthenticationCalls).toBe(0);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('fetches exactly one new token when the token expires while 5 requests are in flight', async () => {
		const tokens = mockTokenEndpoint(['T2']);
		// T1 works for the first request, then UiPath rejects it: the 5 requests sent next all
		// get 401, one of them repeats with core's refresh (401 again, new token T2, success),
		// the other four wait for T2 and repeat; every later item uses T2.
		nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T1'))
			.reply(200, ok)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T1'))
			.times(6)
			.reply(401, '')
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T2'))
			.times(19)
			.reply(200, ok);

		const { credentialsHelper, counter } = countingHelper({ accessToken: fakeToken('T1') });
		const { outputs, error } = await runNode({
			parameters: changePassword({ maxParallelRequests: 5 }),
			items,
			credentialsHelper,
		});

		expect(error).toBeUndefined();
		expect(credentialsHelper.preAuthenticationCalls).toBe(1);
		expect(counter.mostAtOnce).toBe(1);
		expect(tokens.isDone()).toBe(true);
		expect(outputs[0]).toEqual(ids.map((_id, item) => ({ json: ok, pairedItem: { item } })));
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T2'));
	});

	it('fetches one token at a time when the token endpoint fails, and fails every item with its message', async () => {
		nock(CLOUD)
			.post(/\/connect\/token$/)
			.times(4)
			.reply(400, { error: 'invalid_client' });

		const { credentialsHelper, counter } = countingHelper();
		const { outputs, error } = await runNode({
			parameters: changePassword({ maxParallelRequests: 4 }),
			items: items.slice(0, 4),
			onError: 'continueRegularOutput',
			credentialsHelper,
		});

		expect(error).toBeUndefined();
		expect(credentialsHelper.preAuthenticationCalls).toBe(4);
		expect(counter.mostAtOnce).toBe(1);
		expect(outputs[0]).toHaveLength(4);
		outputs[0].forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.error).toBe(
				`UiPath did not issue an access token: the client ID or client secret was rejected (invalid_client) [item ${index}]`,
			);
		});
	});
});
