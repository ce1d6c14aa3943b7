import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { EARLIER_ATTEMPT_NOTE, ORGANIZATION_ID } from '../../transport/urls';
import { runsAsTool } from '../../shared/tool';
import { credentialDeployment } from '../../shared/users';
import {
	earlierAttemptUser,
	identityResultOf,
	newUserDescription,
	readNewUser,
	requireSucceeded,
	userOutput,
} from './user.helpers';

const show = { resource: ['user'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, newUserDescription({ withPassword: true }));

/** `POST /api/User`: one user, optionally with an initial password. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body, groupIds } = readNewUser(this, itemIndex, await credentialDeployment(this, itemIndex));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const password = typeof fields.password === 'string' ? fields.password : '';
	const request: IDataObject = { ...body, partitionGlobalId: ORGANIZATION_ID };
	if (groupIds.length) request.groupIDs = groupIds;
	if (password) {
		request.password = password;
		request.validatePassword = fields.validatePassword !== false;
	}

	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.userCreate),
		body: request,
		secrets: [password],
		identityResultAsData: true,
	})) as IDataObject | undefined;
	if (identityResultOf(answer)?.succeeded === false) {
		// A repeat of this execution meets the account its first attempt made (same ID and name).
		const existing = await earlierAttemptUser(this, itemIndex, body);
		if (existing) {
			return { created: true, alreadyCreated: true, note: EARLIER_ATTEMPT_NOTE, ...userOutput(existing, runsAsTool(this.getNode())) };
		}
	}
	requireSucceeded(this, answer, 'UiPath did not create the user', itemIndex, [password]);

	// The documented answer is a bare IdentityResult; should UiPath return the user, show it instead.
	const created = typeof answer?.id === 'string' ? answer : { ...body, groupIDs: groupIds };
	return { created: true, ...userOutput(created, runsAsTool(this.getNode())) };
}
