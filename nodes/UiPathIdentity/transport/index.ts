import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { DRY_RUN_ANSWER, recordIfDryRun } from './dryRun';
import { isIdentityResult, malformedAnswerError, toNodeError } from './errors';
import type { IdentityResultBody, RequestSubject } from './errors';
import { readRequestSettings } from './options';
import type { RequestSettings } from './options';
import { classifyFailure, isIdempotentMethod, planRetry } from './retry';
import { runSession, sharedCredentials } from './session';
import { TOKEN_ERROR_PREFIX } from './token';
import { suiteHostLevelBase } from './urls';
import type { RequestContext } from './session';

export const CREDENTIAL_TYPE = 'uiPathIdentityApi';

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
	 * Whether sending the request twice does no harm. Defaults from the method: GET, PUT and DELETE
	 * are, POST and PATCH are not. Set `true` for a POST that only reads (e.g. a search).
	 */
	idempotent?: boolean;
	/** The input items a bulk request serves (Create Many, Delete Many); Dry Run shows it on each. */
	items?: number[];
}

/** What `identityRequest` returns for a 404 when `notFoundAsData` is set. */
export const NOT_FOUND = Object.freeze({ notFound: true });

/** Sends one attempt. `refreshOn401: false` tells core not to fetch a token itself (see TokenGate). */
async function sendOnce(
	ctx: RequestContext,
	request: IdentityRequest,
	settings: RequestSettings,
	itemIndex: number,
	refreshOn401: boolean,
	baseURL?: string,
): Promise<IN8nHttpFullResponse> {
	const credentialsDecrypted = await sharedCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
	const pacer = runSession(ctx).pacer;
	const wait = pacer?.reserve(request.method, Date.now()) ?? 0;
	if (wait > 0) await sleep(wait);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.qs,
		body: request.body,
		// ASP.NET binds a list from a repeated key (`sourceFilter=a&sourceFilter=b`), not `a[0]=`.
		arrayFormat: 'repeat',
		json: true,
		returnFullResponse: true,
	};
	if (settings.timeoutMs > 0) options.timeout = settings.timeoutMs;
	if (baseURL) options.baseURL = baseURL;
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		CREDENTIAL_TYPE,
		options,
		refreshOn401 ? { credentialsDecrypted } : { credentialsDecrypted, preAuthenticationRetryStatusCode: [] },
	)) as IN8nHttpFullResponse;
}

/** UiPath answers JSON or nothing; text that should have been JSON is reported, not returned. */
function isMalformed(response: IN8nHttpFullResponse): boolean {
	const body: unknown = response.body;
	if (typeof body !== 'string' || !body.trim()) return false;
	const type = String(response.headers?.['content-type'] ?? '');
	return /json|html/i.test(type) || /^[[{]/.test(body.trim());
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: string })?.httpCode ?? '') === '404';
}

/**
 * Automation Suite answers on `{base}/{org}/identity_` or `{base}/identity_` (reference 0.1 item 6).
 * With Path Form "Automatic" a 404 on the organization-level form is tried once on the host-level
 * form; the form that answered is remembered for the rest of the run. A 404 on both (a missing
 * user, say) decides nothing.
 */
async function sendOnSuiteForm(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	request: IdentityRequest,
	settings: RequestSettings,
	itemIndex: number,
): Promise<IN8nHttpFullResponse> {
	const session = runSession(ctx);
	const send = async (baseURL?: string) =>
		await settle(session.tokenGate.send((refreshOn401) => sendOnce(ctx, request, settings, itemIndex, refreshOn401, baseURL)));
	const { data } = await sharedCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
	const hostBase = data ? suiteHostLevelBase(data) : undefined;
	if (!hostBase) return unwrap(await send());
	if (session.suitePathForm === 'host') return unwrap(await send(hostBase));

	const organizationLevel = await send();
	if (session.suitePathForm === 'organization') return unwrap(organizationLevel);
	if (organizationLevel.ok || !isNotFound(organizationLevel.error)) {
		// Any HTTP answer but 404 shows the organization-level form exists.
		const answered = organizationLevel.ok || ((organizationLevel.error as { httpCode?: string })?.httpCode && !isTokenFailure(organizationLevel.error));
		if (answered) session.suitePathForm = 'organization';
		return unwrap(organizationLevel);
	}
	const hostLevel = await send(hostBase);
	if (!hostLevel.ok && isNotFound(hostLevel.error)) return unwrap(organizationLevel);
	session.suitePathForm = 'host';
	return unwrap(hostLevel);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}

/** The value, or the error exactly as core threw it (shaped later by `toNodeError`). */
function unwrap<T>(outcome: Settled<T>): T {
	if (outcome.ok) return outcome.value;
	throw outcome.error;
}

function isTokenFailure(error: unknown): boolean {
	return String((error as { message?: string })?.message ?? '').includes(TOKEN_ERROR_PREFIX);
}

function isCancelled(ctx: RequestContext): boolean {
	return 'getExecutionCancelSignal' in ctx && ctx.getExecutionCancelSignal?.()?.aborted === true;
}

/**
 * Every call to UiPath Identity goes through here: the credential adds the token, the base URL
 * for the deployment and the organization ID; temporary failures are retried within the limits
 * of Request Options; failures become one clear n8n error.
 */
export async function identityRequest<T = IDataObject>(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
	request: IdentityRequest,
): Promise<T> {
	// Dry Run: a change is recorded for the item's output instead of being sent (see dryRun.ts).
	if (recordIfDryRun(this, itemIndex, request)) return DRY_RUN_ANSWER as unknown as T;
	const settings = readRequestSettings(this, itemIndex);
	runSession(
		this,
		settings.paceRequests ? { share: settings.rateLimitShare } : undefined,
		CREDENTIAL_TYPE,
	);
	const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
	let tries = 0;
	let waitedMs = 0;

	for (;;) {
		tries++;
		let response: IN8nHttpFullResponse;
		try {
			response = await sendOnSuiteForm(this, request, settings, itemIndex);
		} catch (error) {
			const data = (error as { httpCode?: string; context?: { data?: unknown } }).context?.data;
			if (request.notFoundAsData && (error as { httpCode?: string }).httpCode === '404') return NOT_FOUND as T;
			if (request.identityResultAsData && (error as { httpCode?: string }).httpCode === '400') {
				if (isIdentityResult(data)) return data as IdentityResultBody as T;
			}
			const plan = planRetry({
				failure: classifyFailure(error, Date.now()),
				idempotent,
				method: request.method,
				triesSoFar: tries,
				waitedMs,
				settings,
				random: Math.random(),
			});
			if (plan.retry && !isCancelled(this)) {
				if (plan.waitMs > 0) await sleep(plan.waitMs);
				waitedMs += plan.waitMs;
				continue;
			}
			throw toNodeError(this.getNode(), error, itemIndex, request, {
				timeoutMs: settings.timeoutMs,
				retryNote: plan.retry ? undefined : plan.reason,
			});
		}
		if (isMalformed(response)) {
			throw malformedAnswerError(this.getNode(), itemIndex, response.statusCode, request.method);
		}
		return response.body as T;
	}
}
