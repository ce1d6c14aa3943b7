import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { beginDryRun, endDryRun } from '../../transport/dryRun';
import { endpoint, endpoints } from '../../transport/endpoints';
import { readRequestSettings } from '../../transport/options';
import { ORGANIZATION_ID, isGuid, newGuid } from '../../transport/urls';
import { chunk } from '../../shared/bulk';
import { listGroups } from '../../shared/groups';
import { fetchPages } from '../../shared/paging';
import type { ParameterRules } from '../../shared/parameterTypes';
import { boundedNumber } from '../../shared/readers';
import { userListRequest } from '../../shared/users';
import { requireSucceeded } from './user.helpers';
import { matchesKey, normalizeKey, planSync } from './sync.plan';
import type { CurrentUser, DesiredPerson, OrgGroup, PersonPlan, SyncKeyField, SyncMissingMode, SyncPlan } from './sync.plan';

const show = { resource: ['user'], operation: ['sync'] };

type GroupChoice = 'none' | 'exact' | 'addOnly';

export const description: INodeProperties[] = [
	{
		displayName:
			'Makes UiPath match the input: one item per person who should have an account. With Dry Run on (the default), nothing is changed and the output shows what would be done, so the plan can be reviewed before a second run with Dry Run off.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: true,
		description: 'Whether to only work out and output the changes, without sending any of them to UiPath',
		displayOptions: { show },
	},
	{
		displayName: 'Match People By',
		name: 'keyField',
		type: 'options',
		default: 'email',
		options: [
			{ name: 'Email', value: 'email', description: 'The email address, compared case-insensitively' },
			{ name: 'Username', value: 'userName', description: 'The UiPath user name, compared case-insensitively' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.email }}',
		description: 'Email address of the person, usually mapped from the input item',
		displayOptions: { show: { ...show, keyField: ['email'] } },
	},
	{
		displayName: 'Username',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.login }}',
		description: 'UiPath user name of the person, usually mapped from the input item',
		displayOptions: { show: { ...show, keyField: ['userName'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.email }}',
		description: 'Email address of the person; empty leaves it as it is',
		displayOptions: { show: { ...show, keyField: ['userName'] } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.firstName }}',
		description: 'Empty leaves the first name as it is',
		displayOptions: { show },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.lastName }}',
		description: 'Empty leaves the last name as it is',
		displayOptions: { show },
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.firstName }} {{ $json.lastName }}',
		description: 'Empty leaves the display name as it is',
		displayOptions: { show },
	},
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description:
			'Whether the person may sign in. Off deactivates an existing account; an inactive account of a person marked active is activated again (rehire).',
		displayOptions: { show },
	},
	{
		displayName: 'Groups',
		name: 'groupMode',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Leave As They Are', value: 'none', description: 'Sync does not change group memberships' },
			{
				name: 'Exactly the Listed Groups',
				value: 'exact',
				description: 'Join the listed groups and leave all others (except Everyone)',
			},
			{ name: 'Add the Listed Groups', value: 'addOnly', description: 'Join the listed groups, never leave one' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Group Names or IDs',
		name: 'groups',
		type: 'string',
		default: '',
		placeholder: 'e.g. Finance, HR',
		description: 'The groups of the person: a list, or names or IDs separated by commas, mapped from the input item',
		displayOptions: { show: { ...show, groupMode: ['exact', 'addOnly'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 100,
				description: 'How many users go into one create or delete request to UiPath (at most 1000)',
			},
			{
				displayName: 'Handle Missing People',
				name: 'missing',
				type: 'options',
				default: 'none',
				description:
					'What happens to local UiPath users who are not in the input. Robot accounts, directory users and groups are never touched.',
				options: [
					{ name: 'Leave Them', value: 'none' },
					{ name: 'Deactivate Them', value: 'deactivate' },
					{ name: 'Delete Them', value: 'delete' },
				],
			},
			{
				displayName: 'Maximum Changes',
				name: 'maxChanges',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Most people one run may change; a larger plan is refused before anything is sent. 0 means 10% of the organization, at least 5.',
			},
			{
				displayName: 'Protected User IDs',
				name: 'protectedIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f',
				description:
					'IDs of users who are never deactivated or deleted for missing from the input (e.g. break-glass administrators), separated by commas',
			},
		],
	},
];

export interface SyncSettings {
	dryRun: boolean;
	keyField: SyncKeyField;
	groupMode: GroupChoice;
	missing: SyncMissingMode;
	protectedIds: string[];
	maxChanges?: number;
	batchSize: number;
}

function splitList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map((entry) => String(entry ?? '')) : typeof value === 'string' ? value.split(/[,;\n]/) : [];
	return entries.map((entry) => entry.trim()).filter(Boolean);
}

/** The run-wide settings, read from the first item (they are the same for every person). */
export function readSyncSettings(ctx: IExecuteFunctions): SyncSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const protectedIds = splitList(options.protectedIds);
	for (const id of protectedIds) {
		if (!isGuid(id)) {
			throw new NodeOperationError(ctx.getNode(), `Protected User IDs holds "${id}", which is not a UiPath ID (GUID)`, {
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

/**
 * HR data mapped in from spreadsheets and CSV files: an employee number is its text, Active may be
 * the text "true" or "false", and lists may be lists as well as comma-separated text.
 */
export const alsoAccepts: ParameterRules['alsoAccepts'] = {
	key: ['number'],
	email: ['number'],
	firstName: ['number'],
	lastName: ['number'],
	displayName: ['number'],
	active: ['booleanText'],
	groups: ['list'],
	protectedIds: ['list'],
};

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
	if (settings.groupMode !== 'none') person.groups = splitList(ctx.getNodeParameter('groups', itemIndex, ''));
	return person;
}

/** Everything the organization holds that Sync compares: users (all pages, stable order) and groups. */
async function readOrganization(
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

/** What one output item says about one person. */
function personOutput(plan: PersonPlan, dryRun: boolean, refused: string | undefined): IDataObject {
	const output: IDataObject = { key: plan.key, action: plan.action, changes: plan.changes };
	if (plan.userId) output.userId = plan.userId;
	if (Object.keys(plan.changedFields).length) output.changedFields = plan.changedFields as IDataObject;
	if (plan.groupsAdded.length) output.groupsAdded = plan.groupsAdded as unknown as IDataObject[];
	if (plan.groupsRemoved.length) output.groupsRemoved = plan.groupsRemoved as unknown as IDataObject[];
	if (plan.reason) output.reason = plan.reason;
	output.dryRun = dryRun;
	if (refused) output.refused = refused;
	return output;
}

/** The body of `PUT /api/User/{id}` that carries out one person's plan. */
export function updateBody(plan: PersonPlan): IDataObject {
	const body: IDataObject = {};
	for (const [field, change] of Object.entries(plan.changedFields)) if (change) body[field] = change.to;
	if (plan.changes.includes('activated')) body.isActive = true;
	if (plan.changes.includes('deactivated')) body.isActive = false;
	if (plan.groupsAdded.length) body.groupIDsToAdd = plan.groupsAdded.map((group) => group.id);
	if (plan.groupsRemoved.length) body.groupIDsToRemove = plan.groupsRemoved.map((group) => group.id);
	return body;
}

/** Runs `work` over `list` with at most `parallel` at a time; stops starting new ones after a throw. */
async function inParallel<T>(list: T[], parallel: number, work: (entry: T) => Promise<void>): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (next < list.length && !failure) {
			const entry = list[next++];
			try {
				await work(entry);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, list.length)) }, worker));
	if (failure) throw failure.error;
}

/** A request failure told as a person's result (continue-on-fail) or thrown. */
function failPerson(ctx: IExecuteFunctions, plan: PersonPlan, error: unknown): void {
	if (!ctx.continueOnFail()) throw error;
	plan.action = 'failed';
	plan.reason = (error as Error).message;
	plan.changes = [];
}

async function createAccounts(ctx: IExecuteFunctions, plans: PersonPlan[], batchSize: number): Promise<void> {
	// BulkCreate takes one group list for all its users: one run of batches per group set.
	const bySet = new Map<string, PersonPlan[]>();
	for (const plan of plans) {
		const key = [...plan.create!.groupIds].map((id) => id.toLowerCase()).sort().join(',');
		bySet.set(key, [...(bySet.get(key) ?? []), plan]);
	}
	for (const group of bySet.values()) {
		for (const batch of chunk(group, batchSize)) {
			const users = batch.map((plan) => {
				const { userName, email, name, surname, displayName } = plan.create!;
				plan.userId = newGuid();
				const user: IDataObject = { id: plan.userId, userName };
				for (const [field, value] of Object.entries({ email, name, surname, displayName })) if (value) user[field] = value;
				return user;
			});
			const body: IDataObject = { users, partitionGlobalId: ORGANIZATION_ID };
			if (batch[0].create!.groupIds.length) body.groupIDs = batch[0].create!.groupIds;
			try {
				const answer = await identityRequest.call(ctx, batch[0].index, {
					...endpoint(endpoints.userBulkCreate),
					body,
					identityResultAsData: true,
				});
				requireSucceeded(ctx, answer, 'UiPath did not create the users', batch[0].index);
			} catch (error) {
				for (const plan of batch) {
					delete plan.userId;
					failPerson(ctx, plan, error);
				}
			}
		}
	}
}

async function updateAccounts(ctx: IExecuteFunctions, plans: PersonPlan[], parallel: number): Promise<void> {
	await inParallel(plans, parallel, async (plan) => {
		try {
			const answer = await identityRequest.call(ctx, plan.index, {
				...endpoint(endpoints.userUpdate, plan.userId!),
				body: updateBody(plan),
				identityResultAsData: true,
			});
			requireSucceeded(ctx, answer, 'UiPath did not update the user', plan.index);
		} catch (error) {
			failPerson(ctx, plan, error);
		}
	});
}

interface OutsideResult {
	json: IDataObject;
}

async function actOutside(
	ctx: IExecuteFunctions,
	plan: SyncPlan,
	settings: SyncSettings,
	parallel: number,
): Promise<OutsideResult[]> {
	const results = plan.outside.map((account) => ({
		json: {
			key: (account.email || account.userName || account.userId) as string,
			action: account.action,
			changes: [account.action],
			userId: account.userId,
			outsideInput: true,
			dryRun: settings.dryRun,
		} as IDataObject,
	}));
	if (settings.dryRun || plan.refused) return results;
	const fail = (index: number, error: unknown) => {
		if (!ctx.continueOnFail()) throw error;
		results[index].json = { ...results[index].json, action: 'failed', changes: [], reason: (error as Error).message };
	};
	if (settings.missing === 'delete') {
		const indexed = plan.outside.map((account, index) => ({ account, index }));
		for (const batch of chunk(indexed, settings.batchSize)) {
			try {
				await identityRequest.call(ctx, 0, {
					...endpoint(endpoints.userBulkDelete),
					body: { partitionGlobalId: ORGANIZATION_ID, userIds: batch.map((entry) => entry.account.userId) },
				});
			} catch (error) {
				for (const entry of batch) fail(entry.index, error);
			}
		}
		return results;
	}
	await inParallel(
		plan.outside.map((account, index) => ({ account, index })),
		parallel,
		async ({ account, index }) => {
			try {
				const answer = await identityRequest.call(ctx, 0, {
					...endpoint(endpoints.userUpdate, account.userId),
					body: { isActive: false },
					identityResultAsData: true,
				});
				requireSucceeded(ctx, answer, 'UiPath did not deactivate the user', 0);
			} catch (error) {
				fail(index, error);
			}
		},
	);
	return results;
}

/** A short count of what a plan does, for messages: "2 created, 1 updated, 30 deactivated". */
export function summarize(plan: SyncPlan): string {
	const count = (action: string) => plan.people.filter((person) => person.changes.length && person.action === action).length;
	const parts = ['created', 'updated', 'activated', 'deactivated'].map((action) => [count(action), action] as const);
	for (const action of ['deactivated', 'deleted'] as const) {
		parts.push([plan.outside.filter((account) => account.action === action).length, `${action} outside the input`]);
	}
	return parts.filter(([n]) => n > 0).map(([n, action]) => `${n} ${action}`).join(', ') || 'no change';
}

/**
 * User → Sync. Reads the organization once, plans, and (without Dry Run) carries the plan out:
 * creations in BulkCreate batches, one `PUT /api/User/{id}` per changed person, and for people
 * missing from the input one PUT each (deactivate) or bulk `DELETE /api/User` batches. Returns one
 * item per input item, paired, then one per account acted on outside the input.
 */
export async function executeItems(this: IExecuteFunctions, itemCount: number): Promise<INodeExecutionData[]> {
	try {
		return await syncOrPlan.call(this, itemCount);
	} catch (error) {
		// Under continue-on-fail a run-wide failure (a refused plan, an organization that could not
		// be read) is one error item; failures of single people are already in their items.
		const nodeError =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error);
		if (!this.continueOnFail()) throw nodeError;
		return [{ json: { error: nodeError.message, details: nodeError.description ?? '' }, pairedItem: { item: 0 } }];
	}
}

async function syncOrPlan(this: IExecuteFunctions, itemCount: number): Promise<INodeExecutionData[]> {
	const settings = readSyncSettings(this);
	if (!settings.dryRun) return await sync.call(this, itemCount, settings);
	// Sync's Dry Run sends no change by design; the recorder makes sure of it for every item.
	const indexes = Array.from({ length: itemCount }, (_, itemIndex) => itemIndex);
	beginDryRun(this, indexes);
	try {
		return await sync.call(this, itemCount, settings);
	} finally {
		for (const itemIndex of indexes) endDryRun(this, itemIndex);
	}
}

async function sync(this: IExecuteFunctions, itemCount: number, settings: SyncSettings): Promise<INodeExecutionData[]> {
	const people = Array.from({ length: itemCount }, (_, itemIndex) => readPerson(this, itemIndex, settings));
	const { users, groups } = await readOrganization(this, people, settings);
	const plan = planSync(people, users, groups, {
		keyField: settings.keyField,
		groupMode: settings.groupMode === 'addOnly' ? 'addOnly' : 'exact',
		missing: settings.missing,
		protectedIds: settings.protectedIds,
		maxChanges: settings.maxChanges,
	});

	if (plan.refused && !settings.dryRun) {
		throw new NodeOperationError(this.getNode(), `Sync refused the plan: ${plan.refused}`, {
			description: `The plan: ${summarize(plan)}. Nothing was sent to UiPath. Run with Dry Run on to see every change; raise Maximum Changes under Options if the plan is right.`,
		});
	}

	if (!settings.dryRun) {
		const parallel = readRequestSettings(this, 0).maxParallelRequests;
		await createAccounts(this, plan.people.filter((person) => person.action === 'created'), settings.batchSize);
		await updateAccounts(
			this,
			plan.people.filter((person) => person.action !== 'created' && person.changes.length > 0),
			parallel,
		);
	}
	const outside = await actOutside(this, plan, settings, readRequestSettings(this, 0).maxParallelRequests);

	return [
		...plan.people.map((person) => ({
			json: personOutput(person, settings.dryRun, plan.refused),
			pairedItem: { item: person.index },
		})),
		...outside.map((result) => ({ json: plan.refused ? { ...result.json, refused: plan.refused } : result.json })),
	];
}
