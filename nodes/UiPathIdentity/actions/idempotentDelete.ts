import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../transport';
import type { IdentityRequest } from '../transport';
import { toNodeError } from '../transport/errors';

/**
 * Sends a DELETE. With `ignoreMissing`, UiPath's 404 means the object is already gone (e.g. an
 * earlier run deleted it) and the answer is `true` instead of an error, so offboarding flows can
 * be re-run safely.
 */
export async function deleteUnlessGone(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: Omit<IdentityRequest, 'method'>,
	ignoreMissing: boolean,
): Promise<{ alreadyDeleted: boolean }> {
	try {
		await identityRequest.call(ctx, itemIndex, { ...request, method: 'DELETE' });
		return { alreadyDeleted: false };
	} catch (error) {
		if (ignoreMissing && error instanceof NodeApiError && error.httpCode === '404') {
			return { alreadyDeleted: true };
		}
		throw error instanceof NodeApiError ? error : toNodeError(ctx.getNode(), error, itemIndex, request);
	}
}
