import type { IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import type { RetrySettings } from './retry';

/**
 * Node-level "Request Handling", shown for every resource and operation. Named `requestHandling`
 * so it never clashes with the per-operation `options` collections, and not "Retry"/"Max Tries" so
 * it is not mistaken for n8n's own Retry On Fail setting, which repeats the whole node run.
 */
export const REQUEST_OPTIONS = 'requestHandling';

export const DEFAULT_MAX_PARALLEL_REQUESTS = 5;

export interface RequestSettings extends RetrySettings {
	/** Milliseconds before an unanswered request is abandoned; 0 = no limit. */
	timeoutMs: number;
	maxParallelRequests: number;
	paceRequests: boolean;
	/** Fraction (0–1] of UiPath's rate limits this run may use when pacing. */
	rateLimitShare: number;
}

export const requestOptionsDescription: INodeProperties = {
	displayName: 'Request Handling',
	name: REQUEST_OPTIONS,
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		"How this node sends, retries and paces each request to UiPath; applies to every operation. n8n's Retry On Fail (node Settings) is separate: it reruns the whole node after it failed, so the attempts multiply.",
	options: [
		{
			displayName: 'Attempts per Request',
			name: 'attemptsPerRequest',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 4,
			description:
				"How often this node sends one request, including the first, when UiPath fails temporarily (HTTP 502, 503, 504, dropped connections, timeouts). HTTP 429 is a request to wait and is not counted here (see Max Total Retry Wait). Create, change password and invite requests are repeated only when UiPath provably did not receive them. Use 1 to turn these retries off. With n8n's Retry On Fail also on, the attempts multiply: a request may be sent up to this number times Retry On Fail's Max Tries.",
		},
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_MAX_PARALLEL_REQUESTS,
			description:
				'How many input items are processed at the same time. Output keeps the input order. Use 1 to process items strictly one after another.',
		},
		{
			displayName: 'Max Total Retry Wait (Ms)',
			name: 'maxTotalRetryWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120000,
			description:
				'Longest time one request may spend waiting between retries, in milliseconds. HTTP 429 (rate limit) answers are retried within this budget, however many there are. If UiPath asks (Retry-After) for a longer wait, the item fails instead.',
		},
		{
			displayName: 'Pace Requests to UiPath Rate Limits',
			name: 'paceRequests',
			type: 'boolean',
			default: false,
			description:
				'Whether to wait before sending so this run stays within the Automation Cloud limits per organization and 5 minutes (300 GET, 160 each PUT/PATCH/DELETE, 24,000 POST) instead of running into HTTP 429',
		},
		{
			displayName: 'Rate Limit Share (%)',
			name: 'rateLimitShare',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				'Part of each UiPath rate limit this run may use when pacing, e.g. 50 to leave half for the portal and other integrations of the organization',
		},
		{
			displayName: 'Retry Wait (Ms)',
			name: 'retryWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description:
				'Wait before the first retry in milliseconds; it doubles for each further retry, with random jitter. A Retry-After header from UiPath takes precedence.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30000,
			description:
				'Time to wait for UiPath to answer one request, in milliseconds, before giving up on it. Use 0 for no limit.',
		},
	],
};

function clampedNumber(value: unknown, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return fallback;
	return Math.min(max, Math.max(min, number));
}

function rawOptions(ctx: IExecuteFunctions | ILoadOptionsFunctions, itemIndex: number): Record<string, unknown> {
	// Editor look-ups (resource locator lists) have no items: they read the options as set.
	const raw =
		'getInputData' in ctx
			? ctx.getNodeParameter(REQUEST_OPTIONS, itemIndex, {})
			: ctx.getCurrentNodeParameter(REQUEST_OPTIONS);
	return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

/**
 * Reads the Request Handling of one item, falling back to the defaults shown in the UI. A field
 * of the wrong type never gets here in a run: the runner's type check (shared/parameterTypes.ts)
 * failed its item first.
 */
export function readRequestSettings(ctx: IExecuteFunctions | ILoadOptionsFunctions, itemIndex: number): RequestSettings {
	const raw = rawOptions(ctx, itemIndex);
	return {
		maxTries: Math.round(clampedNumber(raw.attemptsPerRequest, 4, 1, 10)),
		retryWaitMs: clampedNumber(raw.retryWait, 1000, 0, 600_000),
		maxTotalWaitMs: clampedNumber(raw.maxTotalRetryWait, 120_000, 0, 3_600_000),
		timeoutMs: clampedNumber(raw.timeout, 30_000, 0, 3_600_000),
		maxParallelRequests: Math.round(
			clampedNumber(raw.maxParallelRequests, DEFAULT_MAX_PARALLEL_REQUESTS, 1, 50),
		),
		paceRequests: raw.paceRequests === true,
		rateLimitShare: clampedNumber(raw.rateLimitShare, 100, 1, 100) / 100,
	};
}
