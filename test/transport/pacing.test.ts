import {
	RATE_LIMIT_WINDOW_MS,
	RATE_LIMITS_PER_WINDOW,
	RateLimitPacer,
} from '../../nodes/UiPathIdentity/transport/pacing';

/** Sends `count` requests as fast as the pacer allows; returns each send time. */
function sendTimes(pacer: RateLimitPacer, method: string, count: number, start = 0): number[] {
	const times: number[] = [];
	let now = start;
	for (let i = 0; i < count; i++) {
		now += pacer.reserve(method, now);
		times.push(now);
	}
	return times;
}

/** Largest number of sends inside any window of 5 minutes. */
function busiestWindow(times: number[]): number {
	let most = 0;
	for (let i = 0; i < times.length; i++) {
		const inWindow = times.filter((t) => t >= times[i] && t < times[i] + RATE_LIMIT_WINDOW_MS).length;
		most = Math.max(most, inWindow);
	}
	return most;
}

describe('RateLimitPacer', () => {
	it('uses the documented Automation Cloud limits', () => {
		expect(RATE_LIMITS_PER_WINDOW).toEqual({ GET: 300, POST: 24_000, PUT: 160, PATCH: 160, DELETE: 160 });
		expect(RATE_LIMIT_WINDOW_MS).toBe(300_000);
	});

	it('lets a run under the limit go at full speed', () => {
		const pacer = new RateLimitPacer();
		expect(sendTimes(pacer, 'DELETE', 160).every((t) => t === 0)).toBe(true);
	});

	it('keeps 500 deletes at 160 per 5 minutes and no slower than needed', () => {
		const times = sendTimes(new RateLimitPacer(), 'DELETE', 500);
		expect(busiestWindow(times)).toBe(160);
		// Request 161 waits exactly until request 1 leaves the window.
		expect(times[159]).toBe(0);
		expect(times[160]).toBe(RATE_LIMIT_WINDOW_MS);
		expect(times[499]).toBe(3 * RATE_LIMIT_WINDOW_MS);
	});

	it('counts each method separately', () => {
		const pacer = new RateLimitPacer();
		sendTimes(pacer, 'PUT', 160);
		expect(pacer.reserve('PUT', 0)).toBe(RATE_LIMIT_WINDOW_MS);
		expect(pacer.reserve('GET', 0)).toBe(0);
		expect(pacer.reserve('PATCH', 0)).toBe(0);
		expect(pacer.reserve('delete', 0)).toBe(0);
	});

	it('frees slots as time passes', () => {
		const pacer = new RateLimitPacer();
		sendTimes(pacer, 'GET', 300, 0);
		expect(pacer.reserve('GET', 100_000)).toBe(200_000);
		expect(pacer.reserve('GET', 400_000)).toBe(0);
	});

	it('uses only the configured share of each limit', () => {
		const pacer = new RateLimitPacer(0.5);
		expect(pacer.limitFor('DELETE')).toBe(80);
		expect(busiestWindow(sendTimes(pacer, 'DELETE', 200))).toBe(80);
	});

	it('does not pace methods without a documented limit', () => {
		expect(new RateLimitPacer().limitFor('HEAD')).toBeUndefined();
		expect(sendTimes(new RateLimitPacer(), 'HEAD', 1000).every((t) => t === 0)).toBe(true);
	});
});
