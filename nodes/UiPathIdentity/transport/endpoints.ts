import type { IHttpRequestMethods } from 'n8n-workflow';

import type { RetrySafety } from './retry';
import { ORGANIZATION_ID, apiPath } from './urls';

/**
 * Where an endpoint is described: UiPath's public External API definition, only its older
 * internal definition of 2023 (may be closed to external applications), or nowhere (observed only).
 * See /work/shared/reference/uipath-openapi/README.md.
 */
export type EndpointSource = 'public' | 'internal-2023' | 'undocumented';

/** One UiPath endpoint the node calls: everything a request needs besides its data. */
export interface Endpoint<Args extends string[] = []> {
	method: IHttpRequestMethods;
	path: (...args: Args) => string;
	/** The scope the endpoint needs, named in 403 messages. */
	scope: string;
	/** What a 404 means, for endpoints that address one object. */
	notFound?: (...args: Args) => string;
	/** Set where the method's default is wrong, e.g. `safe` for a POST that only reads. */
	retry?: RetrySafety;
	source: EndpointSource;
}

const USER = 'PM.User';
const GROUP = 'PM.Group';
const ROBOT_ACCOUNT = 'PM.RobotAccount';
const SETTING = 'PM.Setting';
/**
 * UiPath documents no scope for Directory (there is no PM.Directory, reference 0.1 item 5); its
 * answers are users and groups, so PM.User (and PM.Group) are the scopes most likely checked.
 */
const DIRECTORY = 'PM.User';

const userNotFound = (userId: string) => `User "${userId}" was not found`;
const groupNotFound = (groupId: string) => `Group "${groupId}" was not found`;
const robotAccountNotFound = (robotAccountId: string) => `Robot account "${robotAccountId}" was not found`;

/** Each endpoint once: method, path builder, scope, not-found wording and where it is described. */
export const endpoints = {
	userList: { method: 'GET', path: () => apiPath('User', 'users', ORGANIZATION_ID), scope: USER, source: 'public' },
	/** Standalone Orchestrator lists users here instead of `userList` (reference 0.1 item 1). */
	userPartitionList: { method: 'GET', path: () => apiPath('UserPartition', 'users', ORGANIZATION_ID), scope: USER, source: 'internal-2023' },
	userGet: { method: 'GET', path: (id) => apiPath('User', id), scope: USER, notFound: userNotFound, source: 'public' },
	userCreate: { method: 'POST', path: () => apiPath('User'), scope: USER, source: 'public' },
	userBulkCreate: { method: 'POST', path: () => apiPath('User', 'BulkCreate'), scope: USER, source: 'public' },
	userUpdate: { method: 'PUT', path: (id) => apiPath('User', id), scope: USER, notFound: userNotFound, source: 'public' },
	userDelete: { method: 'DELETE', path: (id) => apiPath('User', id), scope: USER, notFound: userNotFound, source: 'public' },
	userBulkDelete: { method: 'DELETE', path: () => apiPath('User'), scope: USER, source: 'public' },
	userChangePassword: { method: 'POST', path: (id) => apiPath('User', id, 'changepassword'), scope: USER, notFound: userNotFound, source: 'public' },
	userInvite: { method: 'POST', path: () => apiPath('User', 'InviteUsers'), scope: USER, source: 'internal-2023' },

	groupList: { method: 'GET', path: () => apiPath('Group', ORGANIZATION_ID), scope: GROUP, source: 'public' },
	groupGet: { method: 'GET', path: (id) => apiPath('Group', ORGANIZATION_ID, id), scope: GROUP, notFound: groupNotFound, source: 'public' },
	groupCreate: { method: 'POST', path: () => apiPath('Group'), scope: GROUP, source: 'public' },
	groupUpdate: { method: 'PUT', path: (id) => apiPath('Group', id), scope: GROUP, notFound: groupNotFound, source: 'public' },
	groupDelete: { method: 'DELETE', path: (id) => apiPath('Group', ORGANIZATION_ID, id), scope: GROUP, notFound: groupNotFound, source: 'public' },
	groupMembers: { method: 'GET', path: (id) => apiPath('Group', ORGANIZATION_ID, id, 'Members'), scope: GROUP, notFound: groupNotFound, source: 'undocumented' },

	robotAccountList: { method: 'GET', path: () => apiPath('RobotAccount', ORGANIZATION_ID), scope: ROBOT_ACCOUNT, source: 'public' },
	robotAccountGet: { method: 'GET', path: (id) => apiPath('RobotAccount', ORGANIZATION_ID, id), scope: ROBOT_ACCOUNT, notFound: robotAccountNotFound, source: 'public' },
	robotAccountCreate: { method: 'POST', path: () => apiPath('RobotAccount'), scope: ROBOT_ACCOUNT, source: 'public' },
	robotAccountUpdate: { method: 'PUT', path: (id) => apiPath('RobotAccount', id), scope: ROBOT_ACCOUNT, notFound: robotAccountNotFound, source: 'public' },
	robotAccountDelete: { method: 'DELETE', path: (id) => apiPath('RobotAccount', ORGANIZATION_ID, id), scope: ROBOT_ACCOUNT, notFound: robotAccountNotFound, source: 'public' },

	settingGet: { method: 'GET', path: () => apiPath('Setting'), scope: SETTING, source: 'public' },
	settingUpdate: { method: 'PUT', path: () => apiPath('Setting'), scope: SETTING, source: 'public' },

	directorySearch: { method: 'GET', path: () => apiPath('Directory', 'Search', ORGANIZATION_ID), scope: DIRECTORY, source: 'internal-2023' },
	directoryGroupMembership: { method: 'POST', path: () => apiPath('Directory', 'GroupMembership', ORGANIZATION_ID), scope: DIRECTORY, retry: 'safe', source: 'internal-2023' },
} satisfies Record<string, Endpoint<[]> | Endpoint<[string]>>;

/** Where users are listed on this deployment: standalone Orchestrator has its own route. */
export function userListFor(deployment: unknown): Endpoint {
	return deployment === 'standalone' ? endpoints.userPartitionList : endpoints.userList;
}

/** The request fields of an endpoint for these path arguments, to spread into an `IdentityRequest`. */
export function endpoint<Args extends string[]>(
	{ method, path, scope, notFound, retry, source }: Endpoint<Args>,
	...args: Args
): { method: IHttpRequestMethods; path: string; scope: string; notFound?: string; retry?: RetrySafety; source: EndpointSource } {
	return {
		method,
		path: path(...args),
		scope,
		source,
		...(notFound ? { notFound: notFound(...args) } : {}),
		...(retry ? { retry } : {}),
	};
}

/** The URL of the credential's Test request; `authenticate` turns it into `credentialProbe`. */
export const CREDENTIAL_PROBE_URL = '/api/{credentialProbe}';

/** The cheapest read of each resource scope, for the credential's Test button. */
const PROBES: Array<{ family: string; probe: (deployment: unknown) => { url: string; qs?: Record<string, unknown> } }> = [
	{ family: USER, probe: (deployment) => ({ url: userListFor(deployment).path(), qs: { top: 1 } }) },
	{ family: GROUP, probe: () => ({ url: endpoints.groupList.path() }) },
	{ family: ROBOT_ACCOUNT, probe: () => ({ url: endpoints.robotAccountList.path(), qs: { top: 1 } }) },
	{ family: SETTING, probe: () => ({ url: endpoints.settingGet.path(), qs: { key: 'Auth.Password.DefaultExpirationDays', partitionGlobalId: ORGANIZATION_ID } }) },
];

/**
 * What the credential's Test reads: the list of the first resource named in Scopes that can be
 * read (the family scope or its `.Read` half), so an application granted only some resources
 * passes. Without such a scope it lists users.
 */
export function credentialProbe(
	scopes: unknown,
	deployment: unknown,
): { url: string; qs?: Record<string, unknown>; scope: string } {
	for (const scope of String(scopes ?? '').split(/\s+/).filter(Boolean)) {
		const match = PROBES.find(({ family }) => scope === family || scope === `${family}.Read`);
		if (match) return { ...match.probe(deployment), scope };
	}
	return { ...PROBES[0].probe(deployment), scope: USER };
}
