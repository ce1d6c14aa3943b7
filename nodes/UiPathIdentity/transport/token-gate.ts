/**
 * Makes token fetching single-flight while items run in parallel.
 *
 * n8n core fetches the token inside `httpRequestWithAuthentication`: before a request when the
 * stored token is empty, and after a 401 (then it retries once). Core has no lock around this, and
 * each request reads the stored credential separately, so N parallel requests with an empty or
 * expired token fetch N tokens. The gate prevents that:
 * - until one request of the run got past authentication, requests go one at a time, so an empty
 *   stored token is fetched once and every later request reads it from the store;
 * - parallel requests ask core not to refresh on 401 themselves; the first one to see a 401
 *   repeats its request with core's refresh turned on (one token fetch), the others wait for it and
 *   then repeat with the new token. A 401 always means UiPath did nothing, so repeating is safe.
 * Both token requests (empty store, 401) are also single-flight across the executions of the
 * process that use the same credential (see token-flight.ts): an execution that finds another one
 * fetching waits for it, then reads the stored credential again (`reload`) and uses that token.
 */

import { settle, unwrap } from './settle';
import type { Settled } from './settle';
import { MAX_TOKEN_WAIT_MS, waitForFlight } from './token-flight';
import type { CredentialFlight } from './token-flight';

/** The run's view of its credential, shared with the other executions of the process. */
export interface SharedCredential {
	flight: CredentialFlight;
	/** Whether the run's copy of the credential holds a token (reads it first if needed). */
	hasToken(): Promise<boolean>;
	/** Reads the stored credential again into the run's copy (another execution stored a token). */
	reload(): Promise<void>;
	/** Aborts waits when the execution is cancelled. */
	signal?: AbortSignal;
}

/** A run of its own, for callers without a credential to share (tests, probes). */
export function unsharedCredential(): SharedCredential {
	return { flight: { generation: 0 }, hasToken: async () => false, reload: async () => {} };
}

/** Sends one attempt; `refreshOn401` lets core fetch a new token and retry once on a 401. */
export type Attempt<T> = (refreshOn401: boolean) => Promise<T>;

interface ErrorWithStatus {
	httpCode?: string | null;
	message?: string;
}

function isUnauthorized(error: unknown): boolean {
	return String((error as ErrorWithStatus)?.httpCode ?? '') === '401';
}

export class TokenGate {
	/** A request has passed authentication, so a token is stored for the others to read. */
	private authenticated = false;

	/** Chain that lets requests through one at a time until `authenticated`. */
	private turn: Promise<void> = Promise.resolve();

	/** The flight generation the run's copy of the credential reflects. */
	seen: number;

	private reloading: Promise<void> | undefined;

	constructor(
		private readonly isTokenFailure: (error: unknown) => boolean,
		private readonly shared: SharedCredential = unsharedCredential(),
	) {
		this.seen = shared.flight.generation;
	}

	async send<T>(attempt: Attempt<T>): Promise<T> {
		if (!this.authenticated) {
			const alone = await this.sendAloneIfStillNeeded(attempt);
			if (alone) return unwrap(alone);
		}
		return unwrap(await this.sendWithToken(attempt));
	}

	/** Sends the request alone unless another request got past authentication meanwhile. */
	private async sendAloneIfStillNeeded<T>(attempt: Attempt<T>): Promise<Settled<T> | undefined> {
		let release: () => void = () => {};
		const previous = this.turn;
		this.turn = new Promise<void>((resolve) => (release = resolve));
		await previous;
		if (this.authenticated) {
			release();
			return undefined;
		}
		try {
			const outcome = await this.sendWithToken(attempt);
			// Any answer from the API (even an error) means a token was issued and stored.
			if (outcome.ok || !this.isTokenFailure(outcome.error)) this.authenticated = true;
			return outcome;
		} finally {
			release();
		}
	}

	/**
	 * Sends with the token the run holds, fetching one first when there is none, and once more
	 * after a 401; every fetch goes through the process-wide flight. A few rounds at most: after
	 * them core is left to fetch and retry by itself.
	 */
	private async sendWithToken<T>(attempt: Attempt<T>): Promise<Settled<T>> {
		for (let round = 0; round < 3; round++) {
			await this.catchUp();
			const generation = this.shared.flight.generation;
			if (!this.authenticated && !(await this.shared.hasToken())) {
				const fetched = await this.fetchOrWait(generation, attempt);
				if (fetched) return fetched;
				continue;
			}
			const outcome = await settle(attempt(false));
			if (outcome.ok || !isUnauthorized(outcome.error)) return outcome;
			const refreshed = await this.fetchOrWait(generation, attempt);
			if (refreshed) return refreshed;
		}
		return await settle(attempt(true));
	}

	/**
	 * Lets core fetch a token (and send the request) unless another execution or item fetched one
	 * since `generation` or is fetching now; then returns nothing and the caller sends again with
	 * the stored token. The fetch itself joins the process-wide flight in the credential's
	 * `preAuthentication` (sharedTokenRequest), which also catches the refreshes n8n 1.x core
	 * makes on every 401 by itself.
	 */
	private async fetchOrWait<T>(generation: number, attempt: Attempt<T>): Promise<Settled<T> | undefined> {
		const flight = this.shared.flight;
		if (flight.pending || flight.fetching || flight.generation !== generation) return undefined;
		const outcome = settle(attempt(true));
		// Others wait from now on, not only once core calls preAuthentication (after the repeat).
		flight.owner = this;
		flight.pending = outcome.then(() => {
			flight.pending = undefined;
			flight.owner = undefined;
		});
		return await outcome;
	}

	/** Waits for a running token request, then reads the credential again if a new token was stored. */
	private async catchUp(): Promise<void> {
		const flight = this.shared.flight;
		if (flight.pending) await waitForFlight(flight.pending, this.shared.signal, MAX_TOKEN_WAIT_MS);
		if (flight.fetching) await waitForFlight(flight.fetching, this.shared.signal, MAX_TOKEN_WAIT_MS);
		if (this.seen === flight.generation) return;
		if (!this.reloading) {
			const target = flight.generation;
			this.reloading = this.shared
				.reload()
				.then(
					() => (this.seen = target),
					() => undefined,
				)
				.then(() => (this.reloading = undefined));
		}
		await this.reloading;
	}
}
