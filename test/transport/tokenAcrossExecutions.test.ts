import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { CLOUD, fakeToken, mockTokenEndpoint } from '../fixtures';
import { baseCredentials, newCredentialsHelper, runNode } from '../harness/run-workflow';
import {
	MAX_REMEMBERED_CREDENTIALS,
	credentialFlight,
	registerCredentialCopy,
	rememberedCredentials,
	sharedTokenRequest,
	waitForFlight,
} from '../../nodes/UiPathIdentity/transport/token-flight';

/**
 * Queue mode: one worker runs many executions at once, each reading the credential from the
 * database on its own. The token request must be single-flight across those executions (keyed by
 * credential), and the executions that waited must read the stored token instead of fetching.
 * Several executions run through n8n-core's WorkflowExecute at the same time, sharing one
 * credentials helper (the "database").
 */

const EXECUTIONS = 8;
const ITEMS = 3;
const ok = { succeeded: true, errors: [] };
const CHANGE_PASSWORD = /\/acme\/identity_\/api\/User\/[^/]+\/changepassword$/;
const bearer = (label: string) => `Bearer ${fakeToken(label)}`;

const itemsOf = (execution: number) =>
	Array.from({ length: ITEMS }, (_v, i) => ({
		id: `a1b2c3d4-0000-4000-8000-${String(execution * 100 + i).padStart(12, '0')}`,
		old: `Old-secret-${execution}-${i}`,
		new: `New-secret-${execution}-${i}`,
	}));

const parameters = {
	resource: 'user',
	operation: 'changePassword',
	userId: '={{ $json.id }}',
	oldPassword: '={{ $json.old }}',
	newPassword: '={{ $json.new }}',
	requestHandling: { maxParallelRequests: 3 },
};

async function runConcurrently(credentialsHelper: ReturnType<typeof newCredentialsHelper>) {
	return await Promise.all(
		Array.from({ length: EXECUTIONS }, async (_v, execution) =>
			await runNode({ parameters, items: itemsOf(execution), credentialsHelper }),
		),
	);
}

afterEach(() => nock.cleanAll());

describe('token requests across concurrent executions of one process', () => {
	it('fetches one token for 8 concurrent executions when none is stored; the others read it from the store', async () => {
		const tokens = nock(CLOUD)
			.post(/\/connect\/token$/)
			.delay(150)
			.reply(200, { access_token: fakeToken('T1'), expires_in: 3600, token_type: 'Bearer' });
		const api = nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T1'))
			.times(EXECUTIONS * ITEMS)
			.reply(200, ok);
		const credentialsHelper = newCredentialsHelper();
		const reads = jest.spyOn(credentialsHelper, 'getDecrypted');

		const results = await runConcurrently(credentialsHelper);

		for (const { error, outputs } of results) {
			expect(error).toBeUndefined();
			expect(outputs[0]).toEqual(Array.from({ length: ITEMS }, (_v, item) => ({ json: ok, pairedItem: { item } })));
		}
		// n8n calls preAuthentication for every execution that saw no token; only one reached UiPath.
		expect(credentialsHelper.preAuthenticationCalls).toBeLessThanOrEqual(EXECUTIONS);
		expect(tokens.isDone()).toBe(true);
		expect(api.isDone()).toBe(true);
		// One read per execution, plus one re-read for each execution that waited for the token.
		expect(reads).toHaveBeenCalledTimes(EXECUTIONS + EXECUTIONS - 1);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T1'));
	});

	it('fetches one new token when the stored token is revoked under 8 concurrent executions', async () => {
		const tokens = mockTokenEndpoint(['T2']);
		let rejected = 0;
		nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T1'))
			.delay(100)
			.times(EXECUTIONS + 1)
			.reply(() => {
				rejected++;
				return [401, ''];
			});
		nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T2'))
			.times(EXECUTIONS * ITEMS)
			.reply(200, ok);
		const credentialsHelper = newCredentialsHelper({ accessToken: fakeToken('T1') });

		const results = await runConcurrently(credentialsHelper);

		for (const { error, outputs } of results) {
			expect(error).toBeUndefined();
			expect(outputs[0]).toHaveLength(ITEMS);
		}
		expect(tokens.isDone()).toBe(true);
		// Each execution's first request was rejected, plus the repeat of the one that fetched.
		expect(rejected).toBe(EXECUTIONS + 1);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T2'));
	});

	it('hands the new token to executions that read the credential while n8n was still storing it', async () => {
		// Queue mode on a loaded worker: the token has arrived, the database write has not finished,
		// and executions starting in that window read a credential without a token.
		const tokens = nock(CLOUD)
			.post(/\/connect\/token$/)
			.delay(100)
			.reply(200, { access_token: fakeToken('T4'), expires_in: 3600, token_type: 'Bearer' });
		const api = nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T4'))
			.times(EXECUTIONS * ITEMS)
			.reply(200, ok);
		const credentialsHelper = newCredentialsHelper();
		credentialsHelper.writeDelayMs = 300;

		const first = runNode({ parameters, items: itemsOf(0), credentialsHelper });
		await sleep(200);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBeFalsy();
		const later = Array.from({ length: EXECUTIONS - 1 }, async (_v, execution) =>
			await runNode({ parameters, items: itemsOf(execution + 1), credentialsHelper }),
		);
		const results = await Promise.all([first, ...later]);

		for (const { error, outputs } of results) {
			expect(error).toBeUndefined();
			expect(outputs[0]).toHaveLength(ITEMS);
		}
		expect(tokens.isDone()).toBe(true);
		expect(api.isDone()).toBe(true);
	});

	it('hands the new token to executions that read the refused one while n8n was still storing its replacement', async () => {
		const tokens = nock(CLOUD)
			.post(/\/connect\/token$/)
			.delay(100)
			.reply(200, { access_token: fakeToken('T11'), expires_in: 3600, token_type: 'Bearer' });
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T10')).reply(401, '').persist();
		const api = nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T11'))
			.times(EXECUTIONS * ITEMS)
			.reply(200, ok);
		const credentialsHelper = newCredentialsHelper({ accessToken: fakeToken('T10') });
		credentialsHelper.writeDelayMs = 300;

		const first = runNode({ parameters, items: itemsOf(0), credentialsHelper });
		await sleep(200);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T10'));
		const later = Array.from({ length: EXECUTIONS - 1 }, async (_v, execution) =>
			await runNode({ parameters, items: itemsOf(execution + 1), credentialsHelper }),
		);
		const results = await Promise.all([first, ...later]);

		for (const { error, outputs } of results) {
			expect(error).toBeUndefined();
			expect(outputs[0]).toHaveLength(ITEMS);
		}
		expect(tokens.isDone()).toBe(true);
		expect(api.isDone()).toBe(true);
	});

	it('does not hand a token to a copy of the credential with other settings (edited meanwhile)', async () => {
		const tokens = mockTokenEndpoint(['T5']);
		const edited = mockTokenEndpoint(['T6'], { scope: 'PM.User' });
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T5')).times(ITEMS).reply(200, ok);
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T6')).times(ITEMS).reply(200, ok);
		const credentialsHelper = newCredentialsHelper();

		expect((await runNode({ parameters, items: itemsOf(0), credentialsHelper })).error).toBeUndefined();
		// The user saves the credential with another scope; n8n empties the stored token.
		const stored = credentialsHelper.store.get('cred-1') ?? {};
		credentialsHelper.store.set('cred-1', { ...stored, scopes: 'PM.User', accessToken: '' });
		expect((await runNode({ parameters, items: itemsOf(1), credentialsHelper })).error).toBeUndefined();

		expect(tokens.isDone()).toBe(true);
		expect(edited.isDone()).toBe(true);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T6'));
	});

	it('fetches a new token when a token another worker stored is refused, rather than reusing an older one of its own', async () => {
		mockTokenEndpoint(['T7']);
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T7')).times(ITEMS).reply(200, ok);
		const credentialsHelper = newCredentialsHelper();
		expect((await runNode({ parameters, items: itemsOf(0), credentialsHelper })).error).toBeUndefined();

		// Another worker stored T8 since; UiPath revoked it (and may have revoked T7 with it).
		const stored = credentialsHelper.store.get('cred-1') ?? {};
		credentialsHelper.store.set('cred-1', { ...stored, accessToken: fakeToken('T8') });
		// Refused once, and once more when the node repeats the request with core's refresh on.
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T8')).times(2).reply(401, '');
		const fresh = mockTokenEndpoint(['T9']);
		nock(CLOUD).post(CHANGE_PASSWORD).matchHeader('authorization', bearer('T9')).times(ITEMS).reply(200, ok);
		const { error, outputs } = await runNode({ parameters, items: itemsOf(1), credentialsHelper });

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(ITEMS);
		expect(fresh.isDone()).toBe(true);
		expect(credentialsHelper.store.get('cred-1')?.accessToken).toBe(fakeToken('T9'));
	});

	it('lets the next execution fetch when the first token request fails, one at a time', async () => {
		nock(CLOUD).post(/\/connect\/token$/).delay(50).reply(503, '');
		const tokens = mockTokenEndpoint(['T3']);
		nock(CLOUD)
			.post(CHANGE_PASSWORD)
			.matchHeader('authorization', bearer('T3'))
			.times((EXECUTIONS - 1) * ITEMS)
			.reply(200, ok);
		const credentialsHelper = newCredentialsHelper();

		const results = await runConcurrently(credentialsHelper);

		const failed = results.filter((result) => result.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].error?.message).toContain('UiPath did not issue an access token');
		expect(tokens.isDone()).toBe(true);
	});
});

describe('token flight bookkeeping', () => {
	it('two items of one run refused together share one new token, although the first already put it into their copy (n8n 1.x refreshes on every 401)', async () => {
		const flight = credentialFlight('shared-copy:1');
		const gate = { seen: flight.generation };
		const copy: Record<string, unknown> = { ...baseCredentials, accessToken: 'revoked' };
		registerCredentialCopy(copy, { flight, gate });
		let fetches = 0;
		const fetch = async () => {
			fetches++;
			await sleep(100);
			return { accessToken: `new-${fetches}` };
		};

		// As core does for each refused request: preAuthentication, then the token goes into the copy.
		const refresh = async () => {
			const { accessToken } = await sharedTokenRequest(copy, fetch);
			copy.accessToken = accessToken;
			return accessToken;
		};
		const tokens = await Promise.all([refresh(), refresh(), refresh()]);

		expect(tokens).toEqual(['new-1', 'new-1', 'new-1']);
		expect(fetches).toBe(1);
	});

	it('remembers a bounded number of credentials, forgetting the least recently used', () => {
		const first = credentialFlight('lru:first');
		for (let i = 0; i < MAX_REMEMBERED_CREDENTIALS + 10; i++) {
			credentialFlight(`lru:${i}`);
			if (i % 10 === 0) credentialFlight('lru:first');
		}
		expect(rememberedCredentials()).toBe(MAX_REMEMBERED_CREDENTIALS);
		expect(credentialFlight('lru:first')).toBe(first);
		expect(credentialFlight('lru:0')).not.toBe(undefined);
	});

	it('stops waiting when the execution is cancelled, and after the time limit', async () => {
		const never = new Promise<void>(() => {});
		const controller = new AbortController();
		const cancelled = waitForFlight(never, controller.signal, 60_000);
		controller.abort();
		await expect(cancelled).resolves.toBeUndefined();

		const started = Date.now();
		await waitForFlight(never, undefined, 50);
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});
