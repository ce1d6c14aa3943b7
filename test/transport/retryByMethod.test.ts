import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CLOUD, CLOUD_API, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import type { IdentityRequest } from '../../nodes/UiPathIdentity/transport';
import { apiPath } from '../../nodes/UiPathIdentity/transport/urls';
import { transportProbe } from './probe';

/**
 * Retries by method, through the transport alone: GET, PUT and DELETE are repeated after any
 * temporary failure; POST only when UiPath provably did not receive it, unless the caller marks
 * it safe to repeat (`retry: 'safe'`). Waits are 1 ms (no timing is asserted); nock fails on a missing or extra request.
 */

const userUrl = `${CLOUD_API}/User/${USER_ID}`;
const fast = { retryWait: 1, attemptsPerRequest: 3, maxTotalRetryWait: 5000 };
const user = { id: USER_ID, name: 'ada' };

function socketError(code: string) {
	return Object.assign(new Error(`socket ${code}`), { code });
}

async function run(request: Partial<IdentityRequest>, requestHandling: IDataObject = fast) {
	mockTokenEndpoint(['T1']);
	return await runNode({
		parameters: { requestHandling },
		nodeType: transportProbe(() => ({
			method: 'GET',
			path: apiPath('User', USER_ID),
			scope: 'PM.User',
			...request,
		})),
	});
}

describe('Retries by method', () => {
	it.each([
		['ECONNRESET', (i: nock.Interceptor) => i.replyWithError(socketError('ECONNRESET'))],
		['502', (i: nock.Interceptor) => i.reply(502, '')],
		['504', (i: nock.Interceptor) => i.reply(504, '')],
		['429 with Retry-After 0', (i: nock.Interceptor) => i.reply(429, '', { 'Retry-After': '0' })],
	])('repeats a GET after %s', async (_name, fault) => {
		fault(nock(CLOUD).get(userUrl));
		nock(CLOUD).get(userUrl).reply(200, user);

		const { outputs, error } = await run({});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: user, pairedItem: { item: 0 } }]);
	});

	it('repeats a GET that timed out', async () => {
		nock(CLOUD).get(userUrl).delay(1500).reply(200, { late: true }).get(userUrl).reply(200, user);

		const { outputs, error } = await run({}, { ...fast, timeout: 200 });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual(user);
	});

	it('repeats PUT and DELETE after a dropped connection', async () => {
		nock(CLOUD)
			.put(userUrl, { name: 'ada' })
			.replyWithError(socketError('ECONNRESET'))
			.put(userUrl, { name: 'ada' })
			.reply(200, user)
			.delete(userUrl)
			.reply(503, '')
			.delete(userUrl)
			.reply(204);

		const put = await run({ method: 'PUT', body: { name: 'ada' } });
		const del = await runNode({
			parameters: { requestHandling: fast },
			credentialsHelper: put.credentialsHelper,
			nodeType: transportProbe(() => ({ method: 'DELETE', path: apiPath('User', USER_ID), scope: 'PM.User' })),
		});

		expect(put.error).toBeUndefined();
		expect(put.outputs[0][0].json).toEqual(user);
		expect(del.error).toBeUndefined();
		expect(del.outputs[0]).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
	});

	it('gives up after Attempts per Request and says how often it tried', async () => {
		nock(CLOUD).get(userUrl).times(3).reply(503, '');

		const { error } = await run({});

		expect(error?.message).toBe('UiPath Identity answered HTTP 503 [item 0]');
		expect(error?.description).toBe(
			'UiPath had a temporary problem; try again later. Gave up after 3 tries (Request Handling → Attempts per Request)',
		);
	});

	it('does not retry at all with Attempts per Request 1', async () => {
		nock(CLOUD).get(userUrl).reply(503, '');

		const { error } = await run({}, { attemptsPerRequest: 1 });

		expect(error?.message).toBe('UiPath Identity answered HTTP 503 [item 0]');
		expect(error?.description).toBe('UiPath had a temporary problem; try again later');
	});

	it('does not repeat a POST after 502, but does after connection refused', async () => {
		nock(CLOUD)
			.post(userUrl)
			.reply(502, '')
			.post(userUrl)
			.replyWithError(socketError('ECONNREFUSED'))
			.post(userUrl)
			.reply(201, user);

		const first = await run({ method: 'POST', body: {} });
		const second = await runNode({
			parameters: { requestHandling: fast },
			credentialsHelper: first.credentialsHelper,
			nodeType: transportProbe(() => ({ method: 'POST', path: apiPath('User', USER_ID), body: {}, scope: 'PM.User' })),
		});

		expect(first.error?.message).toBe('UiPath Identity answered HTTP 502 [item 0]');
		expect(first.error?.description).toMatch(/Not retried: this POST request is sent again only when UiPath provably did not receive it/);
		expect(second.error).toBeUndefined();
		expect(second.outputs[0][0].json).toEqual(user);
	});

	it('repeats a POST the operation marked safe to repeat (e.g. a search)', async () => {
		nock(CLOUD).post(userUrl).reply(502, '').post(userUrl).reply(200, { results: [] });

		const { outputs, error } = await run({ method: 'POST', body: {}, retry: 'safe' });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual({ results: [] });
	});

	it('sends the request unchanged on every try', async () => {
		const bodies: unknown[] = [];
		nock(CLOUD)
			.put(userUrl)
			.query({ a: '1' })
			.times(2)
			.reply((_uri, body) => {
				bodies.push(body);
				return bodies.length === 1 ? [503, ''] : [200, user];
			});

		const { error } = await run({ method: 'PUT', qs: { a: 1 }, body: { name: 'ada' } });

		expect(error).toBeUndefined();
		expect(bodies).toEqual([{ name: 'ada' }, { name: 'ada' }]);
	});
});
