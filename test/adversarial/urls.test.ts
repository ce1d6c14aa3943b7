import fc from 'fast-check';

import { ORGANIZATION_ID, apiPath, buildIdentityUrls, isDotSegment } from '../../nodes/UiPathIdentity/transport/urls';
import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { CLOUD, CLOUD_API, ORG_ID, USER_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import { byId, CLIENT_SECRET, hostile, TOKEN } from './data';
import { FC_SEED, runAndScan } from './scan';

/**
 * Class 2 (URLs): the Base URL is parsed and rebuilt, every path segment stays a segment, and
 * the organization is placed by structure. Tables for the cases the issue names, fast-check
 * properties (fixed seed) for the rest.
 */

const runs = { seed: FC_SEED, numRuns: 500 };
const getUser = { resource: 'user', operation: 'get', userId: byId(USER_ID), requestHandling: { attemptsPerRequest: 1 } };

describe('Class 2: Base URL refused before anything is sent', () => {
	it.each([
		['https://cloud.uipath.com?', /query string or fragment/],
		['https://cloud.uipath.com#', /query string or fragment/],
		['https://cloud.uipath.com/?', /query string or fragment/],
		['https://cloud.uipath.com?x=1', /query string or fragment/],
		['https://cloud.uipath.com/#frag', /query string or fragment/],
		['https://cloud.uipath.com/path?#', /query string or fragment/],
		['http://cloud.uipath.com', /must use https/],
		['HTTP://CLOUD.UIPATH.COM', /must use https/],
		['http://127.0.0.1.nip.io', /must use https/],
		['http://localhost.evil.example', /must use https/],
		['ftp://cloud.uipath.com', /must use https/],
		['javascript:alert(1)', /is not a valid URL/],
		['//cloud.uipath.com', /is not a valid URL/],
		['cloud.uipath.com', /is not a valid URL/],
		['', /is not a valid URL/],
		['https://user@cloud.uipath.com', /must not contain a user name or password/],
	])('%j', async (baseUrl, message) => {
		const { error, leaks } = await runAndScan({ parameters: getUser, credentials: { baseUrl } }, [CLIENT_SECRET, TOKEN]);

		expect(error?.message).toMatch(message);
		expect(error?.message).toMatch(/^'Base URL' .* \[item 0\]$/);
		expect(leaks).toEqual([]);
	});

	it.each([['.'], ['..'], ['%2e'], ['%2E%2e'], ['.%2E'], ['%252e%252e'], [' .. ']])(
		'Organization Name %j is refused',
		async (organizationName) => {
			const { error } = await runAndScan({ parameters: getUser, credentials: { organizationName } }, []);

			expect(error?.message).toMatch(/^'Organization Name' may not be "\." or "\.\.": .* \[item 0\]$/);
		},
	);

	it('a rebuilt Base URL drops trailing slashes and dot segments of its path, and keeps port and path', () => {
		expect(buildIdentityUrls({ deployment: 'standalone', baseUrl: 'https://orch.example.com:8443/a/./b/../uipath//' })).toEqual({
			apiBaseUrl: 'https://orch.example.com:8443/a/uipath/identity',
			tokenUrl: 'https://orch.example.com:8443/a/uipath/identity/connect/token',
		});
	});
});

describe('Class 2: path segments', () => {
	it.each([['.'], ['..'], ['%2e'], ['%2E%2E'], ['.%2e'], ['%252E.'], ['']])('apiPath refuses %j', (segment) => {
		expect(() => apiPath('User', segment)).toThrow(/An ID may not be empty, "\." or "\.\."/);
	});

	it('a User ID of ".." through the node never reaches another endpoint', async () => {
		// No interceptor: nock fails the test on any request.
		const { error } = await runAndScan({ parameters: { ...getUser, userId: byId('={{ ".." }}') } }, []);

		expect(error?.message).toMatch(/^'User' is not a valid ID: .*\[item 0\]$/);
	});

	it('property: every segment stays one segment and decodes back to itself', () => {
		const segment = fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }).filter((s) => !isDotSegment(s));
		fc.assert(
			fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
				const path = apiPath(...segments);
				const url = new URL(`https://cloud.uipath.com/acme/identity_${path}`);
				const parts = url.pathname.split('/').slice(4);
				return (
					url.host === 'cloud.uipath.com' &&
					!url.search &&
					!url.hash &&
					parts.length === segments.length &&
					parts.every((part, index) => decodeURIComponent(part) === segments[index])
				);
			}),
			runs,
		);
	});

	it('property: a rebuilt Base URL never carries user info, query or fragment, and stays https', () => {
		const host = fc.domain();
		const path = fc.array(fc.webSegment(), { maxLength: 3 }).map((parts) => parts.map((part) => `/${part}`).join(''));
		const extra = fc.constantFrom('', '?', '#', '?a=b', '#x', '/', '//');
		const userInfo = fc.constantFrom('', 'u@', 'u:p@', ':p@');
		fc.assert(
			fc.property(host, path, extra, userInfo, (domain, tail, suffix, info) => {
				const raw = `https://${info}${domain}${tail}${suffix}`;
				let built: string | undefined;
				try {
					built = buildIdentityUrls({ deployment: 'standalone', baseUrl: raw }).apiBaseUrl;
				} catch (error) {
					// Refused only for what is not allowed, and then without printing user info.
					const refused = info !== '' || /[?#]/.test(suffix);
					return refused && !(error as Error).message.includes('u:p@') && !(error as Error).message.includes(':p@');
				}
				const url = new URL(built);
				return url.protocol === 'https:' && url.hostname === domain && !url.username && !url.password && !url.search && !url.hash;
			}),
			runs,
		);
	});
});

describe('Class 2: the organization is placed by structure', () => {
	const credential = new UiPathIdentityApi();
	const credentials = { deployment: 'cloud', baseUrl: CLOUD, organizationName: 'acme', accessToken: fakeToken('T1') };

	it('user text that reads like the placeholder is never rewritten, in path, query or body', async () => {
		const options = await credential.authenticate(credentials, {
			method: 'POST',
			url: apiPath('Group', ORGANIZATION_ID, '{organizationId}'),
			qs: { a: '{organizationId}', partitionGlobalId: ORGANIZATION_ID },
			body: { name: '{organizationId}', list: ['{organizationId}', ORGANIZATION_ID], partitionGlobalId: ORGANIZATION_ID },
		});

		expect(options.url).toBe(`/api/Group/${ORG_ID}/%7BorganizationId%7D`);
		expect(options.qs).toEqual({ a: '{organizationId}', partitionGlobalId: ORG_ID });
		expect(options.body).toEqual({ name: '{organizationId}', list: ['{organizationId}', ORG_ID], partitionGlobalId: ORG_ID });
	});

	it('a group named "{organizationId}" is created with that name (through the node)', async () => {
		mockTokenEndpoint(['T1']);
		hostile()
			.post(`${CLOUD_API}/Group`, (body: Record<string, unknown>) => body.name === '{organizationId}' && body.partitionGlobalId === ORG_ID)
			.reply(200, {});

		const { error } = await runAndScan({ parameters: { resource: 'group', operation: 'create', name: '{organizationId}' } }, []);

		expect(error).toBeUndefined();
	});
});
