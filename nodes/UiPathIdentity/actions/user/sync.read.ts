/**
 * User → Sync, reading: the run-wide settings and one person per input item from the node, and
 * from UiPath everything the plan compares them with.
 */

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { isGuid } from '../../transport/urls';
import { listGroups } from '../../shared/groups';
import { fetchPages } from '../../shared/paging';
import { boundedNumber, listEntries } from '../../shared/readers';
import { userListRequest } from '../../shared/users';
import { matchesKey, normalizeKey } from './sync.plan';
import type { CurrentUser, DesiredPerson, OrgGroup, SyncKeyField, SyncMissingMode } from './sync.types';

type GroupChoice = 'none' | 'exact' | 'addOnly';

export interface SyncSettings {
	dryRun: boolean;
	keyField: SyncKeyField;
	groupMode: GroupChoice;
	missing: SyncMissingMode;
	protectedIds: string[];
	maxChanges?: number;
	batchSize: number;
}

/** The run-wide settings, read from the first item (they are the same for every person). */
export function readSyncSettings(ctx: IExecuteFunctions): SyncSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const protectedIds = listEntries(options.protectedIds);
	for (const id of protectedIds) {
		if (!isGuid(id)) {
			throw new NodeOperationError(ctx.getNode(), `'Protected User IDs' holds "${id}", which is not a UiPath ID (GUID)`, {
				itemIndex: 0,
				description: 'List the IDs of the users Sync must never deactivate or delete, separated by commas',
			});
		}
	}
	const maxChanges = boundedNumber(ctx, 'options.maxChanges', 'Maximum Changes', 0, { min: 0, max: 1_000_000, fallback: 0 });
	return {
		// On unless set to false: Sync shows its plan until told to carry it out.
		dryRun: ctx.getNodeParameter('dryRun', 0, true) !== false,
		keyField: ctx.getNodeParameter('keyField', 0, 'email') === 'userName' ? 'userName' : 'email',
		groupMode: (ctx.getNodeParameter('groupMode', 0, 'none') as GroupChoice) ?? 'none',
		missing: (options.missing as SyncMissingMode | undefined) ?? 'none',
		protectedIds,
		maxChanges: maxChanges > 0 ? maxChanges : undefined,
		batchSize: boundedNumber(ctx, 'options.batchSize', 'Batch Size', 0, { min: 1, max: 1000, fallback: 100 }),
	};
}

function text(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' ? value : undefined;
}

/** One person from one input item. */
export function readPerson(ctx: IExecuteFunctions, itemIndex: number, settings: SyncSettings): DesiredPerson {
	const person: DesiredPerson = {
		key: text(ctx.getNodeParameter('key', itemIndex, '')) ?? '',
		firstName: text(ctx.getNodeParameter('firstName', itemIndex, '')),
		lastName: text(ctx.getNodeParameter('lastName', itemIndex, '')),
		displayName: text(ctx.getNodeParameter('displayName', itemIndex, '')),
	};
	if (settings.keyField === 'userName') person.email = text(ctx.getNodeParameter('email', itemIndex, ''));
	const active = ctx.getNodeParameter('active', itemIndex, true) as unknown;
	// The type check let through only true, false and the texts "true" and "false" (any case).
	person.active = !(active === false || (typeof active === 'string' && active.trim().toLowerCase() === 'false'));
	if (settings.groupMode !== 'none') person.groups = listEntries(ctx.getNodeParameter('groups', itemIndex, ''));
	return person;
}

/** Everything the organization holds that Sync compares: users (all pages, stable order) and groups. */
export async function readOrganization(
	ctx: IExecuteFunctions,
	people: DesiredPerson[],
	settings: SyncSettings,
): Promise<{ users: CurrentUser[]; groups: OrgGroup[] }> {
	const listed = await fetchPages(
		ctx,
		0,
		// Paging needs a stable sort, or users shift between pages (reference 0.1 item 4). Standalone
		// Orchestrator lists users at UserPartition (reference 0.1 item 1).
		{ ...(await userListRequest(ctx, 0)), qs: { sortBy: 'Id', sortOrder: 'asc' } },
		{ returnAll: true, limit: Infinity },
	);
	const seen = new Set<string>();
	const users = (listed as unknown as CurrentUser[]).filter((user) => {
		const id = String(user?.id ?? '').toLowerCase();
		if (!id || seen.has(id)) return false;
		seen.add(id);
		return true;
	});
	const groups = settings.groupMode === 'none' ? [] : ((await listGroups(ctx, 0)) as OrgGroup[]);

	// The list normally carries each user's groups; read the few matched users it left them out for.
	if (settings.groupMode !== 'none') {
		const keys = people.map((person) => normalizeKey(person.key)).filter((key): key is string => key !== undefined);
		const wanted = new Set(keys);
		for (const [index, user] of users.entries()) {
			if (Array.isArray(user.groupIDs)) continue;
			if (![...wanted].some((key) => matchesKey(user, key, settings.keyField))) continue;
			users[index] = (await identityRequest.call(ctx, 0, endpoint(endpoints.userGet, user.id))) as CurrentUser;
		}
	}
	return { users, groups };
}
