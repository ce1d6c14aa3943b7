import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { mockTokenEndpoint } from '../fixtures';
import { runAndScan } from './scan';
import type { ScannedRun } from './scan';
import { FAST, answerBefore, cells, counted, parametersOf, secretsOf } from './matrix';
import type { Operation } from './matrix';

/**
 * Class c: faults on the request of each operation. The item fails after a bounded number of
 * requests (counted at nock), with a short message, and under continueErrorOutput exactly one error
 * item paired with item 0 comes out (no success item, nothing on the main output).
 */

const HUGE = 'x'.repeat(2 * 1024 * 1024);
const socketError = (code: string) => Object.assign(new Error(`socket ${code}`), { code });

interface Fault {
	reply: (interceptor: nock.Interceptor) => nock.Scope;
	/** How many requests reach UiPath, exactly. */
	requests: (op: Operation) => number;
	message: RegExp | ((op: Operation) => RegExp);
	options?: IDataObject;
	tokens?: string[];
}

/** Attempts per Request is 2; creates, password changes and invitations are not repeated after a maybe-received request. */
const retriedUnlessUnsafe = (op: Operation) => (op.unsafe ? 1 : 2);

const faults: Array<[string, Fault]> = [
	[
		'HTTP 500 with a 2 MB body',
		{
			reply: (i) => i.reply(500, HUGE, { 'Content-Type': 'text/plain' }),
			requests: () => 1,
			message: /^UiPath .*HTTP 500.* \[item 0\]$/,
		},
	],
	[
		'connection reset',
		{
			reply: (i) => i.replyWithError(socketError('ECONNRESET')),
			requests: retriedUnlessUnsafe,
			message: /^Could not reach UiPath Identity \(ECONNRESET\) \[item 0\]$/,
		},
	],
	[
		'timeout',
		{
			reply: (i) => i.delay(1000).reply(200, {}),
			requests: retriedUnlessUnsafe,
			message: /^UiPath Identity did not answer within 200 ms \(timeout\) \[item 0\]$/,
		},
	],
	[
		'HTTP 429 with Retry-After for ever',
		{
			reply: (i) => i.reply(429, '', { 'Retry-After': '0' }),
			// The wait budget (300 ms) allows one repeat.
			requests: () => 2,
			message: /^UiPath rate limit reached \(HTTP 429\) \[item 0\]$/,
			options: { maxTotalRetryWait: 300 },
		},
	],
	[
		'HTTP 401 twice (the token is refused after a refresh)',
		{
			reply: (i) => i.reply(401, ''),
			// One request with the first token, one with the refreshed one. Surprising but bounded: a request sent
			// with a token the run already holds (Invite's organization check fetched it) goes once more with it
			// before the refresh (token-gate: the gate's own try, then core's try-refresh-retry).
			requests: (op) => (op.before ? 3 : 2),
			// Documented: a 401 from an endpoint outside the public API may mean it is closed to external applications.
			message: (op) =>
				op.internal
					? new RegExp(
							`^UiPath refused ${op.first.method} /api/\\S+ \\(HTTP 401\\): this endpoint may not be open to external applications on this deployment \\[item 0\\]$`,
						)
					: /^UiPath did not accept the access token \(HTTP 401\) \[item 0\]$/,
			tokens: ['T1', 'T2'],
		},
	],
];

async function runFaulted(op: Operation, fault: Fault): Promise<{ run: ScannedRun; requests: number }> {
	answerBefore(op);
	const target = counted(op.first, fault.reply);
	mockTokenEndpoint(fault.tokens ?? ['T1']);
	const run = await runAndScan(
		{
			parameters: parametersOf(op, {
				requestHandling: { ...FAST, ...fault.options },
			}),
			items: op.items,
			onError: 'continueErrorOutput',
		},
		secretsOf(op),
	);
	return { run, requests: target.count() };
}

describe('Matrix class c: faults end the item, bounded, with one error item', () => {
	it.each(cells<[Fault]>(faults))('%s', async (_name, op, fault) => {
		const { run, requests } = await runFaulted(op, fault);

		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toEqual([]);
		expect(run.outputs[1]).toHaveLength(1);
		const [item] = run.outputs[1];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.error).toMatch(typeof fault.message === 'function' ? fault.message(op) : fault.message);
		expect(String(item.json.error).length).toBeLessThan(300);
		expect(String(item.json.details ?? '').length).toBeLessThan(1000);
		expect(requests).toBe(fault.requests(op));
		expect(run.leaks).toEqual([]);
	});
});
