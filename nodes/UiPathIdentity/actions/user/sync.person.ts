/**
 * User → Sync, one person: the changes that make one UiPath account match one input person, or
 * the account to create. Pure, like the rest of the plan (sync.plan.ts puts the people together).
 */

import type {
	CurrentUser,
	DesiredPerson,
	GroupRef,
	NewAccount,
	OrgGroup,
	PersonAction,
	PersonChange,
	PersonPlan,
	SyncField,
	SyncKeyField,
	SyncOptions,
} from './sync.types';
import { groupTypeName } from '../../shared/enums';
import { isGuid } from '../../transport/urls';

export const lower = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
/** Input text that counts: trimmed, and empty text means "not given". */
export const given = (value: unknown): string | undefined => {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return text ? text : undefined;
};

export interface GroupIndex {
	byId: Map<string, OrgGroup>;
	byName: Map<string, OrgGroup[]>;
}

export function indexGroups(groups: OrgGroup[]): GroupIndex {
	const byId = new Map<string, OrgGroup>();
	const byName = new Map<string, OrgGroup[]>();
	for (const group of groups) {
		byId.set(group.id.toLowerCase(), group);
		const name = lower(group.name);
		byName.set(name, [...(byName.get(name) ?? []), group]);
	}
	return { byId, byName };
}

/** The groups a person names, or the reason they cannot all be found. */
export function resolveGroups(references: string[], index: GroupIndex): { groups: OrgGroup[] } | { reason: string } {
	const found = new Map<string, OrgGroup>();
	const unknown: string[] = [];
	for (const reference of references) {
		const text = String(reference ?? '').trim();
		if (!text) continue;
		const byId = isGuid(text) ? index.byId.get(text.toLowerCase()) : undefined;
		if (byId) {
			found.set(byId.id.toLowerCase(), byId);
			continue;
		}
		const named = index.byName.get(text.toLowerCase()) ?? [];
		if (named.length > 1) {
			return { reason: `The group name "${text}" belongs to ${named.length} groups; use the group ID instead` };
		}
		if (named.length === 1) found.set(named[0].id.toLowerCase(), named[0]);
		else unknown.push(text);
	}
	if (unknown.length) {
		const list = unknown.map((name) => `"${name}"`).join(', ');
		return { reason: `${unknown.length === 1 ? 'Unknown group' : 'Unknown groups'} ${list}: no group of the organization has this name or ID` };
	}
	return { groups: [...found.values()] };
}

/** Built-in groups Sync never removes anyone from: every user belongs to Everyone. */
function isEveryone(group: OrgGroup): boolean {
	return group.name.trim().toLowerCase() === 'everyone' && groupTypeName(group.type) !== 'custom';
}

export function personBase(index: number, key: string): PersonPlan {
	return { index, key, action: 'unchanged', changes: [], changedFields: {}, groupsAdded: [], groupsRemoved: [] };
}

export function failed(base: PersonPlan, reason: string, userId?: string): PersonPlan {
	return { ...base, action: 'failed', reason, ...(userId ? { userId } : {}) };
}

const ACTION_ORDER: PersonChange[] = ['created', 'deactivated', 'activated', 'updated', 'groupsAdded', 'groupsRemoved'];

function actionOf(changes: PersonChange[]): PersonAction {
	const first = ACTION_ORDER.find((change) => changes.includes(change));
	if (!first) return 'unchanged';
	return first === 'groupsAdded' || first === 'groupsRemoved' ? 'updated' : first;
}

const groupRef = (group: OrgGroup): GroupRef => ({ id: group.id, name: group.name });

export function planNewAccount(base: PersonPlan, person: DesiredPerson, keyField: SyncKeyField, groups: OrgGroup[] | undefined): PersonPlan {
	if (person.active === false) {
		return { ...base, reason: 'Not in UiPath and marked inactive: nothing to create' };
	}
	const key = String(person.key).trim();
	const email = keyField === 'email' ? key : given(person.email);
	const create: NewAccount = { userName: key, groupIds: (groups ?? []).map((group) => group.id) };
	if (email) create.email = email;
	const name = given(person.firstName);
	const surname = given(person.lastName);
	const displayName = given(person.displayName);
	if (name) create.name = name;
	if (surname) create.surname = surname;
	if (displayName) create.displayName = displayName;
	return {
		...base,
		action: 'created',
		changes: ['created'],
		create,
		groupsAdded: (groups ?? []).map(groupRef),
	};
}

export function planExisting(
	base: PersonPlan,
	person: DesiredPerson,
	user: CurrentUser,
	options: SyncOptions,
	groups: OrgGroup[] | undefined,
	groupIndex: GroupIndex,
): PersonPlan {
	const plan: PersonPlan = { ...base, userId: user.id };
	const wanted: Array<[SyncField, string | undefined]> = [
		['name', given(person.firstName)],
		['surname', given(person.lastName)],
		['displayName', given(person.displayName)],
	];
	if (options.keyField === 'userName') wanted.push(['email', given(person.email)]);
	for (const [field, value] of wanted) {
		if (value === undefined) continue;
		const current = typeof user[field] === 'string' ? (user[field] as string) : null;
		const same = field === 'email' ? lower(current) === value.toLowerCase() : (current ?? '').trim() === value;
		if (!same) plan.changedFields[field] = { from: current, to: value };
	}
	const changes: PersonChange[] = [];
	if (Object.keys(plan.changedFields).length) changes.push('updated');

	const wantActive = person.active !== false;
	const isActive = user.isActive !== false;
	if (wantActive && !isActive) changes.push('activated');
	if (!wantActive && isActive) changes.push('deactivated');

	if (groups !== undefined) {
		const current = new Set((user.groupIDs ?? []).map((id) => id.toLowerCase()));
		const desired = new Set(groups.map((group) => group.id.toLowerCase()));
		plan.groupsAdded = groups.filter((group) => !current.has(group.id.toLowerCase())).map(groupRef);
		if (options.groupMode === 'exact') {
			plan.groupsRemoved = [...current]
				.filter((id) => !desired.has(id))
				.map((id) => groupIndex.byId.get(id))
				// Memberships in groups the organization does not list, and in Everyone, stay as they are.
				.filter((group): group is OrgGroup => group !== undefined && !isEveryone(group))
				.map(groupRef);
		}
		if (plan.groupsAdded.length) changes.push('groupsAdded');
		if (plan.groupsRemoved.length) changes.push('groupsRemoved');
	}
	return { ...plan, changes, action: actionOf(changes) };
}
