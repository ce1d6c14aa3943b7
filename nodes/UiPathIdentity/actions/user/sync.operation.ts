/**
 * User → Sync: its parameters and the run (read, plan, carry out unless Dry Run). The parts are
 * beside it: sync.read.ts, sync.plan.ts, sync.person.ts, sync.apply.ts and sync.types.ts.
 */

import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { beginDryRun, endDryRun } from '../../transport/dryRun';
import { toNodeError } from '../../transport/errors';
import { readRequestSettings } from '../../transport/options';
import type { ParameterRules } from '../../shared/parameterTypes';
import { actOutside, createAccounts, personOutput, summarize, updateAccounts } from './sync.apply';
import { planSync } from './sync.plan';
import { readOrganization, readPerson, readSyncSettings } from './sync.read';
import type { SyncSettings } from './sync.read';

const show = { resource: ['user'], operation: ['sync'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName:
			'Makes UiPath match the input: one item per person who should have an account. With Dry Run on (the default), nothing is changed and the output shows what would be done, so the plan can be reviewed before a second run with Dry Run off.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: true,
		description: 'Whether to only work out and output the changes, without sending any of them to UiPath',
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
	},
	{
		displayName: 'Email',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.email }}',
		description: 'Email address of the person, usually mapped from the input item',
		displayOptions: { show: { keyField: ['email'] } },
	},
	{
		displayName: 'Username',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.login }}',
		description: 'UiPath user name of the person, usually mapped from the input item',
		displayOptions: { show: { keyField: ['userName'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.email }}',
		description: 'Email address of the person; empty leaves it as it is',
		displayOptions: { show: { keyField: ['userName'] } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.firstName }}',
		description: 'Empty leaves the first name as it is',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.lastName }}',
		description: 'Empty leaves the last name as it is',
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.firstName }} {{ $json.lastName }}',
		description: 'Empty leaves the display name as it is',
	},
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description:
			'Whether the person may sign in. Off deactivates an existing account; an inactive account of a person marked active is activated again (rehire).',
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
	},
	{
		displayName: 'Group Names or IDs',
		name: 'groups',
		type: 'string',
		default: '',
		placeholder: 'e.g. Finance, HR',
		description: 'The groups of the person: a list, or names or IDs separated by commas, mapped from the input item',
		displayOptions: { show: { groupMode: ['exact', 'addOnly'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
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
]);

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
	let settings: SyncSettings;
	try {
		settings = readSyncSettings(this);
	} catch (error) {
		// The run-wide settings are read from the first item, so a wrong one is item 0's.
		throw toNodeError(this.getNode(), error, 0);
	}
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

	const parallel = readRequestSettings(this, 0).maxParallelRequests;
	if (!settings.dryRun) {
		await createAccounts(this, plan.people.filter((person) => person.action === 'created'), settings.batchSize);
		await updateAccounts(
			this,
			plan.people.filter((person) => person.action !== 'created' && person.changes.length > 0),
			parallel,
		);
	}
	const outside = await actOutside(this, plan, settings, parallel);

	return [
		...plan.people.map((person) => ({
			json: personOutput(person, settings.dryRun, plan.refused),
			pairedItem: { item: person.index },
		})),
		...outside.map((json) => ({ json: plan.refused ? { ...json, refused: plan.refused } : json })),
	];
}
