import {
	backoffMs,
	classifyFailure,
	isIdempotentMethod,
	isRetryable,
	parseRetryAfter,
	planRetry,
} from '../../nodes/UiPathIdentity/transport/retry';
import type { AttemptFailure, RetrySettings } from '../../nodes/UiPathIdentity/transport/retry';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const settings: RetrySettings = { maxTries: 4, retryWaitMs: 1000, maxTotalWaitMs: 120_000 };

/** The shape n8n core throws: NodeApiError with httpCode and the axios error as cause. */
function httpError(status: number, headers: Record<string, string> = {}) {
	return { httpCode: String(status), cause: { status, response: { status, headers } } };
}
function networkError(code: string, message = code) {
	return { httpCode: code, cause: { code, message } };
}

describe('Retry-After', () => {
	it.each([
		['0', 0],
		['7', 7000],
		[' 120 ', 120_000],
		['Sun, 01 Jun 2025 12:00:30 GMT', 30_000],
		['Sun, 01 Jun 2025 11:59:00 GMT', 0],
	])('"%s" means wait %d ms', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});

	it.each([[undefined], [''], ['soon'], [{}]])('ignores %p', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});

	it('is read case-insensitively from the response headers', () => {
		expect(classifyFailure(httpError(429, { 'Retry-After': '3' }), NOW).retryAfterMs).toBe(3000);
		expect(classifyFailure(httpError(503, { 'retry-after': '4' }), NOW).retryAfterMs).toBe(4000);
	});
});

describe('classifyFailure', () => {
	it('reads the status of an HTTP answer', () => {
		expect(classifyFailure(httpError(502), NOW)).toEqual({
			status: 502,
			networkCode: undefined,
			timedOut: false,
			retryAfterMs: undefined,
		});
	});

	it('tells an axios timeout from a reset connection', () => {
		expect(classifyFailure(networkError('ECONNABORTED', 'timeout of 50ms exceeded'), NOW)).toMatchObject({
			networkCode: 'ECONNABORTED',
			timedOut: true,
		});
		expect(classifyFailure(networkError('ECONNRESET', 'read ECONNRESET'), NOW)).toMatchObject({
			networkCode: 'ECONNRESET',
			timedOut: false,
		});
		expect(classifyFailure(networkError('ETIMEDOUT'), NOW).timedOut).toBe(true);
	});

	it('knows nothing about errors without status or code (e.g. token endpoint failures)', () => {
		expect(classifyFailure({ message: 'UiPath did not issue an access token' }, NOW)).toEqual({
			status: undefined,
			networkCode: undefined,
			timedOut: false,
			retryAfterMs: undefined,
		});
	});
});

describe('isRetryable', () => {
	const status = (code: number): AttemptFailure => ({ status: code, timedOut: false });
	const network = (code: string, timedOut = false): AttemptFailure => ({ networkCode: code, timedOut });

	// [failure, retried for GET/PUT/DELETE, retried for POST/PATCH]
	it.each<[string, AttemptFailure, boolean, boolean]>([
		['429', status(429), true, true],
		['503', status(503), true, true],
		['502', status(502), true, false],
		['504', status(504), true, false],
		['500', status(500), false, false],
		['400', status(400), false, false],
		['401', status(401), false, false],
		['403', status(403), false, false],
		['404', status(404), false, false],
		['409', status(409), false, false],
		['ECONNREFUSED', network('ECONNREFUSED'), true, true],
		['EAI_AGAIN', network('EAI_AGAIN'), true, true],
		['ECONNRESET', network('ECONNRESET'), true, false],
		['EPIPE', network('EPIPE'), true, false],
		['timeout', network('ECONNABORTED', true), true, false],
		['ENOTFOUND (wrong host)', network('ENOTFOUND'), false, false],
		['certificate error', network('CERT_HAS_EXPIRED'), false, false],
	])('%s: idempotent %p, non-idempotent %p', (_name, failure, idempotent, nonIdempotent) => {
		expect(isRetryable(failure, 'safe')).toBe(idempotent);
		expect(isRetryable(failure, 'unsafe')).toBe(nonIdempotent);
	});

	it('treats GET, PUT and DELETE as idempotent, POST and PATCH not', () => {
		expect(['GET', 'PUT', 'DELETE', 'get'].map(isIdempotentMethod)).toEqual([true, true, true, true]);
		expect(['POST', 'PATCH'].map(isIdempotentMethod)).toEqual([false, false]);
	});
});

describe('backoff', () => {
	it('doubles per retry with half of each wait random', () => {
		expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 0))).toEqual([500, 1000, 2000, 4000]);
		expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 1))).toEqual([1000, 2000, 4000, 8000]);
		expect(backoffMs(2, 1000, 0.5)).toBe(1500);
	});

	it('never waits longer than a minute for one retry', () => {
		expect(backoffMs(20, 1000, 1)).toBe(60_000);
	});
});

describe('planRetry', () => {
	const base = { safety: 'safe' as const, method: 'GET', triesSoFar: 1, waitedMs: 0, settings, random: 0 };

	it('retries a 503 after the backoff', () => {
		expect(planRetry({ ...base, failure: { status: 503, timedOut: false } })).toEqual({ retry: true, waitMs: 500, rateLimited: false });
		expect(planRetry({ ...base, triesSoFar: 3, failure: { status: 503, timedOut: false } })).toEqual({
			retry: true,
			waitMs: 2000,
			rateLimited: false,
		});
	});

	it('waits what Retry-After asks, plus at most a second of jitter', () => {
		const failure = { status: 429, timedOut: false, retryAfterMs: 30_000 };
		expect(planRetry({ ...base, failure })).toEqual({ retry: true, waitMs: 30_000, rateLimited: true });
		expect(planRetry({ ...base, failure, random: 1 })).toEqual({ retry: true, waitMs: 31_000, rateLimited: true });
	});

	it('stops after Attempts per Request failures and says so; Attempts per Request 1 turns retries off', () => {
		expect(planRetry({ ...base, triesSoFar: 4, failure: { status: 503, timedOut: false } })).toEqual({
			retry: false,
			reason: 'Gave up after 4 tries (Request Handling → Attempts per Request)',
		});
		expect(planRetry({ ...base, triesSoFar: 7, rateLimitedTries: 3, failure: { status: 503, timedOut: false } })).toEqual({
			retry: false,
			reason: 'Gave up after 7 tries (4 failed, the others were HTTP 429) (Request Handling → Attempts per Request)',
		});
		expect(
			planRetry({ ...base, triesSoFar: 1, settings: { ...settings, maxTries: 1 }, failure: { status: 429, timedOut: false } }),
		).toEqual({ retry: false });
	});

	it('does not count HTTP 429 against Attempts per Request, only against the wait budget', () => {
		const failure = { status: 429, timedOut: false, retryAfterMs: 1000 };
		expect(planRetry({ ...base, triesSoFar: 9, rateLimitedTries: 9, failure })).toEqual({ retry: true, waitMs: 1000, rateLimited: true });
		expect(planRetry({ ...base, triesSoFar: 9, rateLimitedTries: 9, waitedMs: 119_500, failure })).toEqual({
			retry: false,
			reason: 'UiPath asked to wait 1 s (Retry-After), which exceeds Request Handling → Max Total Retry Wait after 9 tries',
		});
	});

	it('ends a run of 429s that ask for no wait at all', () => {
		const failure = { status: 429, timedOut: false, retryAfterMs: 0 };
		expect(planRetry({ ...base, triesSoFar: 50, rateLimitedTries: 50, failure })).toMatchObject({ retry: true });
		expect(planRetry({ ...base, triesSoFar: 51, rateLimitedTries: 51, failure })).toEqual({
			retry: false,
			reason: 'Gave up after 51 HTTP 429 answers in a row',
		});
	});

	it('does not start a wait that would break Max Total Retry Wait', () => {
		expect(
			planRetry({ ...base, failure: { status: 429, timedOut: false, retryAfterMs: 300_000 } }),
		).toEqual({
			retry: false,
			reason: 'UiPath asked to wait 300 s (Retry-After), which exceeds Request Handling → Max Total Retry Wait after 1 try',
		});
		expect(
			planRetry({ ...base, triesSoFar: 3, waitedMs: 119_000, failure: { status: 503, timedOut: false } }),
		).toEqual({
			retry: false,
			reason: 'The next retry would wait 2000 ms, which exceeds Request Handling → Max Total Retry Wait after 3 tries',
		});
	});

	it('explains why a POST that may have reached UiPath is not repeated', () => {
		expect(
			planRetry({ ...base, safety: 'unsafe' as const, method: 'POST', failure: { networkCode: 'ECONNRESET', timedOut: false } }),
		).toEqual({
			retry: false,
			reason:
				'Not retried: this POST request is sent again only when UiPath provably did not receive it (connection refused, HTTP 429 or 503), so it cannot run twice',
		});
		expect(planRetry({ ...base, safety: 'unsafe' as const, method: 'POST', failure: { status: 404, timedOut: false } })).toEqual({
			retry: false,
		});
	});
});
