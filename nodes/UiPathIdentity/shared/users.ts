import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { CREDENTIAL_TYPE, identityRequest } from '../transport';
import { endpoint, userListFor } from '../transport/endpoints';
import { sharedCredentials } from '../transport/session';
import type { RequestContext } from '../transport/session';
import type { Deployment } from '../transport/urls';
import { checkGuid } from './readers';
import { MAX_PAGE_SIZE } from './paging';

/** One page of `GET /api/User/users/{organization}`. */
export interface UserPage {
	totalCount?: number;
	results?: IDataObject[];
}

/**
 * The request fields that list the organization's users on the credential's deployment:
 * `/api/User/users/{org}` on Automation Cloud and Suite, `/api/UserPartition/users/{org}` on
 * standalone Orchestrator (reference 0.1 item 1).
 */
export async function userListRequest(ctx: RequestContext, itemIndex: number) {
	return endpoint(userListFor(await credentialDeployment(ctx, itemIndex)));
}

/** The Deployment Type of the node's credential (read once per run). */
export async function credentialDeployment(ctx: RequestContext, itemIndex: number): Promise<Deployment> {
	const { data } = await sharedCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
	return (data?.deployment ?? 'cloud') as Deployment;
}

/** What the User parameter points at before any lookup. */
export interface UserReference {
	mode: 'id' | 'email';
	value: string;
}

/**
 * Reads the User resource locator. A plain string (workflows saved before User became a locator,
 * or an expression over the whole parameter) counts as an ID.
 */
export function readUserReference(ctx: IExecuteFunctions, itemIndex: number, name = 'userId'): UserReference {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as INodeParameterResourceLocator | string;
	const locator =
		typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'mode' in raw ? raw : { mode: 'id', value: raw };
	const value = String(locator.value ?? '').trim();
	const mode = locator.mode === 'email' ? 'email' : 'id';
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), "'User' is empty", {
			itemIndex,
			description: 'Pick a user from the list, or map an ID or email address from a previous node',
		});
	}
	if (mode === 'email') {
		if (!value.includes('@')) {
			throw new NodeOperationError(ctx.getNode(), `'User' is not an email address: "${value}"`, {
				itemIndex,
				description: 'Enter the email address of the UiPath user, e.g. jane.doe@example.com',
			});
		}
		return { mode, value };
	}
	return { mode, value: checkGuid(ctx, value, 'User', itemIndex) };
}

/** Users by lower-cased email, from one listing of the organization shared by a run's items. */
interface EmailIndex {
	byEmail: Map<string, string[]>;
}

/** Pages the shared listing reads at most (the organization's first 20,000 users). */
export const SHARED_LISTING_MAX_PAGES = 20;

/** One listing per node run (keyed like the run session), started by the first By Email item. */
const listings = new WeakMap<IExecuteFunctions, Promise<EmailIndex | undefined>>();

function addToIndex(index: EmailIndex, seen: Set<string>, users: IDataObject[]): number {
	let fresh = 0;
	for (const user of users) {
		const id = String(user.id ?? '').toLowerCase();
		if (!id || seen.has(id)) continue;
		seen.add(id);
		fresh++;
		const email = String(user.email ?? '').toLowerCase();
		if (email) index.byEmail.set(email, [...(index.byEmail.get(email) ?? []), String(user.id)]);
	}
	return fresh;
}

/**
 * Reads the organization's users in pages of 1000 (sorted by ID, de-duplicated) while that costs
 * no more requests than the run has items, and never more than `SHARED_LISTING_MAX_PAGES`. A
 * larger organization keeps the first page only; emails not in it are looked up per item.
 */
async function loadEmailIndex(ctx: IExecuteFunctions, itemIndex: number, itemCount: number): Promise<EmailIndex> {
	const request = await userListRequest(ctx, itemIndex);
	const index: EmailIndex = { byEmail: new Map() };
	const seen = new Set<string>();
	let skip = 0;
	let pageBudget = 1;
	for (let pages = 1; pages <= pageBudget; pages++) {
		const page = (await identityRequest.call(ctx, itemIndex, {
			...request,
			qs: { top: MAX_PAGE_SIZE, skip, sortBy: 'Id' },
		})) as UserPage;
		const results = Array.isArray(page?.results) ? page.results : [];
		const fresh = addToIndex(index, seen, results);
		skip += results.length;
		const total = typeof page?.totalCount === 'number' ? page.totalCount : undefined;
		if (results.length < MAX_PAGE_SIZE || fresh === 0 || (total !== undefined && skip >= total)) break;
		if (pages === 1 && total !== undefined) {
			const needed = Math.ceil(total / MAX_PAGE_SIZE);
			if (needed <= Math.min(itemCount, SHARED_LISTING_MAX_PAGES)) pageBudget = needed;
		}
	}
	return index;
}

/**
 * The run's shared email index, or undefined for a single item (one search is cheaper) or when
 * the listing failed (each item then searches and reports its own error).
 */
async function sharedEmailIndex(ctx: IExecuteFunctions, itemIndex: number): Promise<EmailIndex | undefined> {
	const itemCount = typeof ctx.getInputData === 'function' ? ctx.getInputData().length : 1;
	if (itemCount < 2) return undefined;
	let listing = listings.get(ctx);
	if (!listing) {
		listing = loadEmailIndex(ctx, itemIndex, itemCount).catch(() => undefined);
		listings.set(ctx, listing);
	}
	return await listing;
}

function severalUsersWithEmail(ctx: IExecuteFunctions, itemIndex: number, email: string, ids: string[]): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${ids.length} UiPath users have the email "${email}"`, {
		itemIndex,
		description: `Select the user by ID instead; the matching IDs are ${ids.join(', ')}`,
	});
}

/**
 * The ID of the user with this exact email (case-insensitive), or undefined when there is none.
 * The items of one run share one listing of the organization's users (section 3 of issue 8:
 * 1000 By Email items cost a handful of listing requests, not 1000 GETs); an email the listing
 * does not hold is searched for that item alone. UiPath's `searchTerm` also matches parts of
 * names and addresses, so its answer is filtered.
 */
export async function findUserIdByEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	email: string,
): Promise<string | undefined> {
	const wanted = email.toLowerCase();
	const listed = (await sharedEmailIndex(ctx, itemIndex))?.byEmail.get(wanted);
	if (listed?.length === 1) return listed[0];
	if (listed && listed.length > 1) throw severalUsersWithEmail(ctx, itemIndex, email, listed);

	const page = (await identityRequest.call(ctx, itemIndex, {
		...(await userListRequest(ctx, itemIndex)),
		qs: { searchTerm: email, top: MAX_PAGE_SIZE },
	})) as UserPage;
	const matches = (page.results ?? []).filter((user) => String(user.email ?? '').toLowerCase() === wanted);
	if (matches.length > 1) throw severalUsersWithEmail(ctx, itemIndex, email, matches.map((user) => String(user.id)));
	return matches.length ? String(matches[0].id) : undefined;
}

/** The ID of the user the User parameter points at; an email without a match is an error. */
export async function resolveUserId(ctx: IExecuteFunctions, itemIndex: number, name = 'userId'): Promise<string> {
	const reference = readUserReference(ctx, itemIndex, name);
	if (reference.mode === 'id') return reference.value;
	const id = await findUserIdByEmail(ctx, itemIndex, reference.value);
	if (!id) throw noUserWithEmail(ctx, itemIndex, reference.value);
	return id;
}

export function noUserWithEmail(ctx: IExecuteFunctions, itemIndex: number, email: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `No UiPath user has the email "${email}"`, {
		itemIndex,
		description: 'Check the address, or whether the user was deleted or never created in this organization',
	});
}
