import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { RateLimitPacer } from './pacing';
import { TokenGate } from './token-gate';
import { TOKEN_ERROR_PREFIX } from './token';

/** Node runs (execute) and editor look-ups (resource locator lists) both send requests. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/** State shared by all items of one node run: the token gate and the rate-limit pacer. */
export interface RunSession {
	tokenGate: TokenGate;
	pacer?: RateLimitPacer;
}

/**
 * Keyed by the execution context n8n passes to `execute` (one object per node run, shared by all
 * items), so nothing outlives the run and nothing is shared between runs or workflows.
 */
const sessions = new WeakMap<RequestContext, RunSession>();

function isTokenFailure(error: unknown): boolean {
	return String((error as { message?: string })?.message ?? '').includes(TOKEN_ERROR_PREFIX);
}

export function runSession(ctx: RequestContext, pacing?: { share: number }): RunSession {
	let session = sessions.get(ctx);
	if (!session) {
		session = { tokenGate: new TokenGate(isTokenFailure) };
		sessions.set(ctx, session);
	}
	if (pacing && !session.pacer) session.pacer = new RateLimitPacer(pacing.share);
	return session;
}
