/**
 * Keeps one run inside UiPath Automation Cloud's Identity rate limits (reference section 5.3):
 * per organization and per 5 minutes, 300 GET, 160 each of PUT, PATCH and DELETE, 24,000 POST.
 * Exceeding them returns HTTP 429, and the budget is shared with everyone in the organization,
 * so waiting before sending is kinder than retrying after being refused.
 */

export const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000;

export const RATE_LIMITS_PER_WINDOW: Readonly<Record<string, number>> = {
	GET: 300,
	POST: 24_000,
	PUT: 160,
	PATCH: 160,
	DELETE: 160,
};

/**
 * A sliding window per HTTP method. `reserve` is synchronous, so parallel items that ask at the
 * same moment get distinct slots without locks.
 */
export class RateLimitPacer {
	/** Planned send times per method, oldest first; never more than the limit. */
	private readonly sendTimes = new Map<string, number[]>();

	/** @param share fraction of each limit this run may use (0 < share ≤ 1) */
	constructor(private readonly share = 1) {}

	limitFor(method: string): number | undefined {
		const limit = RATE_LIMITS_PER_WINDOW[method.toUpperCase()];
		return limit === undefined ? undefined : Math.max(1, Math.floor(limit * this.share));
	}

	/** Books a slot for one request and returns how many milliseconds to wait before sending it. */
	reserve(method: string, now: number): number {
		const limit = this.limitFor(method);
		if (limit === undefined) return 0;
		const key = method.toUpperCase();
		const times = this.sendTimes.get(key) ?? [];
		this.sendTimes.set(key, times);
		while (times.length > 0 && times[0] <= now - RATE_LIMIT_WINDOW_MS) times.shift();
		// The slot frees up when the request `limit` places back leaves the window.
		const at = times.length < limit ? now : Math.max(now, times[times.length - limit] + RATE_LIMIT_WINDOW_MS);
		times.push(at);
		if (times.length > limit) times.splice(0, times.length - limit);
		return at - now;
	}
}
