import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isGuid } from '../transport/urls';

/** What a resolved parameter value is, in words for a message: "a number", "an object", … */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
	if (typeof value === 'boolean') return 'true or false';
	return `a ${typeof value}`;
}

/** Whether a resolved value counts as "not set": undefined, null or text of whitespace only. */
export function isUnset(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** The `[item N]` error for a parameter whose resolved value has the wrong type. */
export function wrongType(
	ctx: IExecuteFunctions,
	label: string,
	itemIndex: number,
	value: unknown,
	expected: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `'${label}' must be ${expected}, not ${describeType(value)}`, {
		itemIndex,
		description: `Check the expression mapped into '${label}': it resolved to ${describeType(value)}`,
	});
}

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
	const text = typeof value === 'string' ? value : '';
	if (!text.trim()) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is empty`, {
			itemIndex,
			description: hint,
		});
	}
	return text;
}

/** Throws a clear `[item N]` error unless the value is a UiPath ID (a GUID). */
export function checkGuid(ctx: IExecuteFunctions, value: string, label: string, itemIndex: number): string {
	const id = value.trim();
	if (!isGuid(id)) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is not a valid ID: "${id}"`, {
			itemIndex,
			description: `UiPath IDs look like 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f. Check the value mapped into '${label}'.`,
		});
	}
	return id;
}

/**
 * Reads a list of IDs: the array a multi-select gives, or a comma/space/newline separated string
 * from an expression (the runner's type check refused anything else). Duplicates are dropped and
 * every entry must be a GUID.
 */
export function guidList(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const ids = listEntries(ctx.getNodeParameter(name, itemIndex, []), /[\s,;]+/);
	return [...new Set(ids.map((id) => checkGuid(ctx, id, label, itemIndex)))];
}

/**
 * The entries of a list parameter: the list an expression gives, or text separated by commas,
 * semicolons or new lines (names may hold spaces). Trimmed; empty entries are dropped.
 */
export function listEntries(value: unknown, separators: RegExp = /[,;\n]/): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separators) : [];
	return entries.map((entry) => String(entry ?? '').trim()).filter(Boolean);
}

/** Reads a whole number option and keeps it inside what UiPath accepts. */
export function boundedNumber(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	{ min, max, fallback }: { min: number; max: number; fallback: number },
): number {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	// Only a number or numeric text: Number(true) is 1 and Number([5]) is 5.
	const value = typeof raw === 'number' || (typeof raw === 'string' && raw.trim()) ? Number(raw) : NaN;
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' must be a whole number from ${min} to ${max}`, {
			itemIndex,
			description: `Set '${label}' to a value between ${min} and ${max}`,
		});
	}
	return value;
}

/** An optional text field of a collection, trimmed; '' when it is not set. */
export function optionalText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Reads Group Names or IDs and refuses an empty list, which would make the request pointless. */
export function requiredGroupIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const groupIds = guidList(ctx, 'groupIds', 'Group Names or IDs', itemIndex);
	if (!groupIds.length) {
		throw new NodeOperationError(ctx.getNode(), "'Group Names or IDs' is empty", {
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

/**
 * The Output choice of one item as a function over output objects: Simplified keeps `simplified`,
 * Selected Fields keeps the chosen ones (and `id`), Raw keeps everything.
 */
export function readOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	simplified: string[],
): (entry: IDataObject) => IDataObject {
	const output = ctx.getNodeParameter('output', itemIndex, 'simple') as string;
	if (output === 'raw') return (entry) => entry;
	const keep = output === 'fields' ? ['id', ...(ctx.getNodeParameter('fields', itemIndex, []) as string[])] : simplified;
	return (entry) => pickFields(entry, keep);
}

/** The listed fields of an output object that it has, in the listed order. */
export function pickFields(entry: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (entry[field] !== undefined) picked[field] = entry[field];
	return picked;
}
