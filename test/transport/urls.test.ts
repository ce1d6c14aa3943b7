import { ORGANIZATION_ID, apiPath, buildIdentityUrls, organizationIdFromToken } from '../../nodes/UiPathIdentity/transport/urls';
import { ORG_ID, fakeToken } from '../fixtures';

describe('buildIdentityUrls', () => {
	it.each([
		[
			{ deployment: 'cloud', baseUrl: 'https://cloud.uipath.com', organizationName: 'acme' },
			'https://cloud.uipath.com/acme/identity_',
			'https://cloud.uipath.com/acme/identity_/connect/token',
		],
		[
			{ deployment: 'cloud', baseUrl: 'https://contoso.dedicated.uipath.com//', organizationName: 'Acme Corp' },
			'https://contoso.dedicated.uipath.com/Acme%20Corp/identity_',
			'https://contoso.dedicated.uipath.com/Acme%20Corp/identity_/connect/token',
		],
		[
			{ deployment: 'automationSuite', baseUrl: 'https://as.example.com/', organizationName: 'acme' },
			'https://as.example.com/acme/identity_',
			'https://as.example.com/identity_/connect/token',
		],
		[
			{ deployment: 'standalone', baseUrl: 'https://orch.example.com/uipath/', organizationName: 'ignored' },
			'https://orch.example.com/uipath/identity',
			'https://orch.example.com/uipath/identity/connect/token',
		],
		[
			{ deployment: 'standalone', baseUrl: 'http://localhost:8080' },
			'http://localhost:8080/identity',
			'http://localhost:8080/identity/connect/token',
		],
		[
			{ deployment: 'automationSuite', baseUrl: 'https://as.example.com', organizationName: 'acme', identityUrl: 'https://as.example.com/identity_/' },
			'https://as.example.com/identity_',
			'https://as.example.com/identity_/connect/token',
		],
		[
			{ deployment: 'cloud', baseUrl: 'https://cloud.uipath.com', organizationName: 'acme', tokenUrl: 'https://cloud.uipath.com/identity_/connect/token' },
			'https://cloud.uipath.com/acme/identity_',
			'https://cloud.uipath.com/identity_/connect/token',
		],
		[
			{ deployment: 'cloud', baseUrl: 'http://[::1]:3000', organizationName: 'acme' },
			'http://[::1]:3000/acme/identity_',
			'http://[::1]:3000/acme/identity_/connect/token',
		],
	])('%j → API %s, token %s', (credentials, apiBaseUrl, tokenUrl) => {
		expect(buildIdentityUrls(credentials)).toEqual({ apiBaseUrl, tokenUrl });
	});

	it.each([
		[{ deployment: 'cloud', baseUrl: 'http://cloud.uipath.com', organizationName: 'a' }, `'Base URL' must use https: "http://cloud.uipath.com"`],
		[{ deployment: 'cloud', baseUrl: 'http://10.0.0.5', organizationName: 'a' }, `'Base URL' must use https: "http://10.0.0.5"`],
		[{ deployment: 'cloud', baseUrl: 'http://127.example.com', organizationName: 'a' }, `'Base URL' must use https: "http://127.example.com"`],
		[{ deployment: 'cloud', baseUrl: 'cloud.uipath.com', organizationName: 'a' }, `'Base URL' is not a valid URL: "cloud.uipath.com"`],
		[{ deployment: 'cloud', baseUrl: 'https://cloud.uipath.com?x=1', organizationName: 'a' }, `'Base URL' must not contain a query string or fragment (? or #): "https://cloud.uipath.com?x=1"`],
		[{ deployment: 'cloud', baseUrl: 'https://cloud.uipath.com', organizationName: ' ' }, `'Organization Name' is empty in the UiPath Identity credential`],
		[{ deployment: 'automationSuite', baseUrl: 'https://as.example.com' }, `'Organization Name' is empty in the UiPath Identity credential`],
		[{ deployment: 'standalone', baseUrl: 'https://orch.example.com', identityUrl: 'http://orch.example.com/identity' }, `'Identity URL Override' must use https: "http://orch.example.com/identity"`],
		[{ deployment: 'standalone', baseUrl: 'https://orch.example.com', tokenUrl: 'ftp://orch.example.com/t' }, `'Token URL Override' must use https: "ftp://orch.example.com/t"`],
		[{ deployment: 'onPremises', baseUrl: 'https://orch.example.com' }, `Unknown 'Deployment Type' "onPremises"`],
	])('refuses %j', (credentials, message) => {
		expect(() => buildIdentityUrls(credentials)).toThrow(message);
	});
});

describe('apiPath', () => {
	it('encodes every segment but the organization placeholder', () => {
		expect(apiPath('User', '../x', 'changepassword')).toBe('/api/User/..%2Fx/changepassword');
		expect(apiPath('Group', ORGANIZATION_ID, 'a b?c#d')).toBe('/api/Group/{organizationId}/a%20b%3Fc%23d');
	});
});

describe('organizationIdFromToken', () => {
	it('reads the prt_id claim', () => {
		expect(organizationIdFromToken(fakeToken('T1'))).toBe(ORG_ID);
	});

	it.each(['opaque', 'a.b.c', `x.${Buffer.from('{"prt_id":"acme"}').toString('base64url')}.y`])(
		'returns undefined for %s',
		(token) => {
			expect(organizationIdFromToken(token)).toBeUndefined();
		},
	);
});
