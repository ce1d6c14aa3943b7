import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, {
			itemIndex,
			description: hint,
		});
	}
	return text;
}

/** Throws a clear `[item N]` error unless the value is a GUID (all UiPath IDs are). */
export function checkGuid(ctx: IExecuteFunctions, value: string, label: string, itemIndex: number): string {
	const id = value.trim();
	if (!isGuid(id)) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not a GUID: "${id}"`, {
			itemIndex,
			description: `UiPath IDs are GUIDs such as 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f. Check the value mapped into ${label}.`,
		});
	}
	return id;
}

/**
 * Reads a list of IDs: the array a multi-select gives, or a comma/space/newline separated string
 * from an expression. Duplicates are dropped and every entry must be a GUID.
 */
export function guidList(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const value = ctx.getNodeParameter(name, itemIndex, []) as unknown;
	const entries = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,;]+/) : [];
	const ids = entries.map((entry) => entry.trim()).filter(Boolean);
	return [...new Set(ids.map((id) => checkGuid(ctx, id, label, itemIndex)))];
}

/** Reads a whole number option and keeps it inside what UiPath accepts. */
export function boundedNumber(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	{ min, max, fallback }: { min: number; max: number; fallback: number },
): number {
	const value = Number(ctx.getNodeParameter(name, itemIndex, fallback));
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a whole number from ${min} to ${max}`, {
			itemIndex,
			description: `Set ${label} to a value between ${min} and ${max}`,
		});
	}
	return value;
}

/** An optional text field of a collection, trimmed; '' when it is not set or not text. */
export function optionalText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Reads Group Names or IDs and refuses an empty list, which would make the request pointless. */
export function requiredGroupIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const groupIds = guidList(ctx, 'groupIds', 'Group Names or IDs', itemIndex);
	if (!groupIds.length) {
		throw new NodeOperationError(ctx.getNode(), 'Group Names or IDs is empty', {
			itemIndex,
			description: 'Choose at least one group, or map a list of group IDs',
		});
	}
	return groupIds;
}

/** The trimmed Search Term of `searchTermFilter` as a query string (empty when none was set). */
export function readSearchTerm(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const searchTerm = optionalText(filters.searchTerm);
	return searchTerm ? { searchTerm } : {};
}
