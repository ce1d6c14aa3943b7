import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_PROBE_URL, credentialProbe } from '../nodes/UiPathIdentity/transport/endpoints';
import { fetchAccessToken } from '../nodes/UiPathIdentity/transport/token';
import { sharedTokenRequest } from '../nodes/UiPathIdentity/transport/token-flight';
import {
	ORGANIZATION_ID,
	ORGANIZATION_PATH_SEGMENT,
	buildIdentityUrls,
	resolveOrganizationId,
} from '../nodes/UiPathIdentity/transport/urls';

const cloudLike = { deployment: ['cloud', 'automationSuite'] };

/**
 * Replaces the organization placeholder in a query string or JSON body. The placeholder is one
 * object compared by identity, so user text that reads like it is left alone.
 */
function fillOrganizationId(value: unknown, organizationId: string): unknown {
	if (value === ORGANIZATION_ID) return organizationId;
	if (Array.isArray(value)) return value.map((entry) => fillOrganizationId(entry, organizationId));
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const filled: IDataObject = {};
		for (const [key, entry] of Object.entries(value)) {
			filled[key] = fillOrganizationId(entry, organizationId) as IDataObject;
		}
		return filled;
	}
	return value;
}

function containsPlaceholder(value: unknown, depth = 0): boolean {
	if (value === ORGANIZATION_ID) return true;
	if (depth > 20 || value === null || typeof value !== 'object') return false;
	return Object.values(value).some((entry) => containsPlaceholder(entry, depth + 1));
}

function mentionsOrganizationId(options: IHttpRequestOptions): boolean {
	return (
		options.url.includes(ORGANIZATION_PATH_SEGMENT) ||
		containsPlaceholder(options.qs) ||
		containsPlaceholder(options.body)
	);
}

function probeRequest(credentials: ICredentialDataDecryptedObject): Pick<IHttpRequestOptions, 'url' | 'qs'> {
	const { url, qs } = credentialProbe(credentials.scopes, credentials.deployment);
	return { url, qs: qs as IDataObject | undefined };
}

export class UiPathIdentityApi implements ICredentialType {
	name = 'uiPathIdentityApi';

	displayName = 'UiPath Identity API';

	icon: Icon = { light: 'file:../icons/uipath.svg', dark: 'file:../icons/uipath.dark.svg' };

	documentationUrl =
		'https://github.com/uipath-identity-n8n/n8n-nodes-uipath-identity#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Deployment Type',
			name: 'deployment',
			type: 'options',
			options: [
				{
					name: 'Automation Cloud (Including Public Sector and Dedicated)',
					value: 'cloud',
				},
				{ name: 'Automation Suite', value: 'automationSuite' },
				{ name: 'Standalone Orchestrator', value: 'standalone' },
			],
			default: 'cloud',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://cloud.uipath.com',
			placeholder: 'e.g. https://cloud.uipath.com',
			description:
				'Automation Cloud: https://cloud.uipath.com, https://govcloud.uipath.us or https://{name}.dedicated.uipath.com. Automation Suite: the cluster URL. Standalone: the Orchestrator URL, including any virtual path such as https://server/uipath. Do not add the organization or tenant.',
		},
		{
			displayName: 'Organization Name',
			name: 'organizationName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme',
			description:
				'The organization name from the UiPath URL, e.g. "acme" in https://cloud.uipath.com/acme/portal_',
			displayOptions: { show: cloudLike },
		},
		{
			displayName: 'Identity Path Form',
			name: 'suitePathForm',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'automatic',
					description: 'Organization level first; on HTTP 404 host level once, remembered for the run',
				},
				{ name: 'Organization Level', value: 'organization', description: '{Base URL}/{organization}/identity_' },
				{ name: 'Host Level', value: 'host', description: '{Base URL}/identity_' },
			],
			default: 'automatic',
			description:
				'Automation Suite clusters answer the Identity API at the organization level or at the host level, depending on version',
			displayOptions: { show: { deployment: ['automationSuite'] } },
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7e1b3c52-1f0a-4a4b-9d0e-2f0c1b2a3d4e',
			description:
				'The organization (partition) GUID. Leave empty to read it from the access token.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'App ID of a confidential external application in UiPath Admin → External Applications',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'App secret of the external application',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: 'PM.User PM.Group',
			description:
				'Space-separated application scopes granted to the external application. Add PM.RobotAccount or PM.Setting for those resources; Directory needs no scope of its own. Every scope listed must be granted, or UiPath refuses the token. The Test button reads with the first scope listed.',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the certificate cannot be verified, e.g. an on-premises cluster with a private certificate authority',
		},
		{
			displayName: 'Identity URL Override',
			name: 'identityUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://uipath.example.com/identity_',
			description:
				'Advanced. Full Identity Server URL (without /api) for installations that do not follow the usual layout. Leave empty to derive it from the deployment type.',
		},
		{
			displayName: 'Token URL Override',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://uipath.example.com/identity_/connect/token',
			description: 'Advanced. Full token endpoint URL. Leave empty to derive it.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Called by n8n when the stored token is empty, on a 401, and on "Test". Executions of one n8n
	 * process (e.g. a queue-mode worker) that need a token at the same time share one request.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sharedTokenRequest(credentials, async () => await fetchAccessToken(this, credentials));
	}

	/**
	 * Signs a request and points relative paths at the right Identity Server for the deployment.
	 * The organization ID is filled in here because, when the credential leaves it empty, it only
	 * exists once a token has been issued (its `prt_id` claim).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const options: IHttpRequestOptions = {
			...requestOptions,
			// The Test button reads what the first resource scope allows, on this deployment's route.
			...(requestOptions.url === CREDENTIAL_PROBE_URL ? probeRequest(credentials) : {}),
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			},
		};
		if (!/^https?:\/\//i.test(options.url) && !options.baseURL) {
			options.baseURL = buildIdentityUrls(credentials).apiBaseUrl;
		}
		if (mentionsOrganizationId(options)) {
			const organizationId = resolveOrganizationId(credentials);
			// Only apiPath writes this text into a path: user segments are percent-encoded.
			options.url = options.url.split(ORGANIZATION_PATH_SEGMENT).join(encodeURIComponent(organizationId));
			options.qs = fillOrganizationId(options.qs, organizationId) as IDataObject | undefined;
			options.body = fillOrganizationId(options.body, organizationId) as IDataObject | undefined;
		}
		if (credentials.ignoreSslIssues === true) {
			options.skipSslCertificateValidation = true;
		}
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: CREDENTIAL_PROBE_URL,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'UiPath issued a token but did not accept it (HTTP 401): check that Deployment Type matches the installation and that the external application is enabled',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token works, but UiPath refused the read the Test tried. It reads with the first scope in Scopes that allows reading: PM.User lists users, PM.Group groups, PM.RobotAccount robot accounts, PM.Setting settings (the .Read halves too). Grant that scope to the external application as an application scope, or put a granted scope first in Scopes',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'UiPath Identity was not found at the derived URL: check Deployment Type, Base URL and Organization Name. Automation Suite: the Test uses the organization-level form; set Identity Path Form to Host Level if the cluster answers at {Base URL}/identity_. Standalone Orchestrator lists users on /identity/api/UserPartition/users/{organization}, an endpoint of UiPath\'s internal definition that may not be open to external applications on this deployment; put PM.Group first in Scopes to test with groups instead',
				},
			},
		],
	};
}
