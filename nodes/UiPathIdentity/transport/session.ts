import type { ICredentialsDecrypted, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { RateLimitPacer } from './pacing';
import { TokenGate } from './token-gate';
import { TOKEN_ERROR_PREFIX } from './token';

/** Node runs (execute) and editor look-ups (resource locator lists) both send requests. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/** State shared by all items of one node run: the token gate and the rate-limit pacer. */
export interface RunSession {
	tokenGate: TokenGate;
	pacer?: RateLimitPacer;
	/** Automation Suite, Path Form Automatic: the API form the cluster answered on in this run. */
	suitePathForm?: 'organization' | 'host';
	/** The decrypted credential, read once per run (see `sharedCredentials`). */
	credentials?: Promise<ICredentialsDecrypted>;
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

/**
 * The credential, decrypted once per run and handed to every request of the run. Without it core
 * reads and decrypts the stored credential from the database for every single request, which
 * dominates the cost of a request in n8n. Core writes a new token into this same object when it
 * fetches one (and persists it), so every request of the run sees the new token at once.
 */
export async function sharedCredentials(
	ctx: RequestContext,
	credentialType: string,
	itemIndex: number,
): Promise<ICredentialsDecrypted> {
	const session = runSession(ctx);
	if (!session.credentials) {
		const details = ctx.getNode().credentials?.[credentialType];
		const read = 'getInputData' in ctx ? ctx.getCredentials(credentialType, itemIndex) : ctx.getCredentials(credentialType);
		session.credentials = read.then((data) => ({
			id: details?.id ?? '',
			name: details?.name ?? '',
			type: credentialType,
			data,
		}));
		// A failed read is not kept: the next item tries again and reports its own error.
		session.credentials.catch(() => (session.credentials = undefined));
	}
	return await session.credentials;
}
