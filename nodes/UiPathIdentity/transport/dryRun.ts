import type { IDataObject } from 'n8n-workflow';

import type { IdentityRequest } from './index';
import { ORGANIZATION_ID, ORGANIZATION_PATH_SEGMENT } from './urls';

/**
 * Dry Run: while an item runs in dry-run mode, every request that would change something (any
 * method but GET) is recorded here instead of being sent; reads still go out, so an operation
 * still finds the user, checks the groups and fails where the real run would. The runner starts
 * and ends the mode around the operation and turns the record into the item's output.
 */

/** What the item's output shows of one request that was not sent. */
export interface RecordedRequest extends IDataObject {
	method: string;
	path: string;
}

/** What `identityRequest` returns for a request that was recorded: a success without content. */
export const DRY_RUN_ANSWER = Object.freeze({ succeeded: true, errors: [] as IDataObject[] });

interface DryRunState {
	items: Set<number>;
	recorded: Map<number, RecordedRequest[]>;
}

const states = new WeakMap<object, DryRunState>();

/** Starts dry-run mode for these items of this execution context. */
export function beginDryRun(ctx: object, itemIndexes: number[]): void {
	const state = states.get(ctx) ?? { items: new Set<number>(), recorded: new Map() };
	for (const itemIndex of itemIndexes) state.items.add(itemIndex);
	states.set(ctx, state);
}

/** Ends dry-run mode for an item and hands back what it would have sent. */
export function endDryRun(ctx: object, itemIndex: number): RecordedRequest[] {
	const state = states.get(ctx);
	if (!state) return [];
	state.items.delete(itemIndex);
	const recorded = state.recorded.get(itemIndex) ?? [];
	state.recorded.delete(itemIndex);
	return recorded;
}

export function isDryRun(ctx: object, itemIndex: number): boolean {
	return states.get(ctx)?.items.has(itemIndex) === true;
}

/** Field names whose values are never shown, whatever the request. */
const SECRET_FIELD = /password|secret|token/i;
export const REDACTED = '[redacted]';

/** A copy of a body with secrets replaced: by field name, and every value listed in `secrets`. */
export function redactBody(value: unknown, secrets: string[] = []): unknown {
	if (typeof value === 'string') {
		let text = value;
		for (const secret of secrets) if (secret) text = text.split(secret).join(REDACTED);
		return text;
	}
	// The organization placeholder reads as in paths: the credential fills it in when it signs.
	if (value === ORGANIZATION_ID) return ORGANIZATION_PATH_SEGMENT;
	if (Array.isArray(value)) return value.map((entry) => redactBody(entry, secrets));
	if (value && typeof value === 'object') {
		const copy: IDataObject = {};
		for (const [key, entry] of Object.entries(value as IDataObject)) {
			copy[key] = SECRET_FIELD.test(key) && entry !== null && entry !== undefined && entry !== ''
				? REDACTED
				: (redactBody(entry, secrets) as IDataObject[string]);
		}
		return copy;
	}
	return value;
}

/**
 * Records the request when its item is in dry-run mode and it would change something; returns
 * whether it did (then the caller must not send it). Paths and bodies are shown as the node
 * builds them: `{organizationId}` is what the credential fills in when it signs the request.
 * A bulk request is shown in full on the first of the items it serves (`items`); the others
 * point at that item.
 */
export function recordIfDryRun(ctx: object, itemIndex: number, request: IdentityRequest): boolean {
	const state = states.get(ctx);
	if (!state?.items.has(itemIndex) || request.method === 'GET') return false;
	const entry: RecordedRequest = { method: request.method, path: request.path };
	if (request.qs && Object.keys(request.qs).length) entry.qs = redactBody(request.qs, request.secrets) as IDataObject;
	if (request.body !== undefined) entry.body = redactBody(request.body, request.secrets) as IDataObject;
	const served = request.items?.length ? request.items : [itemIndex];
	served.forEach((item, position) => {
		const shown: RecordedRequest = position === 0 ? entry : { method: entry.method, path: entry.path, sentWithItem: served[0] };
		state.recorded.set(item, [...(state.recorded.get(item) ?? []), shown]);
	});
	return true;
}
