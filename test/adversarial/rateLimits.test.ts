import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { AdaptivePacer, cancellableWait } from '../../nodes/UiPathIdentity/transport/pacing';
import { apiPath } from '../../nodes/UiPathIdentity/transport/urls';
import { USER_ID, mockTokenEndpoint } from '../fixtures';
import { byId, hostile, userDto, userPath } from './data';
import { runAndScan } from './scan';
import { transportProbe } from '../transport/probe';

/**
 * Class 7 (rate limits) and the waiting half of class 3 (runs that never end): HTTP 429 is a
 * request to wait, retried within Max Total Retry Wait and not counted as a try; the first 429
 * of a run slows the whole run down; every wait gives way to a cancelled execution at once.
 */

const getUser = (requestOptions: IDataObject = {}) => ({
	resource: 'user',
	operation: 'get',
	userId: byId(USER_ID),
	simplify: false,
	requestOptions: { retryWait: 1, ...requestOptions },
});

describe('Class 7: HTTP 429 is a wait, not a failure', () => {
	it("the issue's run: three 429 (Retry-After: 1) then two 503 on the first item, default Max Tries 4: the item succeeds", async () => {
		mockTokenEndpoint(['T1']);
		hostile()
			.get(userPath())
			.times(3)
			.reply(429, '', { 'Retry-After': '1' })
			.get(userPath())
			.times(2)
			.reply(503, '')
			.get(userPath())
			.reply(200, userDto());

		const { outputs, error } = await runAndScan({ parameters: getUser() }, []);

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: { ...userDto(), type: 'user', category: 'local' }, pairedItem: { item: 0 } }]);
	}, 30_000);

	it('a 429 without Retry-After is retried with backoff', async () => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).reply(429, '').get(userPath()).reply(200, userDto());

		const { outputs, error } = await runAndScan({ parameters: getUser({ maxTries: 2 }) }, []);

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
	});

	it('5xx answers still count against Max Tries when 429s come between them', async () => {
		mockTokenEndpoint(['T1']);
		hostile()
			.get(userPath())
			.reply(503, '')
			.get(userPath())
			.reply(429, '', { 'Retry-After': '0' })
			.get(userPath())
			.reply(503, '');

		const { error } = await runAndScan({ parameters: getUser({ maxTries: 2 }) }, []);

		expect(error?.message).toBe('UiPath Identity answered HTTP 503 [item 0]');
		expect(error?.description).toMatch(/Gave up after 3 tries \(2 failed, the others were HTTP 429\) \(Request Options → Max Tries\)$/);
	});

	it('a Retry-After beyond the budget fails at once and says why', async () => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).reply(429, '', { 'Retry-After': '3600' });

		const { error } = await runAndScan({ parameters: getUser({ maxTotalRetryWait: 60_000 }) }, []);

		expect(error?.description).toMatch(/UiPath asked to wait 3600 s \(Retry-After\), which exceeds Request Options → Max Total Retry Wait after 1 try$/);
	});
});

describe('Class 7: adaptive pacing after the first 429 of a run', () => {
	function sequentialGets() {
		return transportProbe(() => ({ method: 'GET', path: apiPath('User', USER_ID), scope: 'PM.User' }));
	}

	it('without a 429, four reads run at full speed', async () => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).times(4).reply(200, {});
		const started = Date.now();

		const { error } = await runAndScan({ parameters: { requestOptions: { retryWait: 1 } }, items: [{}, {}, {}, {}], nodeType: sequentialGets() }, []);

		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('after one 429 (Retry-After: 0) the following reads of the run are spaced out', async () => {
		mockTokenEndpoint(['T1']);
		const sent: number[] = [];
		hostile()
			.get(userPath())
			.reply(429, '', { 'Retry-After': '0' })
			.get(userPath())
			.times(4)
			.reply(() => {
				sent.push(Date.now());
				return [200, {}];
			});

		const { error, outputs } = await runAndScan({ parameters: { requestOptions: { retryWait: 1 } }, items: [{}, {}, {}, {}], nodeType: sequentialGets() }, []);

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(4);
		// Paced at 70 % of the rate measured when the 429 came (at most 2 per second here).
		const gaps = sent.slice(1).map((at, index) => at - sent[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
	}, 20_000);

	describe('AdaptivePacer (clock supplied)', () => {
		it('lets everything through until the first 429', () => {
			const pacer = new AdaptivePacer();
			for (let t = 0; t < 100; t++) {
				expect(pacer.reserve(t)).toBe(0);
				pacer.record(false, t);
			}
			expect(pacer.active).toBe(false);
		});

		it('cuts the rate to 70 % of the measured rate on a 429 and spaces parallel reservations', () => {
			const pacer = new AdaptivePacer();
			// 10 requests per second for two seconds, then a 429.
			for (let t = 0; t <= 2000; t += 100) pacer.record(false, t);
			pacer.record(true, 2000);
			expect(pacer.active).toBe(true);
			expect(pacer.rate).toBeCloseTo(10 * 0.7, 0);
			// Five items asking at the same moment get distinct, increasing slots.
			const waits = [0, 1, 2, 3, 4].map(() => pacer.reserve(2000));
			expect(waits).toEqual([...waits].sort((a, b) => a - b));
			expect(new Set(waits).size).toBe(5);
			expect(waits[4]).toBeGreaterThanOrEqual(Math.floor((4 / pacer.rate) * 1000) - 1);
		});

		it('never drops below half a request per second, and recovers after successes', () => {
			const pacer = new AdaptivePacer();
			pacer.record(false, 0);
			for (let i = 1; i <= 30; i++) pacer.record(true, i * 10);
			expect(pacer.rate).toBe(AdaptivePacer.MIN_RATE);
			const low = pacer.rate;
			let t = 400;
			for (let i = 0; i < 60; i++) {
				t += pacer.reserve(t);
				pacer.record(false, t);
			}
			expect(pacer.rate).toBeGreaterThan(low);
		});
	});
});

describe('Class 3: a cancelled execution stops waiting at once', () => {
	it('a Retry-After of five minutes', async () => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).reply(429, '', { 'Retry-After': '300' });
		const started = Date.now();

		const { run } = await runAndScan(
			{ parameters: getUser({ maxTotalRetryWait: 600_000 }), onStarted: (cancel) => void sleep(300).then(cancel) },
			[],
		);

		expect(Date.now() - started).toBeLessThan(3000);
		expect(run.status).toBe('canceled');
	});

	it('a pacing wait of minutes (Pace Requests with a 1 % share: 3 reads per 5 minutes)', async () => {
		mockTokenEndpoint(['T1']);
		hostile().get(userPath()).times(3).reply(200, {});
		const started = Date.now();

		const { run } = await runAndScan(
			{
				parameters: { requestOptions: { paceRequests: true, rateLimitShare: 1 } },
				items: [{}, {}, {}, {}],
				nodeType: transportProbe(() => ({ method: 'GET', path: apiPath('User', USER_ID), scope: 'PM.User' })),
				onStarted: (cancel) => void sleep(500).then(cancel),
			},
			[],
		);

		expect(Date.now() - started).toBeLessThan(3000);
		expect(run.status).toBe('canceled');
	});

	it('cancellableWait returns at once on abort and leaves no long timer behind', async () => {
		const controller = new AbortController();
		const slept: number[] = [];
		const recordingSleep = async (ms: number) => {
			slept.push(ms);
			await sleep(Math.min(ms, 20));
		};
		const waiting = cancellableWait(10 * 60_000, controller.signal, recordingSleep);
		controller.abort();
		expect(await waiting).toBe('cancelled');
		expect(Math.max(...slept)).toBeLessThanOrEqual(1000);
		expect(await cancellableWait(50, controller.signal, recordingSleep)).toBe('cancelled');
		expect(await cancellableWait(30, undefined, recordingSleep)).toBe('done');
	});
});
