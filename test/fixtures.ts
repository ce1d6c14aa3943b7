import nock from 'nock';

export const ORG_ID = '7e1b3c52-1f0a-4a4b-9d0e-2f0c1b2a3d4e';
export const USER_ID = '9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f';
export const CLOUD = 'https://cloud.uipath.com';
export const CLOUD_API = '/acme/identity_/api';
/** Where the token is requested on Automation Cloud: organization-scoped, as documented. */
export const CLOUD_TOKEN_PATH = ['', 'acme', 'identity_', 'connect', 'token'].join('/');

/** A JWT-shaped token whose payload carries the organization as `prt_id`, like UiPath's. */
export function fakeToken(label: string, organizationId = ORG_ID): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'none' })}.${part({ prt_id: organizationId, jti: label })}.sig`;
}

/** Answers the client-credentials request `times` times, each with the next token label. */
export function mockTokenEndpoint(
	labels: string[],
	{ base = CLOUD, path = CLOUD_TOKEN_PATH, secret = 'test-secret', scope = 'PM.User PM.Group' } = {},
) {
	const scopeNock = nock(base);
	for (const label of labels) {
		scopeNock
			.post(path, {
				grant_type: 'client_credentials',
				client_id: 'n8n-app',
				client_secret: secret,
				scope,
			})
			.matchHeader('content-type', 'application/x-www-form-urlencoded')
			.reply(200, { access_token: fakeToken(label), expires_in: 3600, token_type: 'Bearer', scope });
	}
	return scopeNock;
}

/** Every string the node produced: output items, error text and description. */
export function everythingShown(value: unknown): string {
	return JSON.stringify(value);
}

// Opt-outs of the contract check of nock interceptors (test/contract/nock-check.ts): for tests that
// fake a hostile or malformed answer on purpose.
export { offContract, offContractReply } from './contract/nock-check';

/** An Automation Suite cluster: API organization-level, token host-level (reference 1.2, 2.2). */
export const SUITE = 'https://uipath.example.com';
export const SUITE_API = '/acme/identity_/api';
export const SUITE_HOST_API = '/identity_/api';
export const SUITE_TOKEN_PATH = ['', 'identity_', 'connect', 'token'].join('/');
export const SUITE_CREDENTIALS = { deployment: 'automationSuite', baseUrl: SUITE, organizationName: 'acme' };

/** A standalone Orchestrator: Identity Server under /identity, no organization in the URL. */
export const STANDALONE = 'https://orchestrator.example.com';
export const STANDALONE_API = '/identity/api';
export const STANDALONE_TOKEN_PATH = ['', 'identity', 'connect', 'token'].join('/');
export const STANDALONE_CREDENTIALS = { deployment: 'standalone', baseUrl: STANDALONE };
