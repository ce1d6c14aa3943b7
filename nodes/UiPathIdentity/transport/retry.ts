/**
 * When a failed request may be sent again, and how long to wait first. Pure functions: the
 * transport supplies the clock and the random source, so every decision can be unit-tested.
 */

/** What the retry decision needs to know about one failed attempt. */
export interface AttemptFailure {
	/** HTTP status when UiPath (or a proxy in front of it) answered. */
	status?: number;
	/** Node.js / axios code when no answer arrived, e.g. `ECONNRESET`. */
	networkCode?: string;
	/** The Timeout option fired before an answer arrived. */
	timedOut: boolean;
	/** Wait UiPath asked for in a `Retry-After` header, in milliseconds. */
	retryAfterMs?: number;
}

export interface RetrySettings {
	/** Attempts in total, including the first one; 1 turns retries off. */
	maxTries: number;
	/** Wait before the first retry; doubles for every further retry. */
	retryWaitMs: number;
	/** Upper bound for all waits of one request together. */
	maxTotalWaitMs: number;
}

export type RetryPlan =
	| { retry: true; waitMs: number; rateLimited: boolean }
	| { retry: false; reason?: string };

/**
 * Whether an operation may send its request again, set per request by the operation (the HTTP
 * method alone does not tell):
 * - `safe`: repeating does no harm (reads, searches);
 * - `unsafe`: repeated only when UiPath provably did not receive it (connection refused, HTTP
 *   429 or 503), e.g. create, invite, change or reset a password;
 * - `ambiguous-after-timeout`: repeating does no harm, but after a timeout or a lost connection
 *   the answer to the repeat cannot tell whether the first attempt worked (a Delete that then
 *   meets 404 probably deleted it itself). The transport reports such outcomes as uncertain.
 */
export type RetrySafety = 'safe' | 'unsafe' | 'ambiguous-after-timeout';

/** Default per method when an operation sets nothing: GET reads, PUT/DELETE repeat, POST/PATCH do not. */
export function defaultRetrySafety(method: string): RetrySafety {
	const upper = method.toUpperCase();
	if (upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS') return 'safe';
	if (upper === 'PUT' || upper === 'DELETE') return 'ambiguous-after-timeout';
	return 'unsafe';
}

/**
 * HTTP 429 retries of one request are bounded by the wait budget, and by this count in case
 * UiPath asks for no wait at all (`Retry-After: 0`), so the loop always ends.
 */
export const MAX_RATE_LIMIT_RETRIES = 50;

/** Statuses that usually go away by themselves: rate limit, gateway and availability problems. */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Statuses that mean UiPath refused the request before doing anything with it, so even a request
 * that must not run twice (create, change password, invite) can be sent again.
 */
const REFUSED_BEFORE_PROCESSING = new Set([429, 503]);

/** No connection was ever made: the request cannot have reached UiPath. */
const NEVER_CONNECTED = /^(ECONNREFUSED|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/;

/** The connection broke; UiPath may or may not have received and processed the request. */
const CONNECTION_LOST = /^(ECONNRESET|ECONNABORTED|EPIPE|ETIMEDOUT|ESOCKETTIMEDOUT|ERR_SOCKET_[A-Z_]+)$/;

/** A single wait never exceeds this, however many retries came before. */
const MAX_SINGLE_BACKOFF_MS = 60_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** GET, PUT and DELETE may be repeated safely; POST and PATCH may not (unless the caller says so). */
export function isIdempotentMethod(method: string): boolean {
	return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface CaughtRequestError {
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: {
		code?: string;
		message?: string;
		status?: number;
		response?: { status?: number; headers?: Record<string, unknown> };
	};
}

function header(headers: Record<string, unknown> | undefined, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((entry) => entry.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** Reads what matters for retrying from the error n8n's request helper threw. */
export function classifyFailure(error: unknown, now: number): AttemptFailure {
	const caught = (error ?? {}) as CaughtRequestError;
	const cause = caught.cause ?? {};
	const fromCode = /^\d{3}$/.test(String(caught.httpCode ?? '')) ? Number(caught.httpCode) : undefined;
	const status = fromCode ?? cause.response?.status ?? cause.status;
	const codes = [cause.code, caught.code, caught.httpCode].filter(
		(code): code is string => typeof code === 'string' && /^E[A-Z_]+$/.test(code),
	);
	const networkCode = status === undefined ? codes[0] : undefined;
	// axios reports its own timeout as ECONNABORTED with "timeout of N ms exceeded".
	const timedOut =
		networkCode === 'ETIMEDOUT' ||
		networkCode === 'ESOCKETTIMEDOUT' ||
		(networkCode === 'ECONNABORTED' && /timeout/i.test(cause.message ?? caught.message ?? ''));
	return {
		status,
		networkCode,
		timedOut,
		retryAfterMs: parseRetryAfter(header(cause.response?.headers, 'retry-after'), now),
	};
}

/**
 * The failed attempt may have reached UiPath and been applied: a timeout, a lost connection, or
 * a gateway error (the gateway may have forwarded the request before failing).
 */
export function mayHaveBeenApplied(failure: AttemptFailure): boolean {
	if (failure.status !== undefined) return failure.status === 502 || failure.status === 504;
	return failure.timedOut || CONNECTION_LOST.test(failure.networkCode ?? '');
}

/** Whether sending the same request again is both useful and safe. */
export function isRetryable(failure: AttemptFailure, safety: RetrySafety): boolean {
	const idempotent = safety === 'safe' || safety === 'ambiguous-after-timeout';
	if (failure.status !== undefined) {
		return TRANSIENT_STATUSES.has(failure.status) && (idempotent || REFUSED_BEFORE_PROCESSING.has(failure.status));
	}
	const code = failure.networkCode ?? '';
	if (NEVER_CONNECTED.test(code)) return true;
	return idempotent && (failure.timedOut || CONNECTION_LOST.test(code));
}

/**
 * Exponential backoff with "equal jitter": half the doubled wait is fixed, half is random, so
 * parallel items that failed together do not retry together.
 */
export function backoffMs(retryNumber: number, retryWaitMs: number, random: number): number {
	const exponential = Math.min(MAX_SINGLE_BACKOFF_MS, retryWaitMs * 2 ** Math.max(0, retryNumber - 1));
	return Math.round(exponential / 2 + (random * exponential) / 2);
}

/**
 * Decides about the next attempt after `triesSoFar` attempts (the failed one included) that
 * waited `waitedMs` in total. Attempts per Request bounds the attempts that failed with anything but HTTP
 * 429 (5xx answers, dropped connections, timeouts). HTTP 429 is UiPath asking to wait, not a
 * failure: it is retried within Max Total Retry Wait (and at most MAX_RATE_LIMIT_RETRIES times),
 * however many tries that takes. `Retry-After` wins over the backoff (plus a little jitter); a
 * wait that would break the total budget ends the retries instead of being shortened, because an
 * early retry would just fail again.
 */
export function planRetry(options: {
	failure: AttemptFailure;
	safety: RetrySafety;
	method: string;
	triesSoFar: number;
	waitedMs: number;
	settings: RetrySettings;
	random: number;
	/** How many of the tries so far UiPath answered with HTTP 429 (the failed one included). */
	rateLimitedTries?: number;
}): RetryPlan {
	const { failure, safety, method, triesSoFar, waitedMs, settings, random } = options;
	const rateLimited = failure.status === 429;
	const rateLimitedTries = options.rateLimitedTries ?? (rateLimited ? 1 : 0);
	const failedTries = triesSoFar - rateLimitedTries;
	if (!isRetryable(failure, safety)) {
		const transient =
			(failure.status !== undefined && TRANSIENT_STATUSES.has(failure.status)) ||
			failure.timedOut ||
			CONNECTION_LOST.test(failure.networkCode ?? '');
		return transient
			? {
					retry: false,
					reason: `Not retried: this ${method} request is sent again only when UiPath provably did not receive it (connection refused, HTTP 429 or 503), so it cannot run twice`,
				}
			: { retry: false };
	}
	if (settings.maxTries <= 1) return { retry: false };
	if (rateLimited && rateLimitedTries > MAX_RATE_LIMIT_RETRIES) {
		return { retry: false, reason: `Gave up after ${rateLimitedTries} HTTP 429 answers in a row` };
	}
	if (!rateLimited && failedTries >= settings.maxTries) {
		const counted =
			failedTries === triesSoFar ? `${triesSoFar} tries` : `${triesSoFar} tries (${failedTries} failed, the others were HTTP 429)`;
		return { retry: false, reason: `Gave up after ${counted} (Request Handling → Attempts per Request)` };
	}
	if (waitedMs >= settings.maxTotalWaitMs && settings.maxTotalWaitMs > 0) {
		return {
			retry: false,
			reason: `Gave up after ${triesSoFar} tries: this request waited ${Math.round(waitedMs)} ms in total, the whole of Request Handling → Max Total Retry Wait`,
		};
	}
	const waitMs =
		failure.retryAfterMs !== undefined
			? failure.retryAfterMs + Math.round(random * Math.min(settings.retryWaitMs, 1000))
			: backoffMs(rateLimited ? rateLimitedTries : failedTries, settings.retryWaitMs, random);
	if (waitedMs + waitMs > settings.maxTotalWaitMs) {
		const asked =
			failure.retryAfterMs !== undefined
				? `UiPath asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s (Retry-After)`
				: `The next retry would wait ${waitMs} ms`;
		return {
			retry: false,
			reason: `${asked}, which exceeds Request Handling → Max Total Retry Wait after ${triesSoFar} ${triesSoFar === 1 ? 'try' : 'tries'}`,
		};
	}
	return { retry: true, waitMs, rateLimited };
}
