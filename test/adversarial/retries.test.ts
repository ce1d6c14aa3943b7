import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { MAY_ALREADY_BE_DONE } from '../../nodes/UiPathIdentity/transport';
import type { IdentityRequest } from '../../nodes/UiPathIdentity/transport';
import { apiPath } from '../../nodes/UiPathIdentity/transport/urls';
import { USER_ID, mockTokenEndpoint } from '../fixtures';
import { transportProbe } from '../transport/probe';
import { hostile, TOKEN, userPath } from './data';
import { runAndScan } from './scan';

/**
 * Class 6 (retries): whether a request is repeated is decided per request (`retry` flag set by
 * the operation, default from the method), and an outcome the retry cannot vouch for is
 * reported as uncertain. nock fails a test on any missing or extra request.
 */

const fast = { retryWait: 1, maxTries: 3, maxTotalRetryWait: 5000 };
const user = { id: USER_ID, name: 'ada' };

function socketError(code: string) {
	return Object.assign(new Error(`socket ${code}`), { code });
}

async function probe(request: Partial<IdentityRequest>, requestOptions: IDataObject = fast) {
	mockTokenEndpoint(['T1']);
	return await runAndScan(
		{
			parameters: { requestOptions },
			nodeType: transportProbe(() => ({ method: 'GET', path: apiPath('User', USER_ID), scope: 'PM.User', ...request })),
		},
		[TOKEN, 'test-secret'],
	);
}

type Fault = (i: nock.Interceptor) => nock.Scope;
const timeout: Fault = (i) => i.delay(1500).reply(200, {});
const reset: Fault = (i) => i.replyWithError(socketError('ECONNRESET'));
const refused: Fault = (i) => i.replyWithError(socketError('ECONNREFUSED'));
const status = (code: number): Fault => (i) => i.reply(code, '');

describe('Class 6: Delete retried after an attempt that may have worked', () => {
	it.each([
		['timeout', timeout, { timeout: 200 }],
		['dropped connection', reset, {}],
		['HTTP 502 (a gateway may have forwarded it)', status(502), {}],
		['HTTP 504', status(504), {}],
	])('%s, then 404: reported as may already be done', async (_name, fault, options) => {
		fault(hostile().delete(userPath()));
		hostile().delete(userPath()).reply(404, '');

		const { outputs, error, leaks } = await probe({ method: 'DELETE' }, { ...fast, ...options });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: { ...MAY_ALREADY_BE_DONE }, pairedItem: { item: 0 } }]);
		expect(leaks).toEqual([]);
	});

	it.each([
		['HTTP 503 (refused before processing)', status(503)],
		['HTTP 429', (i: nock.Interceptor) => i.reply(429, '', { 'Retry-After': '0' })],
		['connection refused', refused],
	])('%s, then 404: a plain not found (the first attempt did nothing)', async (_name, fault) => {
		fault(hostile().delete(userPath()));
		hostile().delete(userPath()).reply(404, '');

		const { error } = await probe({ method: 'DELETE', notFound: 'User "x" was not found' });

		expect(error?.message).toBe('User "x" was not found [item 0]');
	});

	it('a PUT timed out, then refused by a rule: the error says the first attempt may have been applied', async () => {
		hostile().put(userPath()).delay(1500).reply(200, {}).put(userPath()).reply(400, { errors: { password: ['was used before'] } });

		const { error } = await probe({ method: 'PUT', body: { password: 'Long-password-1' }, secrets: ['Long-password-1'] }, { ...fast, timeout: 200 });

		expect(error?.message).toBe('UiPath rejected the request: password: was used before [item 0]');
		expect(error?.description).toMatch(/An earlier attempt timed out or lost its connection and may have been applied by UiPath/);
	});
});

describe('Class 6: retry safety per request', () => {
	it.each([
		['unsafe PUT after timeout', { method: 'PUT', retry: 'unsafe' }, [timeout], { timeout: 200 }, /did not answer within 200 ms/],
		['unsafe PUT after dropped connection', { method: 'PUT', retry: 'unsafe' }, [reset], {}, /Could not reach UiPath Identity \(ECONNRESET\)/],
		['unsafe PUT after 502', { method: 'PUT', retry: 'unsafe' }, [status(502)], {}, /HTTP 502/],
		['POST (default unsafe) after 504', { method: 'POST' }, [status(504)], {}, /HTTP 504/],
	] as const)('%s: not repeated', async (_name, request, faults, options, message) => {
		const scope = hostile();
		for (const fault of faults) fault(request.method === 'PUT' ? scope.put(userPath()) : scope.post(userPath()));

		const { error } = await probe({ ...request, body: {} } as Partial<IdentityRequest>, { ...fast, ...options });

		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Not retried: this (PUT|POST) request is sent again only when UiPath provably did not receive it/);
	});

	it.each([
		['unsafe PUT after connection refused', 'PUT', 'unsafe', refused],
		['unsafe PUT after 503', 'PUT', 'unsafe', status(503)],
		['unsafe PUT after 429', 'PUT', 'unsafe', (i: nock.Interceptor) => i.reply(429, '')],
		['safe POST (a search) after 502', 'POST', 'safe', status(502)],
		['safe POST after timeout', 'POST', 'safe', timeout],
		['GET (default safe) after timeout', 'GET', undefined, timeout],
		['PUT (default) after dropped connection', 'PUT', undefined, reset],
	] as const)('%s: repeated once, then succeeds', async (_name, method, retry, fault) => {
		const intercept = () => (method === 'GET' ? hostile().get(userPath()) : method === 'PUT' ? hostile().put(userPath()) : hostile().post(userPath()));
		fault(intercept());
		intercept().reply(200, user);

		const { outputs, error } = await probe({ method, retry, body: method === 'GET' ? undefined : {} }, { ...fast, timeout: 300 });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual(user);
	});
});

describe('Class 3: every retry loop ends', () => {
	it('HTTP 429 with Retry-After: 0 for ever ends when pacing has used up the wait budget', async () => {
		hostile().get(userPath()).times(3).reply(429, '', { 'Retry-After': '0' });
		// Paced at the slowest rate, so more answers than the budget allows are never asked for.
		hostile().get(userPath()).times(20).optionally().reply(429, '', { 'Retry-After': '0' });

		const started = Date.now();
		const { error } = await probe({}, { ...fast, maxTotalRetryWait: 2500 });

		expect(error?.message).toBe('UiPath rate limit reached (HTTP 429) [item 0]');
		expect(error?.description).toMatch(/Gave up after \d+ tries: this request waited \d+ ms in total, the whole of Request Options → Max Total Retry Wait$/);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('a 503 for ever stops after Max Tries', async () => {
		hostile().get(userPath()).times(3).reply(503, '');

		const { error } = await probe({});

		expect(error?.description).toMatch(/Gave up after 3 tries \(Request Options → Max Tries\)$/);
	});
});
