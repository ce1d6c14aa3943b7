/**
 * What a successful answer must look like before it becomes data: a proxy's HTML page, text or a
 * body of the wrong shape fails the item instead of turning into output.
 */

import { NodeOperationError } from 'n8n-workflow';
import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { withItem } from './errors';
import type { RequestContext } from './session';

export type AnswerShape = 'object' | 'list' | 'any';

/** UiPath answers JSON or nothing; text that should have been JSON is reported, not returned. */
export function isMalformed(response: IN8nHttpFullResponse): boolean {
	const body: unknown = response.body;
	if (typeof body !== 'string' || !body.trim()) return false;
	const type = String(response.headers?.['content-type'] ?? '');
	return /json|html/i.test(type) || /^[[{]/.test(body.trim());
}

/** Whether a successful answer has the shape the operation needs. */
export function hasShape(body: unknown, shape: AnswerShape | undefined): boolean {
	if (shape === 'object') return body !== null && typeof body === 'object' && !Array.isArray(body);
	if (shape === 'list') return Array.isArray(body);
	return true;
}

export function wrongShapeError(ctx: RequestContext, itemIndex: number, status: number, body: unknown, shape: string) {
	const got =
		body === null
			? 'null'
			: body === '' || body === undefined
				? 'an empty body'
				: Array.isArray(body)
					? 'a list'
					: typeof body === 'string'
						? 'text'
						: typeof body === 'object'
							? 'an object'
							: `a ${typeof body}`;
	return new NodeOperationError(
		ctx.getNode(),
		withItem(`UiPath answered HTTP ${status} with ${got} where ${shape === 'list' ? 'a list' : 'an object'} was expected`, itemIndex),
		{
			itemIndex,
			description:
				'A proxy or gateway may have answered instead of UiPath, or the ID addresses something else; check the Base URL in the credential and run the node again',
		},
	);
}
