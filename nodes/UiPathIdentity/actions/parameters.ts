import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { withItem } from '../transport/errors';
import { isGuid } from '../transport/urls';

/**
 * Reads a string parameter that must not be empty. Whitespace-only counts as empty because an
 * expression that resolved to nothing usually renders as spaces or an empty string.
 */
export function requiredString(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	hint: string,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (!text.trim()) {
		throw new NodeOperationError(ctx.getNode(), withItem(`${label} is empty`, itemIndex), {
			itemIndex,
			description: hint,
		});
	}
	return text;
}

function invalidGuid(ctx: IExecuteFunctions, label: string, value: string, itemIndex: number, hint: string) {
	return new NodeOperationError(ctx.getNode(), withItem(`${label} "${value}" is not a GUID`, itemIndex), {
		itemIndex,
		description: `UiPath IDs look like 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f. ${hint}`,
	});
}

/** A required ID parameter, trimmed and checked to be a GUID before anything is sent. */
export function requiredGuid(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	hint: string,
): string {
	const id = requiredString(ctx, name, label, itemIndex, hint).trim();
	if (!isGuid(id)) throw invalidGuid(ctx, label, id, itemIndex, hint);
	return id;
}

/**
 * A list of IDs from a multi-select (array) or an expression (array, or text separated by commas,
 * semicolons, spaces or line breaks). Every entry must be a GUID; duplicates are dropped.
 */
export function guidList(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number, hint: string): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;]+/) : [];
	const ids: string[] = [];
	for (const entry of entries) {
		const id = String(entry ?? '').trim();
		if (!id) continue;
		if (!isGuid(id)) throw invalidGuid(ctx, `${label} entry`, id, itemIndex, hint);
		if (!ids.some((known) => known.toLowerCase() === id.toLowerCase())) ids.push(id);
	}
	return ids;
}

/** An optional ID from a collection: `undefined` when empty, else a validated GUID. */
export function optionalGuid(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	hint: string,
): string | undefined {
	const id = typeof value === 'string' ? value.trim() : '';
	if (!id) return undefined;
	if (!isGuid(id)) throw invalidGuid(ctx, label, id, itemIndex, hint);
	return id;
}
