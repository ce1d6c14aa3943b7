import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { groupTypeName } from '../shared/enums';
import type { GroupDto } from '../shared/groups';
import { fetchGroups, sortByName } from '../shared/groups';

async function organizationGroups(ctx: ILoadOptionsFunctions): Promise<GroupDto[]> {
	return sortByName(await fetchGroups(ctx, 0));
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
