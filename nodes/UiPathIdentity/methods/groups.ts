import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { identityRequest } from '../transport';
import type { GroupDto } from '../actions/group/lookup';
import { groupListRequest, sortByName } from '../actions/group/lookup';
import { groupTypeName } from '../actions/enums';

async function organizationGroups(ctx: ILoadOptionsFunctions): Promise<GroupDto[]> {
	const answer: unknown = await identityRequest.call(ctx, 0, { method: 'GET', ...groupListRequest });
	return sortByName(Array.isArray(answer) ? (answer as GroupDto[]) : []);
}

/** Group pickers (multi-select "Groups to Add/Remove"): every group of the organization by name. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await organizationGroups(this);
	return groups.map((group) => ({
		name: group.name,
		value: group.id,
		...(groupTypeName(group.type) === 'builtIn' ? { description: 'Built-in group' } : {}),
	}));
}

/**
 * "From list" of the group resource locator. The endpoint returns all groups at once and has no
 * search parameter, so the filter is applied here (case-insensitive, anywhere in the name).
 */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const groups = await organizationGroups(this);
	return {
		results: groups
			.filter((group) => !needle || group.name.toLowerCase().includes(needle))
			.map((group) => ({ name: group.name, value: group.id })),
	};
}
