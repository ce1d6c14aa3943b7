import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { describeIdentityErrors, isIdentityResult, redact, withItem } from '../../transport/errors';
import type { IdentityResultBody } from '../../transport/errors';
import { apiPath } from '../../transport/urls';

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
		withItem(`${failure}: ${redact(describeIdentityErrors(result), secrets)}`, itemIndex),
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
): Promise<void> {
	const answer = await identityRequest.call(ctx, itemIndex, {
		method: 'PUT',
		path: apiPath('User', userId),
		body,
		scope: 'PM.User',
		notFound: `User "${userId}" was not found`,
		secrets,
		identityResultAsData: true,
	});
	requireSucceeded(ctx, answer, `UiPath did not ${action}`, itemIndex, secrets);
}

/** `GET /api/User/{id}`: the raw UserDto. */
export async function getUser(ctx: IExecuteFunctions, itemIndex: number, userId: string): Promise<IDataObject> {
	return (await identityRequest.call(ctx, itemIndex, {
		method: 'GET',
		path: apiPath('User', userId),
		scope: 'PM.User',
		notFound: `User "${userId}" was not found`,
	})) as IDataObject;
}
