import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { identityRequest } from '../transport';
import { endpoint, endpoints } from '../transport/endpoints';
import { isGuid } from '../transport/urls';

/** GroupDto (reference 4.2): `type` arrives as a number, `members` is always empty in practice. */
export interface GroupDto extends IDataObject {
	id: string;
	name: string;
	type?: number | string;
}

export function sortByName<T extends { name?: unknown }>(groups: T[]): T[] {
	return [...groups].sort((a, b) =>
		String(a.name ?? '').localeCompare(String(b.name ?? ''), 'en', { sensitivity: 'base' }),
	);
}

/**
 * The group list is fetched once per execution and shared by all items (resolving names for 100
 * items would otherwise cost 100 of the organization's 300 GET calls per 5 minutes). Operations
 * that change groups call `forgetGroups` so later items see the change.
 */
const groupLists = new WeakMap<object, Promise<GroupDto[]>>();

/** `GET /api/Group/{organization}`: every group of the organization, unsorted. */
export async function fetchGroups(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
): Promise<GroupDto[]> {
	// `answer: 'list'`: the transport fails the item on anything but a list.
	return (await identityRequest.call(ctx, itemIndex, { ...endpoint(endpoints.groupList), answer: 'list' })) as GroupDto[];
}

export async function listGroups(ctx: IExecuteFunctions, itemIndex: number): Promise<GroupDto[]> {
	const shared = groupLists.get(ctx);
	if (shared) {
		try {
			return await shared;
		} catch {
			// Another item's fetch failed; fetch again so this item gets its own answer or error.
		}
	}
	const mine = fetchGroups(ctx, itemIndex);
	groupLists.set(ctx, mine);
	mine.catch(() => groupLists.get(ctx) === mine && groupLists.delete(ctx));
	return await mine;
}

export function forgetGroups(ctx: IExecuteFunctions): void {
	groupLists.delete(ctx);
}

export interface GroupRef {
	id: string;
	/** Known without another request when the group was chosen by name. */
	name?: string;
}

function readLocator(ctx: IExecuteFunctions, parameter: string, itemIndex: number): { mode: string; value: string } {
	const raw = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string | undefined;
	if (raw !== null && typeof raw === 'object') {
		return { mode: String(raw.mode ?? 'id'), value: String(raw.value ?? '').trim() };
	}
	return { mode: 'id', value: String(raw ?? '').trim() };
}

/**
 * Reads a group resource locator: From list and By ID give the GUID (validated), By Name is
 * matched exactly against the organization's groups. With `allowMissing`, a name that matches
 * nothing gives `undefined` instead of an error (idempotent deletes).
 */
export async function resolveGroup(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { parameter?: string; allowMissing?: boolean } = {},
): Promise<GroupRef | undefined> {
	const { mode, value } = readLocator(ctx, options.parameter ?? 'groupId', itemIndex);
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { itemIndex, description });

	if (!value) {
		throw fail("'Group' is empty", 'Pick a group from the list, or enter its ID or its exact name');
	}
	if (mode !== 'name') {
		if (!isGuid(value)) {
			throw fail(
				`'Group' is not a valid ID: "${value}"`,
				'UiPath group IDs look like 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f. Pick the group from the list, or switch to By Name to use its name',
			);
		}
		return { id: value };
	}

	const groups = await listGroups(ctx, itemIndex);
	const matches = groups.filter((group) => group.name === value);
	if (matches.length === 1) return { id: matches[0].id, name: matches[0].name };
	if (matches.length > 1) {
		throw fail(
			`${matches.length} groups are named "${value}"`,
			`Select the group by ID instead, one of: ${matches.map((group) => group.id).join(', ')}`,
		);
	}
	if (options.allowMissing) return undefined;
	const similar = groups.filter((group) => group.name.toLowerCase() === value.toLowerCase());
	throw fail(
		`No group is named "${value}"`,
		similar.length
			? `Names are matched exactly, including upper and lower case. Did you mean "${similar[0].name}"?`
			: 'Check the spelling (names are matched exactly), or pick the group from the list',
	);
}
