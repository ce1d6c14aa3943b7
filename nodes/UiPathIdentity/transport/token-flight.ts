import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { buildIdentityUrls } from './urls';

/**
 * One token request at a time per credential across all executions of this n8n process.
 *
 * In queue mode a worker runs many executions at once, each with its own copy of the credential
 * read from the database. When the stored token is empty or revoked, every execution would fetch
 * its own token. The flight lets the first one fetch (n8n stores the token in the database as part
 * of it); the others wait for it and then read the stored credential again instead of fetching.
 * Kept in memory only: a generation counter, the last token this process was issued with a digest
 * of the credential settings it was issued for, and digests of the tokens it replaced.
 */

export interface CredentialFlight {
	/** Increases each time a token request of this credential finished with a usable token. */
	generation: number;
	/** A node run is repeating a request so that core fetches a token (see TokenGate). */
	pending?: Promise<void>;
	/** The run (its TokenGate) behind `pending`. */
	owner?: object;
	/** The running token request, if any. */
	fetching?: Promise<void>;
	/**
	 * The token of the last successful request, handed to executions of this process whose copy of
	 * the credential was read before it was issued (n8n also stores it in the credential).
	 */
	lastToken?: string;
	/** Digest of the settings `lastToken` was issued for (see `settingsDigest`). */
	lastTokenFor?: string;
	/** Digests of tokens this process replaced by fetching (the refused ones), newest last. */
	replaced?: string[];
}

/** What the process knows about one execution's copy of a credential. */
export interface CredentialCopy {
	flight: CredentialFlight;
	/** The run's TokenGate; `seen` is the flight generation the copy reflects. */
	gate: { seen: number };
}

/** Copies of credentials (the objects n8n hands to `preAuthentication`) by their run. */
const copies = new WeakMap<object, CredentialCopy>();

export function registerCredentialCopy(data: object, copy: CredentialCopy): void {
	copies.set(data, copy);
}

/** Credentials remembered at once; the least recently used one is forgotten first. */
export const MAX_REMEMBERED_CREDENTIALS = 256;

/** Longest wait for another execution's token request before fetching one itself. */
export const MAX_TOKEN_WAIT_MS = 60_000;

const CHECK_EVERY_MS = 250;


/**
 * Digest of what a token is issued for: token endpoint, client and scopes. A token issued before
 * the credential was edited (another client, other scopes) is never handed to a copy read after
 * the edit. Only these fields count: copies of one credential differ in others (defaults filled
 * in or not, fields n8n adds) without asking for another token.
 */
function settingsDigest(credentials: object): string {
	const settings = credentials as ICredentialDataDecryptedObject;
	let tokenUrl = '';
	try {
		tokenUrl = buildIdentityUrls(settings).tokenUrl;
	} catch {
		// An unusable credential fails in the token request itself; it gets no token handed here.
		tokenUrl = 'invalid';
	}
	const scopes = String(settings.scopes ?? '').split(/\s+/).filter(Boolean).sort();
	return createHash('sha256').update(JSON.stringify([tokenUrl, settings.clientId ?? '', settings.clientSecret ?? '', scopes])).digest('hex');
}

/** Replaced tokens remembered per credential (as digests). */
const MAX_REPLACED = 16;

function tokenDigest(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/**
 * The token to hand a copy instead of fetching: the process's last one, unless that is the very
 * token the copy was refused with (`refused`, what it held when it asked). Handed when the copy
 * was read before that token was issued (`readBefore`), held no token (read from the database
 * after the token was issued but before n8n finished storing it), held one this process already
 * replaced (the same race after a refresh), or meanwhile holds the last token (another item of
 * the run got it). A copy refused with a token this process does not know may hold one another
 * process stored after ours: then a new one is fetched. Never across an edit of the credential.
 */
export function tokenForCopy(credentials: object, flight: CredentialFlight, readBefore: boolean, refused: unknown): string | undefined {
	const { lastToken } = flight;
	if (!lastToken || refused === lastToken || flight.lastTokenFor !== settingsDigest(credentials)) return undefined;
	if (readBefore || typeof refused !== 'string' || refused === '') return lastToken;
	if ((credentials as { accessToken?: unknown }).accessToken === lastToken) return lastToken;
	return flight.replaced?.includes(tokenDigest(refused)) ? lastToken : undefined;
}

/** Records a new token of the process, and the ones it replaces. */
function recordToken(flight: CredentialFlight, accessToken: string, settings: string, refused: unknown): void {
	const replaced = [flight.lastToken, refused].filter((token): token is string => typeof token === 'string' && token !== '' && token !== accessToken);
	flight.replaced = [...(flight.replaced ?? []), ...replaced.map(tokenDigest)].slice(-MAX_REPLACED);
	flight.generation++;
	flight.lastToken = accessToken;
	flight.lastTokenFor = settings;
}

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
			if (!oldFlight.pending && !oldFlight.fetching) flights.delete(oldKey);
		}
	}
	return flight;
}

/**
 * The credential's `preAuthentication` runs through here. For a copy a node run registered, token
 * requests are single-flight across the executions of the process: while one runs the others wait
 * for it and use the token it got; a copy read before the last token was issued gets that token.
 * Anything else (the credential test, other callers) fetches directly.
 */
export async function sharedTokenRequest(
	credentials: object,
	fetch: () => Promise<{ accessToken: string }>,
	signal?: AbortSignal,
): Promise<{ accessToken: string }> {
	const copy = copies.get(credentials);
	if (!copy) return await fetch();
	const { flight, gate } = copy;
	const seenAtStart = gate.seen;
	// Other items of the run share the copy and may put a new token into it while this one waits.
	const refused = (credentials as { accessToken?: unknown }).accessToken;
	for (let round = 0; round < 3; round++) {
		const running = flight.fetching ?? (flight.owner !== gate ? flight.pending : undefined);
		if (running) await waitForFlight(running, signal, MAX_TOKEN_WAIT_MS);
		const newer = tokenForCopy(credentials, flight, Math.min(gate.seen, seenAtStart) < flight.generation, refused);
		if (newer) {
			gate.seen = flight.generation;
			return { accessToken: newer };
		}
		if (!running) break;
	}
	const request = fetch();
	const settings = settingsDigest(credentials);
	flight.fetching = request.then(
		({ accessToken }) => {
			recordToken(flight, accessToken, settings, refused);
			gate.seen = flight.generation;
			flight.fetching = undefined;
		},
		// After a failure the next execution in line tries itself and reports its own error.
		() => (flight.fetching = undefined),
	);
	return await request;
}

/** Forgets every credential, as a new process would (tests start each case so). */
export function forgetCredentialFlights(): void {
	flights.clear();
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
