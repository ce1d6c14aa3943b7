import { UserError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { buildIdentityUrls } from './urls';

/** Marks token-endpoint failures so the node can tell them apart from API failures. */
export const TOKEN_ERROR_PREFIX = 'UiPath did not issue an access token';

interface TokenEndpointError {
	httpCode?: string;
	code?: string;
	message?: string;
	response?: { status?: number; data?: unknown };
	context?: { data?: unknown };
}

function oauthErrorCode(error: TokenEndpointError): string | undefined {
	const body = error.response?.data ?? error.context?.data;
	const parsed = typeof body === 'string' ? safeJson(body) : body;
	const code = (parsed as IDataObject | undefined)?.error;
	// Only a short machine code is echoed; descriptions may quote the request.
	return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Platform Management scope families UiPath documents (Automation Cloud scopes page, reference 0.1 item 5). */
const DOCUMENTED_SCOPE_FAMILIES = ['PM.Audit', 'PM.AuthSetting', 'PM.Group', 'PM.License', 'PM.RobotAccount', 'PM.Setting', 'PM.User', 'PM.UserLoginAttempt'];

/** Requested scopes UiPath does not document (e.g. PM.Directory): the likely cause of invalid_scope. */
export function undocumentedScopes(scopes: string): string[] {
	return scopes
		.split(/\s+/)
		.filter(Boolean)
		.filter((scope) => scope.startsWith('PM.') && !DOCUMENTED_SCOPE_FAMILIES.some((family) => scope === family || scope === `${family}.Read` || scope === `${family}.Write`));
}

function invalidScopeError(scopes: string): UserError {
	const unknown = undocumentedScopes(scopes);
	const requested = scopes.split(/\s+/).filter(Boolean);
	if (unknown.length) {
		return new UserError(`${TOKEN_ERROR_PREFIX}: invalid_scope: remove ${unknown.join(', ')} from Scopes (requested "${scopes}")`, {
			description: `UiPath documents no scope named ${unknown.join(' or ')}, and one unknown scope makes it refuse the whole token. Remove it from Scopes in the credential; the Platform Management scopes are PM.User, PM.Group, PM.RobotAccount, PM.Setting, PM.AuthSetting, PM.Audit and PM.License (each also as .Read or .Write)`,
		});
	}
	return new UserError(`${TOKEN_ERROR_PREFIX}: invalid_scope: one of ${requested.join(', ')} is not granted to the external application (requested "${scopes}")`, {
		description:
			'UiPath refuses the whole token when one requested scope is not granted. In UiPath Admin → External Applications, add each of these as an Application scope of this app, or remove from Scopes the ones it lacks',
	});
}

function tokenError(error: TokenEndpointError, tokenUrl: string, scopes: string): UserError {
	const status = error.response?.status ?? (Number(error.httpCode) || undefined);
	const oauthCode = oauthErrorCode(error);
	if (oauthCode === 'invalid_scope') return invalidScopeError(scopes);
	if (status === 400 || status === 401 || oauthCode) {
		return new UserError(
			`${TOKEN_ERROR_PREFIX}: the client ID or client secret was rejected (${oauthCode ?? `HTTP ${status}`})`,
			{
				description:
					'Check Client ID and Client Secret against a confidential external application in UiPath Admin → External Applications (the secret is shown only once; generate a new one if unsure), and that the Base URL and organization point to the organization that owns the app',
			},
		);
	}
	if (status === 404) {
		return new UserError(`${TOKEN_ERROR_PREFIX}: the token endpoint ${tokenUrl} does not exist (HTTP 404)`, {
			description:
				'Check Deployment Type and Base URL in the credential; for unusual installations set Token URL under the advanced options',
		});
	}
	const reason = status ? `HTTP ${status}` : (error.code ?? 'no response');
	return new UserError(`${TOKEN_ERROR_PREFIX}: ${tokenUrl} could not be reached (${reason})`, {
		description:
			'Check that the Base URL is reachable from n8n; for on-premises installations with a private certificate authority enable Ignore SSL Issues',
	});
}

/**
 * Client-credentials token request (form-encoded POST, reference section 2.3). Exported so it can
 * be tested on its own; the credential's `preAuthentication` is a thin wrapper around it.
 */
export async function fetchAccessToken(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ accessToken: string }> {
	const { tokenUrl } = buildIdentityUrls(credentials);
	const scopes = String(credentials.scopes ?? '')
		.split(/\s+/)
		.filter(Boolean)
		.join(' ');
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
	});
	if (scopes) form.set('scope', scopes);

	let response: IDataObject;
	try {
		response = (await http.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
			json: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		})) as IDataObject;
	} catch (error) {
		throw tokenError(error as TokenEndpointError, tokenUrl, scopes);
	}

	const accessToken = typeof response?.access_token === 'string' ? response.access_token : '';
	if (!accessToken) {
		throw new UserError(`${TOKEN_ERROR_PREFIX}: the answer from ${tokenUrl} has no access_token`, {
			description: 'Check that Token URL points to the UiPath Identity token endpoint',
		});
	}
	return { accessToken };
}
