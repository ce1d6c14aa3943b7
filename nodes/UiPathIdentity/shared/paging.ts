import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../transport';
import type { IdentityRequest } from '../transport';

/** Return All / Limit as the user set them for one item. */
export interface ListLimit {
	returnAll: boolean;
	limit: number;
}

export function readListLimit(ctx: IExecuteFunctions, itemIndex: number): ListLimit {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50))));
	return { returnAll, limit };
}

/** For endpoints that answer everything at once (groups): the limit is applied here. */
export function applyLimit<T>(all: T[], { limit }: ListLimit): T[] {
	return all.slice(0, limit);
}

/** UiPath's largest page; the default of 10 would silently truncate (reference 8.4.6). */
export const MAX_PAGE_SIZE = 1000;

interface Page {
	totalCount?: number;
	results?: IDataObject[];
}

/**
 * Reads a `{totalCount, results}` list page by page with `top`/`skip`, always sending `top`,
 * advancing `skip` by what actually arrived, and stopping at the limit, at `totalCount`, or at the
 * first short page.
 */
export async function fetchPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: IdentityRequest,
	{ limit }: ListLimit,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	for (;;) {
		const top = Math.min(MAX_PAGE_SIZE, limit - collected.length);
		const page = (await identityRequest.call(ctx, itemIndex, {
			...request,
			qs: { ...request.qs, top, skip: collected.length },
		})) as Page;
		const results = Array.isArray(page?.results) ? page.results : [];
		collected.push(...results.slice(0, limit - collected.length));
		const total = typeof page?.totalCount === 'number' ? page.totalCount : undefined;
		if (results.length < top || collected.length >= limit || (total !== undefined && collected.length >= total)) {
			return collected;
		}
	}
}
