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
 */

/** Sends one attempt; `refreshOn401` lets core fetch a new token and retry once on a 401. */
export type Attempt<T> = (refreshOn401: boolean) => Promise<T>;

interface ErrorWithStatus {
	httpCode?: string | null;
	message?: string;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}

/** Returns the value or throws the error exactly as core threw it (already a NodeApiError). */
function unwrap<T>(outcome: Settled<T>): T {
	if (outcome.ok) return outcome.value;
	throw outcome.error;
}

function isUnauthorized(error: unknown): boolean {
	return String((error as ErrorWithStatus)?.httpCode ?? '') === '401';
}

export class TokenGate {
	/** A request has passed authentication, so a token is stored for the others to read. */
	private authenticated = false;

	/** Chain that lets requests through one at a time until `authenticated`. */
	private turn: Promise<void> = Promise.resolve();

	/** Increases each time a refresh finished; tells a 401 from before and after a refresh apart. */
	private generation = 0;

	private refreshing: Promise<void> | undefined;

	constructor(private readonly isTokenFailure: (error: unknown) => boolean) {}

	async send<T>(attempt: Attempt<T>): Promise<T> {
		if (!this.authenticated) {
			const alone = await this.sendAloneIfStillNeeded(attempt);
			if (alone) return unwrap(alone);
		}
		if (this.refreshing) await this.refreshing;
		const generation = this.generation;
		const outcome = await settle(attempt(false));
		if (outcome.ok || !isUnauthorized(outcome.error)) return unwrap(outcome);
		return await this.afterUnauthorized(generation, attempt);
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
		const outcome = await settle(attempt(true));
		// Any answer from the API (even an error) means a token was issued and stored.
		if (outcome.ok || !this.isTokenFailure(outcome.error)) this.authenticated = true;
		release();
		return outcome;
	}

	private async afterUnauthorized<T>(generation: number, attempt: Attempt<T>): Promise<T> {
		if (this.generation !== generation) return await attempt(false);
		if (this.refreshing) {
			await this.refreshing;
			return await attempt(false);
		}
		const refresh = attempt(true);
		this.refreshing = refresh.then(
			() => this.refreshDone(),
			() => this.refreshDone(),
		);
		return await refresh;
	}

	private refreshDone(): void {
		this.generation++;
		this.refreshing = undefined;
	}
}
