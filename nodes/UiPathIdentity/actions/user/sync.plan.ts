/**
 * User → Sync, the plan of a run: works out, from the people who should have a UiPath account and
 * what the organization holds now, the smallest set of changes that makes UiPath match (one
 * person's changes in sync.person.ts), and refuses plans that are too large or would empty the
 * organization. Pure: no requests, no n8n context, so every rule here is unit-tested directly.
 */

import { userCategoryName, userTypeName } from '../../shared/enums';
import { failed, given, indexGroups, lower, personBase, planExisting, planNewAccount, resolveGroups } from './sync.person';
import type { AccountKind, CurrentUser, DesiredPerson, OrgGroup, OutsidePlan, PersonPlan, SyncKeyField, SyncOptions, SyncPlan } from './sync.types';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Default Maximum Changes: 10% of the organization's people, never fewer than 5. */
export function defaultMaxChanges(organizationSize: number): number {
	return Math.max(5, Math.ceil(organizationSize * 0.1));
}

/** An enum value by its name in lower case, whether it came as a name or a wire number; '' when absent. */
function enumName(value: unknown, namer: (value: unknown) => unknown): string {
	const name = namer(value);
	return typeof name === 'string' || typeof name === 'number' ? String(name).toLowerCase() : '';
}

export function accountKind(user: CurrentUser): AccountKind {
	const type = enumName(user.type, userTypeName);
	const category = enumName(user.category, userCategoryName);
	if (type === 'robot' || type === 'robotaccount') return 'robot';
	if (type === 'directoryuser' || (type === 'user' || type === '') && category === 'directory') return 'directory';
	if (type === 'user' || type === '') return 'local';
	return 'other';
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
