import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { identityRequest } from '../transport';
import type { IdentityRequest } from '../transport';
import { MAX_PAGE_SIZE } from '../shared/paging';
import { userListRequest } from '../shared/users';

const PAGE_SIZE = 100;

/** "Jane Doe (jane.doe@example.com)", falling back to names or the username. */
function userLabel(user: IDataObject): string {
	const name =
		String(user.displayName ?? '').trim() ||
		[user.name, user.surname].filter(Boolean).join(' ').trim() ||
		String(user.userName ?? user.id);
	const email = String(user.email ?? '').trim();
	return email && email !== name ? `${name} (${email})` : name;
}

/**
 * One page of a `{totalCount, results}` list for a "From List" mode: the typed filter is UiPath's
 * `searchTerm`, the pagination token is the `skip` of the next page.
 */
export async function searchPage(
	ctx: ILoadOptionsFunctions,
	list: IdentityRequest,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken) || 0;
	const qs: IDataObject = { top: PAGE_SIZE, skip };
	if (filter?.trim()) qs.searchTerm = filter.trim();
	const page = (await identityRequest.call(ctx, 0, { ...list, qs })) as {
		totalCount?: number;
		results?: IDataObject[];
	};
	const entries = page.results ?? [];
	const next = skip + entries.length;
	const more = entries.length === PAGE_SIZE && (typeof page.totalCount !== 'number' || next < page.totalCount);
	return {
		results: entries.map((entry) => ({ name: label(entry), value: String(entry.id) })),
		paginationToken: more ? String(next) : undefined,
	};
}

/** Users for the "From List" mode of User: searchable, paged with `skip` as the token. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, await userListRequest(this, 0), userLabel, filter, paginationToken);
}

/**
 * Group member pickers (multi-select): the first 1,000 users of the organization, by label. A
 * dropdown cannot page, so larger organizations map IDs with an expression.
 */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const page = (await identityRequest.call(this, 0, {
		...(await userListRequest(this, 0)),
		qs: { top: MAX_PAGE_SIZE, skip: 0, sortBy: 'DisplayName', sortOrder: 'asc' },
	})) as { results?: IDataObject[] };
	return (page.results ?? []).map((user) => ({ name: userLabel(user), value: String(user.id) }));
}
