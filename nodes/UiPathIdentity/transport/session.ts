import type { ICredentialsDecrypted, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { RateLimitPacer } from './pacing';
import { credentialFlight, tokenForCopy, registerCredentialCopy } from './token-flight';
import type { CredentialFlight } from './token-flight';
import { TokenGate, unsharedCredential } from './token-gate';
import type { SharedCredential } from './token-gate';
import { TOKEN_ERROR_PREFIX } from './token';

/** Node runs (execute) and editor look-ups (resource locator lists) both send requests. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/** State shared by all items of one node run: the token gate and the rate-limit pacer. */
export interface RunSession {
	tokenGate: TokenGate;
	pacer?: RateLimitPacer;
	/** Automation Suite, Path Form Automatic: the API form the cluster answered on in this run. */
	suitePathForm?: 'organization' | 'host';
	/** The process-wide token flight of the run's credential, if it has an ID. */
	flight?: CredentialFlight;
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

function readCredentials(ctx: RequestContext, credentialType: string, itemIndex: number) {
	return 'getInputData' in ctx ? ctx.getCredentials(credentialType, itemIndex) : ctx.getCredentials(credentialType);
}

/**
 * The run's credential as the token gate sees it. The flight is keyed by the stored credential's
 * ID, so executions of the process that use the same credential fetch one token at a time.
 */
function sharedCredential(ctx: RequestContext, credentialType: string): SharedCredential | undefined {
	const id = ctx.getNode().credentials?.[credentialType]?.id;
	if (!id) return undefined;
	const flight = credentialFlight(`${credentialType}:${id}`);
	return {
		flight,
		hasToken: async () => {
			try {
				const { data } = await sharedCredentials(ctx, credentialType, 0);
				return String(data?.accessToken ?? '') !== '';
			} catch {
				// The request itself reads the credential again and reports the failure.
				return false;
			}
		},
		reload: async () => {
			const current = await sharedCredentials(ctx, credentialType, 0);
			const before = current.data?.accessToken;
			const stored = await readCredentials(ctx, credentialType, 0);
			if (!current.data) return;
			Object.assign(current.data, stored);
			// n8n writes the new token to the database just after the token request returns: if the
			// store still has the token this copy had, take the one the process just got.
			const newer = tokenForCopy(current.data, flight, true, before);
			if (newer && stored?.accessToken === before) current.data.accessToken = newer;
		},
		signal: 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined,
	};
}

export function runSession(ctx: RequestContext, pacing?: { share: number }, credentialType?: string): RunSession {
	let session = sessions.get(ctx);
	if (!session) {
		const shared = credentialType ? sharedCredential(ctx, credentialType) : undefined;
		session = { tokenGate: new TokenGate(isTokenFailure, shared ?? unsharedCredential()), flight: shared?.flight };
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
		const read = readCredentials(ctx, credentialType, itemIndex);
		const { flight, tokenGate } = session;
		session.credentials = read.then((data) => {
			// Lets the credential's preAuthentication tell this run's copy from others (token-flight.ts).
			if (flight && data) {
				registerCredentialCopy(data, { flight, gate: tokenGate });
			}
			return { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data };
		});
		// A failed read is not kept: the next item tries again and reports its own error.
		session.credentials.catch(() => (session.credentials = undefined));
	}
	return await session.credentials;
}
