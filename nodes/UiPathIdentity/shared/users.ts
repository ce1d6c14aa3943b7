import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { identityRequest } from '../transport';
import { endpoint, endpoints } from '../transport/endpoints';
import { checkGuid } from './readers';
import { MAX_PAGE_SIZE } from './paging';

/** One page of `GET /api/User/users/{organization}`. */
export interface UserPage {
	totalCount?: number;
	results?: IDataObject[];
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
	const locator = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	const value = String(locator.value ?? '').trim();
	const mode = locator.mode === 'email' ? 'email' : 'id';
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), mode === 'email' ? 'User email is empty' : 'User ID is empty', {
			itemIndex,
			description: 'Pick a user from the list, or map an ID or email address from a previous node',
		});
	}
	if (mode === 'email') {
		if (!value.includes('@')) {
			throw new NodeOperationError(ctx.getNode(), `User email is not an email address: "${value}"`, {
				itemIndex,
				description: 'Enter the email address of the UiPath user, e.g. jane.doe@example.com',
			});
		}
		return { mode, value };
	}
	return { mode, value: checkGuid(ctx, value, 'User ID', itemIndex) };
}

/**
 * The ID of the user with this exact email (case-insensitive), or undefined when there is none.
 * UiPath's `searchTerm` also matches parts of names and addresses, so the answer is filtered.
 */
export async function findUserIdByEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	email: string,
): Promise<string | undefined> {
	const page = (await identityRequest.call(ctx, itemIndex, {
		...endpoint(endpoints.userList),
		qs: { searchTerm: email, top: MAX_PAGE_SIZE },
	})) as UserPage;
	const wanted = email.toLowerCase();
	const matches = (page.results ?? []).filter((user) => String(user.email ?? '').toLowerCase() === wanted);
	if (matches.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${matches.length} UiPath users have the email "${email}"`,
			{
				itemIndex,
				description: `Select the user By ID instead; the matching IDs are ${matches.map((user) => String(user.id)).join(', ')}`,
			},
		);
	}
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
