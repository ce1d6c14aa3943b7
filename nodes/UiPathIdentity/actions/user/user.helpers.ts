import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import type { RetrySafety } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { describeIdentityErrors } from '../../transport/errors';
import { isIdentityResult, redact } from '../../transport/redact';
import type { IdentityResultBody } from '../../transport/redact';
import { newObjectId } from '../../transport/urls';
import type { Deployment } from '../../transport/urls';
import { additionalFieldsCollection, byDisplayName, groupIdsField, requiredText } from '../../shared/descriptions';
import type { OutputShape } from '../../shared/descriptions';
import { userCategoryName, userTypeName } from '../../shared/enums';
import { guidList, optionalText, pickFields, requiredString } from '../../shared/readers';

/** Helpers of the User operations: output shaping, user writes and reads, new-user fields. */

/**
 * Output of User → Get and Get Many. Simplified keeps the fields people use in workflows (10 at
 * most, as n8n asks); the rest (timestamps, flags, internal IDs) is in Raw or Selected Fields.
 */
export const USER_OUTPUT: OutputShape = {
	simplified: ['id', 'userName', 'email', 'name', 'surname', 'displayName', 'isActive', 'type', 'groupIDs', 'lastLoginTime'],
	all: [
		'bypassBasicAuthRestriction',
		'category',
		'creationTime',
		'displayName',
		'email',
		'emailConfirmed',
		'groupIDs',
		'id',
		'invitationAccepted',
		'isActive',
		'lastLoginTime',
		'lastModificationTime',
		'legacyId',
		'name',
		'surname',
		'type',
		'userName',
	],
};

/**
 * A UiPath user (UserDto) as the node outputs it: readable enums, always a group list; with
 * `simplify`, only the simplified fields (tool runs of Create and Create Many).
 */
export function userOutput(user: IDataObject, simplify = false): IDataObject {
	const readable: IDataObject = {
		...user,
		type: userTypeName(user.type) as IDataObject[string],
		groupIDs: Array.isArray(user.groupIDs) ? user.groupIDs : [],
	};
	if (user.category !== undefined) readable.category = userCategoryName(user.category) as string;
	if (user.type === undefined) delete readable.type;
	return simplify ? pickFields(readable, USER_OUTPUT.simplified) : readable;
}

/** The IdentityResult in an answer: bare (user endpoints) or wrapped in `result` (bulk endpoints). */
export function identityResultOf(answer: unknown): IdentityResultBody | undefined {
	if (isIdentityResult(answer)) return answer;
	const wrapped = (answer as IDataObject | undefined)?.result;
	return isIdentityResult(wrapped) ? wrapped : undefined;
}

/**
 * UiPath refuses user changes with `succeeded: false`, on HTTP 400 and sometimes on HTTP 200
 * (reference 8.4.3). This turns such an answer into an item error that lists UiPath's reasons.
 */
export function requireSucceeded(
	ctx: IExecuteFunctions,
	answer: unknown,
	failure: string,
	itemIndex: number,
	secrets: string[] = [],
): void {
	const result = identityResultOf(answer);
	if (!result || result.succeeded) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${failure}: ${redact(describeIdentityErrors(result), secrets)}`,
		{
			itemIndex,
			description:
				'UiPath checked the request and refused it for the reasons listed (e.g. DuplicateEmail, PasswordTooShort); correct the input and run the node again',
		},
	);
}

/**
 * `PUT /api/User/{id}` with only the fields to change (UiPath treats missing fields as unchanged).
 * `action` completes "UiPath did not ..." in the error message.
 */
export async function putUser(
	ctx: IExecuteFunctions,
	itemIndex: number,
	userId: string,
	body: IDataObject,
	action: string,
	secrets: string[] = [],
	retry?: RetrySafety,
): Promise<void> {
	const answer = await identityRequest.call(ctx, itemIndex, {
		...endpoint(endpoints.userUpdate, userId),
		body,
		secrets,
		identityResultAsData: true,
		// A password is checked against the history: repeating an applied reset would fail it.
		retry: retry ?? (body.password !== undefined ? 'unsafe' : undefined),
	});
	requireSucceeded(ctx, answer, `UiPath did not ${action}`, itemIndex, secrets);
}

/** `GET /api/User/{id}`: the raw UserDto. */
export async function getUser(ctx: IExecuteFunctions, itemIndex: number, userId: string): Promise<IDataObject> {
	return (await identityRequest.call(ctx, itemIndex, {
		...endpoint(endpoints.userGet, userId),
		answer: 'object',
	})) as IDataObject;
}

/**
 * After UiPath refused a create: the user an earlier attempt of this same execution created with
 * this ID and user name (n8n re-ran the execution, or Retry On Fail repeated the node), if any.
 * Only asked when the ID came from the execution (see `newObjectId`), so a random ID never matches.
 */
export async function earlierAttemptUser(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	if (!ctx.getExecutionId()) return undefined;
	const found = (await identityRequest.call(ctx, itemIndex, {
		...endpoint(endpoints.userGet, String(body.id)),
		notFoundAsData: true,
	})) as IDataObject;
	const sameUser =
		typeof found?.id === 'string' &&
		found.id.toLowerCase() === String(body.id).toLowerCase() &&
		String(found.userName ?? '').toLowerCase() === String(body.userName).toLowerCase();
	return sameUser ? found : undefined;
}

/**
 * Profile fields of a user, shared by User → Create, Create Many and Update. Callers merge them
 * with their own fields through `byDisplayName`, so every collection stays alphabetical.
 */
export const userProfileFields: INodeProperties[] = [
	{
		displayName: 'Bypass Basic Auth Restriction',
		name: 'bypassBasicAuthRestriction',
		type: 'boolean',
		default: false,
		description:
			'Whether the user may sign in with username and password when the organization restricts basic authentication',
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Jane Doe',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: 'Email address; on Automation Cloud users sign in with it',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Jane',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Doe',
	},
];

/** The UiPath body field of each text field in `userProfileFields`. */
export const USER_PROFILE_API_FIELDS: Record<string, string> = {
	displayName: 'displayName',
	email: 'email',
	firstName: 'name',
	lastName: 'surname',
};

/** Fields of a new user, shared by Create (one request per user) and Create Many (BulkCreate). */
export function newUserDescription({ withPassword }: { withPassword: boolean }): INodeProperties[] {
	const passwordFields: INodeProperties[] = [
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Initial password of a local user; it must meet the password policy of the organization',
		},
		{
			displayName: 'Validate Password',
			name: 'validatePassword',
			type: 'boolean',
			default: true,
			description: 'Whether UiPath checks the password against the password policy of the organization',
		},
	];
	return [
		requiredText({
			displayName: 'Username',
			name: 'userName',
			placeholder: 'e.g. jane.doe@example.com',
			description: 'Sign-in name of the new user. On Automation Cloud use the email address.',
		}),
		additionalFieldsCollection(byDisplayName([
			...userProfileFields,
			groupIdsField({
				name: 'groupIds',
				displayName: 'Group Names or IDs',
				description: 'Groups the new user joins',
			}),
			...(withPassword ? passwordFields : []),
		])),
	];
}

/** Whether a user name is an email address, as Automation Cloud expects for signing in. */
export function looksLikeEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Profile fields of the body; `partitionGlobalId`, password and groups are added by the caller. */
export interface NewUser {
	body: IDataObject;
	groupIds: string[];
}

/**
 * Builds the user part of CreateUserCommand with a new client-generated `id`: UiPath answers a
 * create with only `succeeded`, so choosing the ID is how the node knows it (reference 4.1).
 */
export function readNewUser(ctx: IExecuteFunctions, itemIndex: number, deployment: Deployment): NewUser {
	const userName = requiredString(ctx, 'userName', 'Username', itemIndex, "Set 'Username' to the sign-in name of the new user");
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { id: newObjectId(ctx, itemIndex, userName.trim()), userName: userName.trim() };
	for (const [field, apiField] of Object.entries(USER_PROFILE_API_FIELDS)) {
		const value = optionalText(fields[field]);
		if (value) body[apiField] = value;
	}
	if (deployment === 'cloud' && !body.email) {
		// Automation Cloud signs users in by email: an account without one is unusable (reference 0.1 item 2).
		if (!looksLikeEmail(body.userName as string)) {
			throw new NodeOperationError(ctx.getNode(), `The new user has no email: 'Username' "${body.userName as string}" is not an email address and 'Email' is empty`, {
				itemIndex,
				description:
					"Automation Cloud users sign in with their email address, so an account without one cannot be used. Set 'Email' under Additional Fields, or use the email address as 'Username'",
			});
		}
		body.email = body.userName;
	}
	if (typeof fields.bypassBasicAuthRestriction === 'boolean') {
		body.bypassBasicAuthRestriction = fields.bypassBasicAuthRestriction;
	}
	const groupIds = fields.groupIds === undefined ? [] : guidList(ctx, 'additionalFields.groupIds', 'Group Names or IDs', itemIndex);
	return { body, groupIds };
}
