/**
 * A request's outcome held as a value, so it can be inspected (did it answer? was it a 401 or a
 * 404?) before it is decided whether to repeat it, and then returned or thrown unchanged.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}

/** The value, or the error exactly as core threw it (shaped later by `toNodeError`). */
export function unwrap<T>(outcome: Settled<T>): T {
	if (outcome.ok) return outcome.value;
	throw outcome.error;
}
