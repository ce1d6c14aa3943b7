import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { identityRequest } from '../transport';
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

/** Users for the "From List" mode of User: searchable, paged with `skip` as the token. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken) || 0;
	const qs: IDataObject = { top: PAGE_SIZE, skip };
	if (filter?.trim()) qs.searchTerm = filter.trim();
	const page = (await identityRequest.call(this, 0, {
		...(await userListRequest(this, 0)),
		qs,
	})) as { totalCount?: number; results?: IDataObject[] };
	const users = page.results ?? [];
	const next = skip + users.length;
	const more = users.length === PAGE_SIZE && (typeof page.totalCount !== 'number' || next < page.totalCount);
	return {
		results: users.map((user) => ({ name: userLabel(user), value: String(user.id) })),
		paginationToken: more ? String(next) : undefined,
	};
}
