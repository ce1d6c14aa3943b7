import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { describeIdentityErrors } from '../../transport/errors';
import { isIdentityResult, redact } from '../../transport/redact';
import type { IdentityResultBody } from '../../transport/redact';
import { optionsCollection, requiredText, userLocator } from '../../shared/descriptions';
import { requiredString } from '../../shared/readers';
import { resolveUserId } from '../../shared/users';

const show = { resource: ['user'], operation: ['changePassword'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator('The UiPath user whose password changes'),
	requiredText({
		displayName: 'Current Password',
		name: 'oldPassword',
		description: "The user's current password. UiPath requires it for this self-service change.",
		password: true,
	}),
	requiredText({
		displayName: 'New Password',
		name: 'newPassword',
		description: 'The new password; it must meet the password policy of the organization',
		password: true,
	}),
	optionsCollection([
		{
			displayName: 'Fail When Unsuccessful',
			name: 'failWhenUnsuccessful',
			type: 'boolean',
			default: false,
			description:
				'Whether to fail the item when UiPath answers succeeded: false (e.g. wrong current password) instead of returning that answer as data',
		},
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oldPassword = requiredString(this, 'oldPassword', 'Current Password', itemIndex, "Set 'Current Password' to the user's current password");
	const newPassword = requiredString(this, 'newPassword', 'New Password', itemIndex, "Set 'New Password' to the password the user should get");
	const options = this.getNodeParameter('options', itemIndex, {}) as { failWhenUnsuccessful?: boolean };
	const secrets = [oldPassword, newPassword];
	const userId = await resolveUserId(this, itemIndex);

	const answer = await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.userChangePassword, userId),
		body: { oldPassword, newPassword },
		secrets,
		identityResultAsData: true,
	});
	// An empty 200 answer also means the password was changed.
	const result: IdentityResultBody = isIdentityResult(answer) ? answer : { succeeded: true, errors: [] };

	const repeatNote = !result.succeeded && currentPasswordRefused(result) ? MAYBE_ALREADY_CHANGED : undefined;
	if (!result.succeeded && options.failWhenUnsuccessful) {
		const reasons = redact(describeIdentityErrors(result), secrets);
		throw new NodeOperationError(this.getNode(), `UiPath did not change the password: ${reasons}`, {
			itemIndex,
			description:
				repeatNote ??
				'Check the current password and that the new one meets the password policy of the organization (length, character classes, reuse)',
		});
	}
	return { succeeded: result.succeeded, errors: result.errors, ...(repeatNote ? { note: repeatNote } : {}) } as IDataObject;
}

/**
 * A refused current password is also what a repeat of a change that already happened meets: n8n
 * 1.x runs a queue-mode execution again from the start when its worker stopped, and Retry On Fail
 * repeats the node. UiPath's answer cannot tell the two apart, so the result says both.
 */
const MAYBE_ALREADY_CHANGED =
	"UiPath did not accept 'Current Password'. If this execution ran before (n8n runs a queue-mode execution again after a worker stopped, or Retry On Fail repeated the node), the first attempt may already have set the new password: check by signing in with it before running again";

function currentPasswordRefused(result: IdentityResultBody): boolean {
	return (result.errors ?? []).some((error) => /mismatch|incorrect|invalid.*(current|old)|wrong/i.test(String((error as { code?: unknown }).code ?? '')));
}
