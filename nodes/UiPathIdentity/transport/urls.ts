import { createHash, randomUUID } from 'crypto';
import { UserError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export type Deployment = 'cloud' | 'automationSuite' | 'standalone';

export interface IdentityUrls {
	/** Prefix for every `/api/...` path, e.g. `https://cloud.uipath.com/acme/identity_`. */
	apiBaseUrl: string;
	/** Where the client-credentials token is requested. */
	tokenUrl: string;
}

/**
 * Stands for the organization ID in request paths, query strings and bodies. The ID may only be
 * known once a token exists (its `prt_id` claim), so the credential fills it in when it signs the
 * request. It is a unique object, not a text: the credential replaces this very object (compared
 * by identity), so user data that happens to read `{organizationId}` is never rewritten.
 */
export const ORGANIZATION_ID: IDataObject = Object.freeze({ uiPathOrganizationIdPlaceholder: true });

/**
 * How `apiPath` marks the organization segment in a path. User segments are percent-encoded
 * (`{` becomes `%7B`), so this text can only come from `apiPath` placing `ORGANIZATION_ID`.
 */
export const ORGANIZATION_PATH_SEGMENT = '{organizationId}';

/** A GUID as UiPath writes IDs; also the regex of "By ID" resource locator modes. */
export const GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const GUID = new RegExp(GUID_PATTERN);

export function isGuid(value: string): boolean {
	return GUID.test(value);
}

/**
 * A random GUID. UiPath's create endpoints answer without the new ID (or require the caller to
 * choose it), so the node generates it.
 */
export function newGuid(): string {
	return randomUUID();
}

/** What a create says when an earlier attempt of the same execution already made the object. */
export const EARLIER_ATTEMPT_NOTE =
	'An earlier attempt of this execution (n8n ran it again, e.g. after a worker stopped, or Retry On Fail) already created it with this ID; nothing was created twice';

/**
 * The ID a create proposes for one item: the same for the same workflow, execution, node, item and
 * key (user name, group name), random outside a saved execution. When n8n runs an execution again
 * after a worker died (queue mode on n8n 1.x) or Retry On Fail repeats the node, the repeated create
 * names the object the first attempt made, so it can be recognised instead of made twice. The key
 * keeps two different objects created by one item index (e.g. in a loop) apart.
 */
export function newObjectId(
	ctx: { getExecutionId(): string; getWorkflow(): { id?: string }; getNode(): { name: string } },
	itemIndex: number,
	key: string,
): string {
	const executionId = ctx.getExecutionId();
	if (!executionId) return newGuid();
	const digest = createHash('sha256')
		.update(JSON.stringify([ctx.getWorkflow().id ?? '', executionId, ctx.getNode().name, itemIndex, key.toLowerCase()]))
		.digest();
	// RFC 9562 version 8 (custom) with the RFC variant bits, so it reads as any other GUID.
	digest[6] = (digest[6] & 0x0f) | 0x80;
	digest[8] = (digest[8] & 0x3f) | 0x80;
	const hex = digest.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Decodes percent-escapes until nothing changes (bounded), so `%252e` is seen as `.` too. */
function fullyDecoded(text: string): string {
	let current = text;
	for (let round = 0; round < 5; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			return current;
		}
		if (next === current) return current;
		current = next;
	}
	return current;
}

/** `.` and `..` (also percent-encoded, once or more) would leave their place in a path. */
export function isDotSegment(segment: string): boolean {
	return /^\.{1,2}$/.test(fullyDecoded(segment).trim());
}

/**
 * Joins path segments, percent-encoding each one so an ID can never reach another endpoint.
 * Empty and dot segments are refused: they would address a different resource.
 */
export function apiPath(...segments: Array<string | IDataObject>): string {
	return '/api/' + segments.map(encodePathSegment).join('/');
}

function encodePathSegment(segment: string | IDataObject): string {
	if (segment === ORGANIZATION_ID) return ORGANIZATION_PATH_SEGMENT;
	if (typeof segment !== 'string') {
		throw new UserError(`A request path segment is not text (${typeof segment})`);
	}
	if (segment === '' || isDotSegment(segment)) {
		throw new UserError(`An ID may not be empty, "." or "..": got "${segment}"`, {
			description: 'UiPath IDs are GUIDs or names; check the expression that provides the ID',
		});
	}
	return encodeURIComponent(segment);
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The URL as it may be shown: any user info removed (it may hold a password). */
function shownUrl(text: string): string {
	return text.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/?#]*@/i, '$1');
}

/**
 * Parses a URL the user typed, refuses what does not belong in a base URL and rebuilds it from
 * its parts: scheme, host, port and path, nothing else. Only https is allowed, except on
 * loopback, where a local simulator or reverse proxy may speak plain http: client secrets and
 * bearer tokens must never cross a network in clear text. User info (`user:pass@`) is refused
 * and never printed; a query string or fragment, even an empty `?` or `#`, is refused because
 * the paths appended later would end up inside it.
 */
export function checkedUrl(raw: string, field: string): string {
	const trimmed = raw.trim();
	const url = parseUrl(trimmed);
	if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
		throw new UserError(`'${field}' is not a valid URL: "${shownUrl(trimmed)}"`, {
			description: 'Enter a full URL such as https://cloud.uipath.com',
		});
	}
	if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(trimmed)) {
		throw new UserError(`'${field}' must not contain a user name or password: "${shownUrl(url.href)}"`, {
			description:
				'Remove the part before @ from the URL; the node signs in with the client ID and client secret of the credential',
		});
	}
	if (!(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
		throw new UserError(`'${field}' must use https: "${trimmed}"`, {
			description:
				'UiPath Identity receives the client secret and bearer tokens, so only https URLs are allowed (plain http only for localhost)',
		});
	}
	if (/[?#]/.test(trimmed)) {
		throw new UserError(`'${field}' must not contain a query string or fragment (? or #): "${trimmed}"`, {
			description: 'Remove everything from the first ? or # on',
		});
	}
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

function requiredOrganizationName(credentials: ICredentialDataDecryptedObject): string {
	const name = String(credentials.organizationName ?? '').trim();
	if (!name) {
		throw new UserError("'Organization Name' is empty in the UiPath Identity credential", {
			description:
				'Enter the organization name as it appears in the UiPath URL, e.g. "acme" in https://cloud.uipath.com/acme/portal_',
		});
	}
	if (isDotSegment(name)) {
		throw new UserError(`'Organization Name' may not be "." or "..": "${name}"`, {
			description:
				'Enter the organization name as it appears in the UiPath URL, e.g. "acme" in https://cloud.uipath.com/acme/portal_',
		});
	}
	return encodeURIComponent(name);
}

/**
 * The one place that knows where UiPath Identity lives for each deployment type
 * (reference: uipath-identity-api.md sections 1.2, 2.2 and 8.2). Never adds a tenant segment.
 */
export function buildIdentityUrls(credentials: ICredentialDataDecryptedObject): IdentityUrls {
	const deployment = (credentials.deployment ?? 'cloud') as Deployment;
	const baseUrl = checkedUrl(String(credentials.baseUrl ?? ''), 'Base URL');

	let identityRoot: string;
	let tokenUrl: string;
	if (deployment === 'standalone') {
		identityRoot = `${baseUrl}/identity`;
		tokenUrl = `${identityRoot}/connect/token`;
	} else if (deployment === 'automationSuite') {
		// Both forms exist (reference 0.1 item 6); Automatic starts organization-level, see suiteHostLevelBase.
		identityRoot =
			credentials.suitePathForm === 'host'
				? `${baseUrl}/identity_`
				: `${baseUrl}/${requiredOrganizationName(credentials)}/identity_`;
		// Identity is one service for the whole cluster; its token endpoint is host-level.
		tokenUrl = `${baseUrl}/identity_/connect/token`;
	} else if (deployment === 'cloud') {
		// Organization-scoped: the host-level route answers InvalidPartition for newer organizations.
		identityRoot = `${baseUrl}/${requiredOrganizationName(credentials)}/identity_`;
		tokenUrl = `${identityRoot}/connect/token`;
	} else {
		throw new UserError(`Unknown 'Deployment Type' "${String(deployment)}"`);
	}

	const identityOverride = String(credentials.identityUrl ?? '').trim();
	if (identityOverride) {
		identityRoot = checkedUrl(identityOverride, 'Identity URL Override');
		tokenUrl = `${identityRoot}/connect/token`;
	}
	const tokenOverride = String(credentials.tokenUrl ?? '').trim();
	if (tokenOverride) {
		tokenUrl = checkedUrl(tokenOverride, 'Token URL Override');
	}
	return { apiBaseUrl: identityRoot, tokenUrl };
}

/**
 * Automation Suite with Path Form "Automatic" and no Identity URL Override: the host-level API base
 * to try once when the organization-level one answers 404. Undefined everywhere else.
 */
export function suiteHostLevelBase(credentials: ICredentialDataDecryptedObject): string | undefined {
	if (credentials.deployment !== 'automationSuite') return undefined;
	if (credentials.suitePathForm && credentials.suitePathForm !== 'automatic') return undefined;
	if (String(credentials.identityUrl ?? '').trim()) return undefined;
	return `${checkedUrl(String(credentials.baseUrl ?? ''), 'Base URL')}/identity_`;
}

/** Reads the organization (partition) GUID from the `prt_id` claim of a UiPath access token. */
export function organizationIdFromToken(accessToken: string): string | undefined {
	const payload = accessToken.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			prt_id?: unknown;
		};
		return typeof claims.prt_id === 'string' && isGuid(claims.prt_id) ? claims.prt_id : undefined;
	} catch {
		return undefined;
	}
}

/** The organization ID set in the credential, else the one carried by the access token. */
export function resolveOrganizationId(credentials: ICredentialDataDecryptedObject): string {
	const configured = String(credentials.organizationId ?? '').trim();
	if (configured) {
		if (!isGuid(configured)) {
			throw new UserError(`'Organization ID' in the UiPath Identity credential is not a valid ID: "${configured}"`, {
				description:
					'Leave it empty to use the organization of the access token, or copy the ID after organizationId= in the UiPath portal URL',
			});
		}
		return configured;
	}
	const fromToken = organizationIdFromToken(String(credentials.accessToken ?? ''));
	if (!fromToken) {
		throw new UserError('The organization ID is unknown: the access token does not name an organization', {
			description:
				"Set 'Organization ID' in the UiPath Identity credential (the ID after organizationId= in the UiPath portal URL)",
		});
	}
	return fromToken;
}
