import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { withItem } from '../transport/errors';

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
