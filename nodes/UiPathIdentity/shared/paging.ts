import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../transport';
import type { IdentityRequest } from '../transport';

/** Return All / Limit as the user set them for one item. */
export interface ListLimit {
	returnAll: boolean;
	limit: number;
}

/**
 * Return All, or Limit as a positive whole number. An expression can resolve Limit to anything
 * (text, 0, a fraction), which is refused rather than rounded into a different request.
 */
export function readListLimit(ctx: IExecuteFunctions, itemIndex: number): ListLimit {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll, limit: Infinity };
	const raw = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
	if (!Number.isSafeInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `'Limit' must be a positive whole number, not ${typeof raw === 'string' ? `"${raw}"` : String(raw)}`, {
			itemIndex,
			description: "Set 'Limit' to 1 or more, or turn on 'Return All'",
		});
	}
	return { returnAll, limit };
}

/** For endpoints that answer everything at once (groups): the limit is applied here. */
export function applyLimit<T>(all: T[], { limit }: ListLimit): T[] {
	return all.slice(0, limit);
}

/** UiPath's largest page; the default of 10 would silently truncate (reference 8.4.6). */
export const MAX_PAGE_SIZE = 1000;

/** Pages read beyond what the first `totalCount` announced before the read is given up. */
export const EXTRA_PAGES = 2;

/** Pages read at most when UiPath reports no total (a million entries at 1000 per page). */
export const MAX_PAGES = 1000;

interface Page {
	totalCount?: number;
	results?: IDataObject[];
}

function pagingError(ctx: IExecuteFunctions, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description:
			'UiPath\'s paging did not behave as documented, so the list could not be read completely and without repeats. Run the node again; if it persists, use a Search Term or a Limit to read a smaller list',
	});
}

/**
 * Reads a `{totalCount, results}` list page by page with `top`/`skip`, always sending `top`,
 * advancing `skip` by what actually arrived, and stopping at the limit, at `totalCount`, or at the
 * first short page. A read that may need more than one page sends `sortBy=Id` (unless a sort was
 * chosen, or `stableSort` is off for an endpoint that is not known to sort) so offsets stay stable between pages, and entries are de-duplicated by ID. A server that
 * ignores `skip`, always answers a full page or keeps raising its total stops the read with an
 * error after a bounded number of pages.
 */
export async function fetchPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: IdentityRequest,
	{ limit }: ListLimit,
	{ stableSort = true }: { stableSort?: boolean } = {},
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	const seen = new Set<string>();
	const qs: IDataObject = { ...request.qs };
	if (stableSort && limit > MAX_PAGE_SIZE && qs.sortBy === undefined) qs.sortBy = 'Id';
	let skip = 0;
	let maxPages = MAX_PAGES;
	for (let pages = 1; ; pages++) {
		const top = Math.min(MAX_PAGE_SIZE, limit - collected.length);
		const page = (await identityRequest.call(ctx, itemIndex, { ...request, qs: { ...qs, top, skip }, answer: 'object' })) as Page;
		const results = Array.isArray(page?.results) ? page.results : [];
		const total = typeof page?.totalCount === 'number' ? page.totalCount : undefined;
		if (pages === 1 && total !== undefined) maxPages = Math.min(MAX_PAGES, Math.ceil(total / MAX_PAGE_SIZE) + EXTRA_PAGES);
		skip += results.length;
		let fresh = 0;
		for (const entry of results) {
			const id = entry?.id === undefined || entry.id === null ? undefined : String(entry.id).toLowerCase();
			if (id !== undefined && seen.has(id)) continue;
			if (id !== undefined) seen.add(id);
			fresh++;
			if (collected.length < limit) collected.push(entry);
		}
		if (results.length < top || collected.length >= limit || (total !== undefined && skip >= total)) {
			return collected;
		}
		if (fresh === 0) {
			throw pagingError(ctx, itemIndex, `UiPath sent page ${pages} of the list again (skip=${skip - results.length} answered only entries already read)`);
		}
		if (pages >= maxPages) {
			throw pagingError(
				ctx,
				itemIndex,
				`UiPath kept sending full pages: stopped after ${pages} pages (${skip} entries${total !== undefined ? `, total now ${total}` : ''}) to avoid reading forever`,
			);
		}
	}
}
