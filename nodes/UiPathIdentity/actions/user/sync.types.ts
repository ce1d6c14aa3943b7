/**
 * User → Sync, its data: the people the input asks for, what the organization holds, and the plan
 * that sync.plan.ts works out from both and sync.apply.ts carries out.
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

/** What kind of account a UserDto is, as far as Sync cares. */
export type AccountKind = 'local' | 'directory' | 'robot' | 'other';
