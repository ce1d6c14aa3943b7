import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TYPE, identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { userListRequest } from '../../shared/users';
import { organizationIdFromToken } from '../../transport/urls';
import { additionalFieldsCollection, groupIdsField, requiredText } from '../../shared/descriptions';
import { guidList, optionalText, requiredString } from '../../shared/readers';
import { requireSucceeded } from './user.helpers';

const show = { resource: ['user'], operation: ['invite'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	requiredText({
		displayName: 'Email',
		name: 'email',
		placeholder: 'name@email.com',
		description: 'Address the invitation goes to; the person signs in to Automation Cloud with it',
	}),
	additionalFieldsCollection([
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', placeholder: 'e.g. Jane' },
		groupIdsField({ name: 'groupIds', displayName: 'Group Names or IDs', description: 'Groups the invited user joins' }),
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en',
			placeholder: 'e.g. de',
			description: 'Language code of the invitation email and portal',
		},
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', placeholder: 'e.g. Doe' },
		{
			displayName: 'Redirect URL',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://cloud.uipath.com/portal_/acceptInvite?organizationId=...',
			description:
				'Where the invitation link leads. Leave empty to use the accept-invite page of the organization portal, built from the credential. UiPath refuses URLs outside its portal.',
		},
	]),
]);

/**
 * The organization portal's accept-invite page (reference 4.1, 8.4.8). It must be the portal host:
 * the api.uipath.com gateway is not accepted, so it is mapped to cloud.uipath.com.
 */
function acceptInviteUrl(credentials: ICredentialDataDecryptedObject, organizationId: string, email: string, language: string) {
	const base = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/^https:\/\/api\.uipath\.com$/i, 'https://cloud.uipath.com');
	const query = new URLSearchParams({
		organizationId,
		emailForUserinvite: email,
		organizationName: String(credentials.organizationName ?? '').trim(),
		language,
	});
	return `${base}/portal_/acceptInvite?${query.toString()}`;
}

/**
 * The organization GUID for the portal link: from the credential, else from the token's `prt_id`.
 * Before the first token exists, one small authenticated read makes n8n fetch it.
 */
async function organizationId(this: IExecuteFunctions, itemIndex: number, credentials: ICredentialDataDecryptedObject) {
	const configured = String(credentials.organizationId ?? '').trim();
	if (configured) return configured;
	const fromToken = organizationIdFromToken(String(credentials.accessToken ?? ''));
	if (fromToken) return fromToken;
	await identityRequest.call(this, itemIndex, {
		...(await userListRequest(this, itemIndex)),
		qs: { top: 1 },
	});
	const renewed = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const minted = organizationIdFromToken(String(renewed.accessToken ?? ''));
	if (minted) return minted;
	throw new NodeOperationError(this.getNode(), 'The organization ID for the invitation link is unknown', {
		itemIndex,
		description: "Set 'Organization ID' in the UiPath Identity credential, or 'Redirect URL' under 'Additional Fields'",
	});
}

interface InviteAnswer {
	result?: unknown;
	users?: Array<{ email?: string; id?: string; errorMsg?: string; success?: boolean }>;
}

/** `POST /api/User/InviteUsers` with one invitation; UiPath reports success per invited address. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = requiredString(this, 'email', 'Email', itemIndex, "Set 'Email' to the address to invite").trim();
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const language = String(fields.language ?? '').trim() || 'en';
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	if (credentials.deployment === 'standalone') {
		throw new NodeOperationError(this.getNode(), 'Invite needs the UiPath portal, which standalone Orchestrator does not have', {
			itemIndex,
			description: 'Use Create instead, or a credential for Automation Cloud',
		});
	}

	const invitation: IDataObject = { email, language };
	const firstName = optionalText(fields.firstName);
	const lastName = optionalText(fields.lastName);
	if (firstName) invitation.name = firstName;
	if (lastName) invitation.surname = lastName;
	if (fields.groupIds !== undefined) {
		const groupIds = guidList(this, 'additionalFields.groupIds', 'Group Names or IDs', itemIndex);
		if (groupIds.length) invitation.groupIDs = groupIds;
	}
	const customUrl = optionalText(fields.redirectUrl);
	invitation.redirectUrl =
		customUrl || acceptInviteUrl(credentials, await organizationId.call(this, itemIndex, credentials), email, language);

	const answer = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.userInvite),
		body: [invitation],
		identityResultAsData: true,
	})) as InviteAnswer;
	requireSucceeded(this, answer, `UiPath did not invite "${email}"`, itemIndex);
	// Without a per-address list, the overall result above is all UiPath said.
	// `answer` may be null: UiPath (or a proxy) answering a 200 with a JSON null.
	const listed = answer?.users;
	if (!Array.isArray(listed)) return { invited: true, id: null, email };
	const entry = listed.find((user) => String(user.email ?? '').toLowerCase() === email.toLowerCase()) ?? listed[0];
	if (!entry?.success) {
		throw new NodeOperationError(
			this.getNode(),
			`UiPath did not invite "${email}": ${entry?.errorMsg || 'no reason given'}`,
			{
				itemIndex,
				description:
					'Check the address and whether the person is already a member; "Redirect URL is not valid" means the link must point to the UiPath portal of the organization',
			},
		);
	}
	return { invited: true, id: entry.id ?? null, email };
}
