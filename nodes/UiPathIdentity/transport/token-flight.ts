import { sleep } from 'n8n-workflow';

/**
 * One token request at a time per credential across all executions of this n8n process.
 *
 * In queue mode a worker runs many executions at once, each with its own copy of the credential
 * read from the database. When the stored token is empty or revoked, every execution would fetch
 * its own token. The flight lets the first one fetch (n8n stores the token in the database as part
 * of it); the others wait for it and then read the stored credential again instead of fetching.
 * Only a generation counter is kept here, never a token.
 */

export interface CredentialFlight {
	/** Increases each time a token request of this credential finished with a usable token. */
	generation: number;
	/** The running token request, if any. */
	pending?: Promise<void>;
}

/** Credentials remembered at once; the least recently used one is forgotten first. */
export const MAX_REMEMBERED_CREDENTIALS = 256;

/** Longest wait for another execution's token request before fetching one itself. */
export const MAX_TOKEN_WAIT_MS = 60_000;

const CHECK_EVERY_MS = 250;

const flights = new Map<string, CredentialFlight>();

export function credentialFlight(key: string): CredentialFlight {
	const known = flights.get(key);
	if (known) {
		// Move to the end: Map keeps insertion order, so the first key is the least recently used.
		flights.delete(key);
		flights.set(key, known);
		return known;
	}
	const flight: CredentialFlight = { generation: 0 };
	flights.set(key, flight);
	if (flights.size > MAX_REMEMBERED_CREDENTIALS) {
		for (const [oldKey, oldFlight] of flights) {
			if (flights.size <= MAX_REMEMBERED_CREDENTIALS) break;
			if (!oldFlight.pending) flights.delete(oldKey);
		}
	}
	return flight;
}

/** How many credentials are remembered (for tests). */
export function rememberedCredentials(): number {
	return flights.size;
}

/**
 * Waits for `pending`, at most `maxMs`, and not past a cancellation of the execution.
 * Never throws: a failed or slow token request of another execution only means this one goes on.
 */
export async function waitForFlight(pending: Promise<void>, signal: AbortSignal | undefined, maxMs: number): Promise<void> {
	let done = false;
	const settled = pending.then(
		() => (done = true),
		() => (done = true),
	);
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	const deadline = Date.now() + maxMs;
	try {
		// Short sleeps, so no timer outlives the wait by more than a moment.
		while (!done && !signal?.aborted && Date.now() < deadline) {
			await Promise.race([settled, aborted, sleep(Math.min(CHECK_EVERY_MS, Math.max(0, deadline - Date.now())))]);
		}
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
}
