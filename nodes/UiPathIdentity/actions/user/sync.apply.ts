/**
 * User → Sync, carrying out: sends a plan's changes (creations in BulkCreate batches, one PUT per
 * changed person, deactivations or bulk deletes for accounts missing from the input) and tells
 * each person's outcome as an output item.
 */

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { ORGANIZATION_ID, newGuid } from '../../transport/urls';
import { chunk } from '../../shared/bulk';
import { requireSucceeded } from './user.helpers';
import type { SyncSettings } from './sync.read';
import type { PersonPlan, SyncPlan } from './sync.types';

/** What one output item says about one person. */
export function personOutput(plan: PersonPlan, dryRun: boolean, refused: string | undefined): IDataObject {
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
function updateBody(plan: PersonPlan): IDataObject {
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

export async function createAccounts(ctx: IExecuteFunctions, plans: PersonPlan[], batchSize: number): Promise<void> {
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

export async function updateAccounts(ctx: IExecuteFunctions, plans: PersonPlan[], parallel: number): Promise<void> {
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

/** Deactivates or deletes the accounts missing from the input; one output item (unpaired) each. */
export async function actOutside(
	ctx: IExecuteFunctions,
	plan: SyncPlan,
	settings: SyncSettings,
	parallel: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = plan.outside.map((account) => ({
		key: account.email || account.userName || account.userId,
		action: account.action,
		changes: [account.action],
		userId: account.userId,
		outsideInput: true,
		dryRun: settings.dryRun,
	}));
	if (settings.dryRun || plan.refused) return results;
	const fail = (index: number, error: unknown) => {
		if (!ctx.continueOnFail()) throw error;
		results[index] = { ...results[index], action: 'failed', changes: [], reason: (error as Error).message };
	};
	const indexed = plan.outside.map((account, index) => ({ account, index }));
	if (settings.missing === 'delete') {
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
	await inParallel(indexed, parallel, async ({ account, index }) => {
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
	});
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
