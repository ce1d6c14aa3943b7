import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { hasShape, isMalformed, wrongShapeError } from './answer';
import type { AnswerShape } from './answer';
import { DRY_RUN_ANSWER, recordIfDryRun } from './dryRun';
import { malformedAnswerError, toNodeError, withItem } from './errors';
import type { RequestSubject } from './errors';
import { readRequestSettings } from './options';
import { isIdentityResult, redactAnswer } from './redact';
import type { IdentityResultBody } from './redact';
import { MAX_RATE_LIMIT_RETRIES, classifyFailure, defaultRetrySafety, mayHaveBeenApplied, planRetry } from './retry';
import type { RetrySafety } from './retry';
import { CREDENTIAL_TYPE, adaptivePacer, cancelSignal, cancelledError, sendOnSuiteForm, waitOrStop } from './send';
import { runSession, sharedCredentials } from './session';
import type { RequestContext } from './session';

export type { RetrySafety } from './retry';
export { CREDENTIAL_TYPE } from './send';

export interface IdentityRequest extends RequestSubject {
	method: IHttpRequestMethods;
	/** Built with `apiPath()`, relative to the Identity API base URL of the credential. */
	path: string;
	qs?: IDataObject;
	/** An object, or a list for endpoints such as InviteUsers that take a JSON array. */
	body?: IDataObject | IDataObject[];
	/** Return an HTTP 400 IdentityResult as data instead of failing (UiPath reports rule failures so). */
	identityResultAsData?: boolean;
	/** Return `NOT_FOUND` on HTTP 404 instead of failing, for operations where "already gone" is fine. */
	notFoundAsData?: boolean;
	/**
	 * Whether the request may be sent again, decided by the operation (see `RetrySafety`).
	 * Defaults from the method: GET `safe`; PUT and DELETE `ambiguous-after-timeout`; POST and
	 * PATCH `unsafe`.
	 */
	retry?: RetrySafety;
	/** The input items a bulk request serves (Create Many, Delete Many); Dry Run shows it on each. */
	items?: number[];
	/**
	 * A 404 answering a repeat after an attempt that may have been applied means that attempt
	 * did the work (a Delete): the transport then returns `MAY_ALREADY_BE_DONE`. Defaults to
	 * true for DELETE.
	 */
	notFoundMeansDone?: boolean;
	/**
	 * The shape a successful answer must have; anything else (empty, `null`, a number, text, a
	 * list) fails the item instead of becoming data. `any` (default) accepts every JSON answer.
	 */
	answer?: AnswerShape;
}

/** What `identityRequest` returns for a 404 when `notFoundAsData` is set. */
export const NOT_FOUND = Object.freeze({ notFound: true });

/**
 * What `identityRequest` returns when a repeat after a timeout or lost connection met 404 and
 * `notFoundMeansDone` holds: the first attempt probably did it, but nobody can be sure.
 */
export const MAY_ALREADY_BE_DONE = Object.freeze({
	notFound: true,
	mayAlreadyBeDone: true,
});

/** What a Delete reports when its retry found the object gone after an attempt that may have worked. */
export const MAY_ALREADY_BE_DONE_NOTE =
	'An earlier attempt timed out or lost its connection; the retry found it already gone, so that attempt most likely deleted it';

/** Every access token this run has used, so an echo of an older one is masked too. */
const tokensSeen = new WeakMap<RequestContext, Set<string>>();

/** The client secret and every access token of the run: never shown, whatever UiPath echoes. */
async function credentialSecrets(ctx: RequestContext, itemIndex: number): Promise<string[]> {
	let data: IDataObject = {};
	try {
		data = (await sharedCredentials(ctx, CREDENTIAL_TYPE, itemIndex)).data ?? {};
	} catch {
		// The credential could not be read: then no request was sent and nothing can be echoed.
	}
	const seen = tokensSeen.get(ctx) ?? new Set<string>();
	tokensSeen.set(ctx, seen);
	if (typeof data.accessToken === 'string' && data.accessToken) seen.add(data.accessToken);
	const secrets = [...seen];
	if (typeof data.clientSecret === 'string' && data.clientSecret) secrets.push(data.clientSecret);
	return secrets;
}

const UNCERTAIN_NOTE = 'An earlier attempt timed out or lost its connection and may have been applied by UiPath before this answer';

/**
 * Every call to UiPath Identity goes through here: the credential adds the token, the base URL
 * for the deployment and the organization ID; temporary failures are retried within the limits
 * of Request Handling (HTTP 429 within the wait budget, other failures within Attempts per Request);
 * every wait gives way to a cancelled execution; failures become one clear n8n error, and neither an
 * error nor an answer shows the client secret, a token or a password of the request.
 */
export async function identityRequest<T = IDataObject>(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
	request: IdentityRequest,
): Promise<T> {
	// Dry Run: a change is recorded for the item's output instead of being sent (see dryRun.ts).
	if (recordIfDryRun(this, itemIndex, request)) return DRY_RUN_ANSWER as unknown as T;
	const settings = readRequestSettings(this, itemIndex);
	runSession(this, settings.paceRequests ? { share: settings.rateLimitShare } : undefined, CREDENTIAL_TYPE);
	const pacer = adaptivePacer(this);
	const safety: RetrySafety = request.retry ?? defaultRetrySafety(request.method);
	const notFoundMeansDone = request.notFoundMeansDone ?? request.method === 'DELETE';
	let tries = 0;
	let rateLimitedTries = 0;
	let waitedMs = 0;
	let uncertain = false;

	// Bounded: every pass either returns, throws, or counts a failure or a 429 against its limit.
	for (let pass = 0; pass <= settings.maxTries + MAX_RATE_LIMIT_RETRIES; pass++) {
		if (cancelSignal(this)?.aborted) throw cancelledError(this, itemIndex);
		tries++;
		// Pacing before a retry counts against Max Total Retry Wait; before the first attempt it does not.
		const paced = { waitedMs: 0 };
		let response: IN8nHttpFullResponse;
		try {
			response = await sendOnSuiteForm(this, request, settings, itemIndex, paced);
			if (tries > 1) waitedMs += paced.waitedMs;
		} catch (error) {
			if (tries > 1) waitedMs += paced.waitedMs;
			const secrets = [...(request.secrets ?? []), ...(await credentialSecrets(this, itemIndex))];
			const subject = { ...request, secrets };
			if (cancelSignal(this)?.aborted) throw cancelledError(this, itemIndex);
			const httpCode = (error as { httpCode?: string }).httpCode;
			const data = (error as { context?: { data?: unknown } }).context?.data;
			pacer.record(httpCode === '429', Date.now());
			if (httpCode === '404' && uncertain && notFoundMeansDone && safety === 'ambiguous-after-timeout') {
				return MAY_ALREADY_BE_DONE as T;
			}
			if (request.notFoundAsData && httpCode === '404') return NOT_FOUND as T;
			if (request.identityResultAsData && httpCode === '400' && isIdentityResult(data)) {
				return redactAnswer(data as IdentityResultBody, secrets) as T;
			}
			const failure = classifyFailure(error, Date.now());
			if (failure.status === 429) rateLimitedTries++;
			const plan = planRetry({
				failure,
				safety,
				method: request.method,
				triesSoFar: tries,
				rateLimitedTries,
				waitedMs,
				settings,
				random: Math.random(),
			});
			if (plan.retry && !cancelSignal(this)?.aborted) {
				if (mayHaveBeenApplied(failure)) uncertain = true;
				await waitOrStop(this, itemIndex, plan.waitMs);
				waitedMs += plan.waitMs;
				continue;
			}
			const notes = [uncertain ? UNCERTAIN_NOTE : undefined, plan.retry ? undefined : plan.reason].filter(Boolean);
			throw toNodeError(this.getNode(), error, itemIndex, subject, {
				timeoutMs: settings.timeoutMs,
				retryNote: notes.length ? notes.join('. ') : undefined,
			});
		}
		pacer.record(false, Date.now());
		if (isMalformed(response)) {
			throw malformedAnswerError(this.getNode(), itemIndex, response.statusCode, request.method);
		}
		if (!hasShape(response.body, request.answer)) {
			throw wrongShapeError(this, itemIndex, response.statusCode, response.body, request.answer ?? 'any');
		}
		const secrets = [...(request.secrets ?? []), ...(await credentialSecrets(this, itemIndex))];
		return redactAnswer(response.body, secrets) as T;
	}
	throw new NodeOperationError(this.getNode(), withItem('UiPath kept asking to wait; the request was given up', itemIndex), {
		itemIndex,
	});
}
