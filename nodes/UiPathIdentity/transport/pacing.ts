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

/**
 * Slows a whole run down once UiPath answered HTTP 429, so the other items in flight do not all
 * run into the same wall. A token bucket whose fill rate follows the AWS SDKs' "adaptive" retry
 * mode (CUBIC congestion control): off until the first 429; each 429 cuts the rate to 70 % of
 * the rate measured at that moment; each success raises it again along a cubic curve towards
 * (and past) the rate at which the last 429 came. `reserve` is synchronous, so parallel items
 * asking at the same moment get distinct slots without locks. Times are in milliseconds, rates
 * in requests per second.
 */
export class AdaptivePacer {
	static readonly BETA = 0.7;

	static readonly SCALE = 0.4;

	static readonly MIN_RATE = 0.5;

	/** The measured send rate is smoothed over half-second buckets. */
	private static readonly BUCKET_MS = 500;

	private static readonly SMOOTHING = 0.8;

	private enabled = false;

	private fillRate = 0;

	private capacity = 0;

	private lastRefill = 0;

	private measuredRate = 0;

	private bucketStart = 0;

	private bucketCount = 0;

	private lastMaxRate = 0;

	private lastThrottle = 0;

	private timeWindowS = 0;

	/** HTTP 429 answers seen in this run; for diagnostics and tests. */
	throttles = 0;

	/** Whether a 429 has been seen, so requests are being paced. */
	get active(): boolean {
		return this.enabled;
	}

	/** The rate requests are let through at while active, in requests per second. */
	get rate(): number {
		return this.fillRate;
	}

	private refill(now: number): void {
		const elapsedS = Math.max(0, now - this.lastRefill) / 1000;
		// Burst of at most one second's worth, and at least one request.
		this.capacity = Math.min(Math.max(1, this.fillRate), this.capacity + elapsedS * this.fillRate);
		this.lastRefill = now;
	}

	/** Books a slot for one request and returns how many milliseconds to wait before sending it. */
	reserve(now: number): number {
		if (!this.enabled) return 0;
		this.refill(now);
		this.capacity -= 1;
		if (this.capacity >= 0) return 0;
		return Math.ceil((-this.capacity / this.fillRate) * 1000);
	}

	private measure(now: number): void {
		if (this.bucketStart === 0) this.bucketStart = now;
		this.bucketCount++;
		const elapsed = now - this.bucketStart;
		if (elapsed >= AdaptivePacer.BUCKET_MS) {
			const current = (this.bucketCount * 1000) / elapsed;
			this.measuredRate =
				this.measuredRate === 0
					? current
					: current * AdaptivePacer.SMOOTHING + this.measuredRate * (1 - AdaptivePacer.SMOOTHING);
			this.bucketStart = now;
			this.bucketCount = 0;
		}
	}

	/** The rate the bucket has measured so far, or a guess from the count when too early. */
	private observedRate(now: number): number {
		if (this.measuredRate > 0) return this.measuredRate;
		const elapsed = Math.max(now - this.bucketStart, AdaptivePacer.BUCKET_MS);
		return (Math.max(1, this.bucketCount) * 1000) / elapsed;
	}

	/** Tells the pacer how an attempt ended: `throttled` for HTTP 429. */
	record(throttled: boolean, now: number): void {
		this.measure(now);
		let rate: number;
		if (throttled) {
			this.throttles++;
			const base = this.enabled ? Math.min(this.observedRate(now), this.fillRate) : this.observedRate(now);
			this.lastMaxRate = base;
			this.timeWindowS = Math.cbrt((this.lastMaxRate * (1 - AdaptivePacer.BETA)) / AdaptivePacer.SCALE);
			this.lastThrottle = now;
			rate = base * AdaptivePacer.BETA;
			if (!this.enabled) {
				this.enabled = true;
				this.lastRefill = now;
				this.capacity = 0;
			}
		} else {
			if (!this.enabled) return;
			const sinceS = (now - this.lastThrottle) / 1000;
			rate = AdaptivePacer.SCALE * (sinceS - this.timeWindowS) ** 3 + this.lastMaxRate;
			rate = Math.min(rate, 2 * this.observedRate(now));
		}
		this.refill(now);
		this.fillRate = Math.max(AdaptivePacer.MIN_RATE, rate);
	}
}

/** What a wait ended with: its time ran out, or the execution was cancelled first. */
export type WaitOutcome = 'done' | 'cancelled';

/** The longest single timer a wait uses, so a cancelled wait leaves no long timer behind. */
const WAIT_SLICE_MS = 1000;

/**
 * Waits `ms`, but returns at once when `signal` (n8n's execution cancel signal) aborts, however
 * long the wait. Made of bounded slices raced against the signal, so nothing outlives a
 * cancelled execution by more than a second, and no wait loops for ever.
 */
export async function cancellableWait(
	ms: number,
	signal: AbortSignal | undefined,
	sleep: (ms: number) => Promise<void>,
): Promise<WaitOutcome> {
	if (signal?.aborted) return 'cancelled';
	if (!(ms > 0)) return 'done';
	let onAbort: () => void = () => {};
	const aborted = new Promise<WaitOutcome>((resolve) => {
		onAbort = () => resolve('cancelled');
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	const slices = async (): Promise<WaitOutcome> => {
		const slicesNeeded = Math.ceil(Math.min(ms, 24 * 3600 * 1000) / WAIT_SLICE_MS);
		let left = ms;
		for (let slice = 0; slice < slicesNeeded && left > 0; slice++) {
			if (signal?.aborted) return 'cancelled';
			const step = Math.min(left, WAIT_SLICE_MS);
			await sleep(step);
			left -= step;
		}
		return signal?.aborted ? 'cancelled' : 'done';
	};
	try {
		return await Promise.race([slices(), aborted]);
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}
