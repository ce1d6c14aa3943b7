/**
 * Sending one attempt of a request: pacing and waits that give way to a cancelled execution, the
 * token gate, and on Automation Suite the Identity path form that answers.
 */

import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { withItem } from './errors';
import type { IdentityRequest } from './index';
import type { RequestSettings } from './options';
import { AdaptivePacer, cancellableWait } from './pacing';
import { runSession, sharedCredentials } from './session';
import type { RequestContext } from './session';
import { settle, unwrap } from './settle';
import { TOKEN_ERROR_PREFIX } from './token';
import { suiteHostLevelBase } from './urls';

export const CREDENTIAL_TYPE = 'uiPathIdentityApi';

/** The adaptive pacer of each run (see `AdaptivePacer`), keyed like the run session. */
const adaptivePacers = new WeakMap<RequestContext, AdaptivePacer>();

export function adaptivePacer(ctx: RequestContext): AdaptivePacer {
	let pacer = adaptivePacers.get(ctx);
	if (!pacer) {
		pacer = new AdaptivePacer();
		adaptivePacers.set(ctx, pacer);
	}
	return pacer;
}

export function cancelSignal(ctx: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined;
}

export function cancelledError(ctx: RequestContext, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), withItem('The execution was cancelled before UiPath answered', itemIndex), {
		itemIndex,
	});
}

/** Waits, raced against n8n's cancel signal; throws when the execution was cancelled. */
export async function waitOrStop(ctx: RequestContext, itemIndex: number, ms: number): Promise<void> {
	if ((await cancellableWait(ms, cancelSignal(ctx), sleep)) === 'cancelled') throw cancelledError(ctx, itemIndex);
}

/** Sends one attempt. `refreshOn401: false` tells core not to fetch a token itself (see TokenGate). */
async function sendOnce(
	ctx: RequestContext,
	request: IdentityRequest,
	settings: RequestSettings,
	itemIndex: number,
	refreshOn401: boolean,
	paced: { waitedMs: number },
	baseURL?: string,
): Promise<IN8nHttpFullResponse> {
	const credentialsDecrypted = await sharedCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
	const pacer = runSession(ctx).pacer;
	const windowWait = pacer?.reserve(request.method, Date.now()) ?? 0;
	await waitOrStop(ctx, itemIndex, windowWait);
	const adaptiveWait = adaptivePacer(ctx).reserve(Date.now());
	await waitOrStop(ctx, itemIndex, adaptiveWait);
	paced.waitedMs += windowWait + adaptiveWait;
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

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: string })?.httpCode ?? '') === '404';
}

/**
 * Automation Suite answers on `{base}/{org}/identity_` or `{base}/identity_` (reference 0.1 item 6).
 * With Path Form "Automatic" a 404 on the organization-level form is tried once on the host-level
 * form; the form that answered is remembered for the rest of the run. A 404 on both (a missing
 * user, say) decides nothing.
 */
export async function sendOnSuiteForm(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	request: IdentityRequest,
	settings: RequestSettings,
	itemIndex: number,
	paced: { waitedMs: number },
): Promise<IN8nHttpFullResponse> {
	const session = runSession(ctx);
	const send = async (baseURL?: string) =>
		await settle(session.tokenGate.send((refreshOn401) => sendOnce(ctx, request, settings, itemIndex, refreshOn401, paced, baseURL)));
	const { data } = await sharedCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
	const hostBase = data ? suiteHostLevelBase(data) : undefined;
	if (!hostBase) return unwrap(await send());
	if (session.suitePathForm === 'host') return unwrap(await send(hostBase));

	const organizationLevel = await send();
	if (session.suitePathForm === 'organization') return unwrap(organizationLevel);
	if (organizationLevel.ok || !isNotFound(organizationLevel.error)) {
		// Any HTTP answer but 404 shows the organization-level form exists.
		const answered =
			organizationLevel.ok || ((organizationLevel.error as { httpCode?: string })?.httpCode && !isTokenFailure(organizationLevel.error));
		if (answered) session.suitePathForm = 'organization';
		return unwrap(organizationLevel);
	}
	const hostLevel = await send(hostBase);
	if (!hostLevel.ok && isNotFound(hostLevel.error)) return unwrap(organizationLevel);
	session.suitePathForm = 'host';
	return unwrap(hostLevel);
}

function isTokenFailure(error: unknown): boolean {
	return String((error as { message?: string })?.message ?? '').includes(TOKEN_ERROR_PREFIX);
}
