/**
 * User → Sync, the planning half: works out, from the people who should have a UiPath account and
 * what the organization holds now, the smallest set of changes that makes UiPath match. Pure: no
 * requests, no n8n context, so every rule here is unit-tested directly.
 */

/** Which field identifies a person in both the input and UiPath. */
export type SyncKeyField = 'email' | 'userName';
/** `exact`: the listed groups and no others; `addOnly`: join the listed groups, never leave one. */
export type SyncGroupMode = 'exact' | 'addOnly';
/** What happens to UiPath users that are not in the input. */
export type SyncMissingMode = 'none' | 'deactivate' | 'delete';

/** One person who should (or, with `active: false`, should no longer) be able to sign in. */
export interface DesiredPerson {
	/** Email or user name, as chosen by the key field. */
	key: string;
	/** Only read when the key is the user name. */
	email?: string;
	firstName?: string;
	lastName?: string;
	displayName?: string;
	/** Group names or IDs. Absent: the person's groups are left as they are. */
	groups?: string[];
	/** Absent means active. */
	active?: boolean;
}

/** What Sync needs of a UserDto. `groupIDs` may be missing when the list did not include it. */
export interface CurrentUser {
	id: string;
	userName?: string | null;
	email?: string | null;
	name?: string | null;
	surname?: string | null;
	displayName?: string | null;
	isActive?: boolean;
	type?: unknown;
	category?: unknown;
	groupIDs?: string[] | null;
}

export interface OrgGroup {
	id: string;
	name: string;
	type?: unknown;
}

export interface SyncOptions {
	keyField: SyncKeyField;
	groupMode: SyncGroupMode;
	missing: SyncMissingMode;
	/** IDs that Sync never deactivates or deletes as missing from the input. */
	protectedIds: string[];
	/** Most changes one run may make; absent: 10% of the organization's people, at least 5. */
	maxChanges?: number;
}

/** The profile fields Sync compares, by their UiPath names. */
export type SyncField = 'name' | 'surname' | 'displayName' | 'email';

export interface FieldChange {
	from: string | null;
	to: string;
}

export interface GroupRef {
	id: string;
	name: string;
}

/** The kinds of change one person can get; several can apply at once (one request). */
export type PersonChange = 'created' | 'updated' | 'groupsAdded' | 'groupsRemoved' | 'activated' | 'deactivated';

/** The outcome label of one person: the most telling of their changes. */
export type PersonAction = 'created' | 'updated' | 'activated' | 'deactivated' | 'unchanged' | 'failed';

export interface NewAccount {
	userName: string;
	email?: string;
	name?: string;
	surname?: string;
	displayName?: string;
	groupIds: string[];
}

export interface PersonPlan {
	/** Position of the person in the input. */
	index: number;
	key: string;
	action: PersonAction;
	changes: PersonChange[];
	/** The matched UiPath user; absent for creations and for people that matched nobody. */
	userId?: string;
	/** Set when `action` is `created`. */
	create?: NewAccount;
	changedFields: Partial<Record<SyncField, FieldChange>>;
	groupsAdded: GroupRef[];
	groupsRemoved: GroupRef[];
	/** Why the person failed, or a note on why nothing changes (e.g. inactive and not in UiPath). */
	reason?: string;
}

/** An account that is not in the input and that Sync deactivates or deletes. */
export interface OutsidePlan {
	userId: string;
	userName: string | null;
	email: string | null;
	action: 'deactivated' | 'deleted';
}

export interface SyncPlan {
	people: PersonPlan[];
	outside: OutsidePlan[];
	/** People with a change plus accounts acted on outside the input. */
	changeCount: number;
	/** Maximum Changes in force for this run. */
	limit: number;
	/** People accounts (local and directory users) the organization holds; the base of the default limit. */
	organizationSize: number;
	/** Set when the plan must not be carried out; nothing is sent then. */
	refused?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Default Maximum Changes: 10% of the organization's people, never fewer than 5. */
export function defaultMaxChanges(organizationSize: number): number {
	return Math.max(5, Math.ceil(organizationSize * 0.1));
}

/** UserType by name or wire number (reference 4.0: enums arrive as numbers). */
const USER_TYPES = ['user', 'robot', 'directoryUser', 'directoryGroup', 'robotAccount', 'application'];
const CATEGORIES = ['local', 'linkedLocal', 'directory'];

function enumText(value: unknown, names: string[]): string {
	if (typeof value === 'number') return names[value] ?? String(value);
	return typeof value === 'string' ? value : '';
}

/** What kind of account a UserDto is, as far as Sync cares. */
export type AccountKind = 'local' | 'directory' | 'robot' | 'other';

export function accountKind(user: CurrentUser): AccountKind {
	const type = enumText(user.type, USER_TYPES).toLowerCase();
	const category = enumText(user.category, CATEGORIES).toLowerCase();
	if (type === 'robot' || type === 'robotaccount') return 'robot';
	if (type === 'directoryuser' || (type === 'user' || type === '') && category === 'directory') return 'directory';
	if (type === 'user' || type === '') return 'local';
	return 'other';
}

/** Built-in groups Sync never removes anyone from: every user belongs to Everyone. */
function isEveryone(group: OrgGroup): boolean {
	return group.name.trim().toLowerCase() === 'everyone' && enumText(group.type, ['builtIn', 'custom']) !== 'custom';
}

const lower = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
/** Input text that counts: trimmed, and empty text means "not given". */
const given = (value: unknown): string | undefined => {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return text ? text : undefined;
};

interface GroupIndex {
	byId: Map<string, OrgGroup>;
	byName: Map<string, OrgGroup[]>;
}

function indexGroups(groups: OrgGroup[]): GroupIndex {
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
function resolveGroups(references: string[], index: GroupIndex): { groups: OrgGroup[] } | { reason: string } {
	const found = new Map<string, OrgGroup>();
	const unknown: string[] = [];
	for (const reference of references) {
		const text = String(reference ?? '').trim();
		if (!text) continue;
		const byId = GUID.test(text) ? index.byId.get(text.toLowerCase()) : undefined;
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

/** The normalized key of a person, or why it is unusable. */
function personKey(person: DesiredPerson, keyField: SyncKeyField): { key: string } | { reason: string } {
	const key = given(typeof person.key === 'number' ? String(person.key) : person.key);
	const label = keyField === 'email' ? 'email' : 'user name';
	if (!key) return { reason: `The ${label} is empty` };
	if (keyField === 'email' && !EMAIL.test(key)) return { reason: `The email "${key}" is not an email address` };
	return { key: key.toLowerCase() };
}

/** A key as Sync compares it (trimmed, lower case), or undefined when it is empty. */
export function normalizeKey(key: unknown): string | undefined {
	return given(typeof key === 'number' ? String(key) : key)?.toLowerCase();
}

/** Whether an account is the one a key points at: by email or, on Automation Cloud, a user name that is the email. */
export function matchesKey(user: CurrentUser, key: string, keyField: SyncKeyField): boolean {
	if (keyField === 'userName') return lower(user.userName) === key;
	return lower(user.email) === key || lower(user.userName) === key;
}

function personBase(index: number, key: string): PersonPlan {
	return { index, key, action: 'unchanged', changes: [], changedFields: {}, groupsAdded: [], groupsRemoved: [] };
}

function failed(base: PersonPlan, reason: string, userId?: string): PersonPlan {
	return { ...base, action: 'failed', reason, ...(userId ? { userId } : {}) };
}

const ACTION_ORDER: PersonChange[] = ['created', 'deactivated', 'activated', 'updated', 'groupsAdded', 'groupsRemoved'];

function actionOf(changes: PersonChange[]): PersonAction {
	const first = ACTION_ORDER.find((change) => changes.includes(change));
	if (!first) return 'unchanged';
	return first === 'groupsAdded' || first === 'groupsRemoved' ? 'updated' : first;
}

const groupRef = (group: OrgGroup): GroupRef => ({ id: group.id, name: group.name });

function planNewAccount(base: PersonPlan, person: DesiredPerson, keyField: SyncKeyField, groups: OrgGroup[] | undefined): PersonPlan {
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

function planExisting(
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

/**
 * The plan for one run. People come back in input order, one plan each; accounts outside the
 * input follow in the order UiPath listed them. A refused plan still holds what would have been
 * done, so a Dry Run can show it.
 */
export function planSync(
	people: DesiredPerson[],
	users: CurrentUser[],
	groups: OrgGroup[],
	options: SyncOptions,
): SyncPlan {
	const groupIndex = indexGroups(groups);
	const protectedIds = new Set(options.protectedIds.map((id) => id.trim().toLowerCase()));
	const keys = people.map((person) => personKey(person, options.keyField));

	const keyCount = new Map<string, number>();
	for (const key of keys) if ('key' in key) keyCount.set(key.key, (keyCount.get(key.key) ?? 0) + 1);

	// Accounts some input person points at: never "missing", even when that person fails.
	const claimed = new Set<string>();
	const matchesOf = keys.map((key) => {
		if (!('key' in key)) return [];
		const matches = users.filter((user) => matchesKey(user, key.key, options.keyField));
		for (const user of matches) claimed.add(user.id.toLowerCase());
		return matches;
	});
	// One account that two different keys point at (e.g. one's email is the other's user name).
	const claimants = new Map<string, number>();
	matchesOf.forEach((matches) => {
		for (const user of matches) claimants.set(user.id.toLowerCase(), (claimants.get(user.id.toLowerCase()) ?? 0) + 1);
	});

	const planned = people.map((person, index): PersonPlan => {
		const key = keys[index];
		if (!('key' in key)) return failed(personBase(index, String(person.key ?? '')), key.reason);
		const base = personBase(index, key.key);
		if ((keyCount.get(key.key) ?? 0) > 1) {
			return failed(base, `The key "${key.key}" appears in ${keyCount.get(key.key)} input items; keep one item per person`);
		}
		const matches = matchesOf[index];
		if (matches.length > 1) {
			return failed(base, `${matches.length} UiPath accounts match "${key.key}": ${matches.map((user) => user.id).join(', ')}`);
		}
		const match = matches[0];
		if (match && (claimants.get(match.id.toLowerCase()) ?? 0) > 1) {
			return failed(base, `The UiPath account ${match.id} matches more than one input item`, match.id);
		}
		if (match) {
			const kind = accountKind(match);
			if (kind !== 'local') {
				const what = kind === 'directory' ? 'a directory user' : kind === 'robot' ? 'a robot account' : 'not a user account';
				return failed(base, `The UiPath account ${match.id} is ${what}; Sync changes local users only`, match.id);
			}
		}
		let resolved: OrgGroup[] | undefined;
		if (Array.isArray(person.groups)) {
			const result = resolveGroups(person.groups, groupIndex);
			if ('reason' in result) return failed(base, result.reason, match?.id);
			resolved = result.groups;
		}
		if (match && !Array.isArray(match.groupIDs) && resolved !== undefined) {
			return failed(base, `UiPath did not say which groups the account ${match.id} belongs to`, match.id);
		}
		return match
			? planExisting(base, person, match, options, resolved, groupIndex)
			: planNewAccount(base, person, options.keyField, resolved);
	});

	const peopleAccounts = users.filter((user) => ['local', 'directory'].includes(accountKind(user)));
	const manageable = users.filter((user) => accountKind(user) === 'local');
	const outside: OutsidePlan[] =
		options.missing === 'none'
			? []
			: manageable
					.filter((user) => !claimed.has(user.id.toLowerCase()) && !protectedIds.has(user.id.toLowerCase()))
					.filter((user) => options.missing === 'delete' || user.isActive !== false)
					.map((user) => ({
						userId: user.id,
						userName: typeof user.userName === 'string' ? user.userName : null,
						email: typeof user.email === 'string' ? user.email : null,
						action: options.missing === 'delete' ? 'deleted' : 'deactivated',
					}));

	const changeCount = planned.filter((plan) => plan.changes.length > 0).length + outside.length;
	const limit = options.maxChanges ?? defaultMaxChanges(peopleAccounts.length);
	const plan: SyncPlan = { people: planned, outside, changeCount, limit, organizationSize: peopleAccounts.length };
	const validKeys = keys.filter((key) => 'key' in key).length;
	const refused = refusal(plan, validKeys, keys.length - validKeys, manageable.length, options);
	return refused ? { ...plan, refused } : plan;
}

/** Why a plan must not run: too many changes, or an input that would empty the organization. */
function refusal(
	plan: SyncPlan,
	validPeople: number,
	invalidKeys: number,
	manageable: number,
	options: SyncOptions,
): string | undefined {
	if (plan.outside.length) {
		const verb = options.missing === 'delete' ? 'delete' : 'deactivate';
		if (validPeople === 0) {
			return `The input holds no person, and Sync would ${verb} ${plan.outside.length} accounts; it never ${verb}s everyone`;
		}
		if (invalidKeys > 0) {
			return `${invalidKeys} input ${invalidKeys === 1 ? 'item has' : 'items have'} no usable key, so Sync cannot tell who is missing from the input; fix ${invalidKeys === 1 ? 'it' : 'them'} or set Handle Missing People to None`;
		}
		if (plan.outside.length * 2 > manageable) {
			return `Sync would ${verb} ${plan.outside.length} of the organization's ${manageable} users, more than half; check that the input is complete`;
		}
	}
	if (plan.changeCount > plan.limit) {
		return `The plan has ${plan.changeCount} changes, more than Maximum Changes (${plan.limit}); nothing was changed`;
	}
	return undefined;
}
