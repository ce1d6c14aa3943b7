import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CLOUD_API, ORG_ID, USER_ID, mockTokenEndpoint } from '../fixtures';
import { CLIENT_SECRET, GROUP_ID, TOKEN, byId, hostile, userDto } from './data';
import { runAndScan } from './scan';
import type { ScannedRun } from './scan';

/**
 * The operation matrix of issue 9: every operation of the node, as data, so that each hostile-answer
 * class (matrix.secrets / matrix.shapes / matrix.faults) runs against each of them. An operation names
 * its minimal parameters, the request it sends first (where the hostile answer goes), a valid answer to
 * that request, the requests that follow on success, and what its success output looks like.
 */

export const ROBOT_ID = '5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59';
export const OLD_PASSWORD = 'Old-pass-long-1';
export const NEW_PASSWORD = 'New-pass-long-1';
/** The fast Request Handling of the adversarial suite: a retry is cheap, a timeout short. */
export const FAST = { retryWait: 1, attemptsPerRequest: 2, timeout: 200 };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
	method: Method;
	path: string;
	/** The request carries a query string (matched whatever it is). */
	query?: boolean;
}

export interface Answer extends Route {
	status: number;
	/** The answer, or a function of the request body for answers that quote it (client-generated IDs). */
	body?: unknown;
	headers?: Record<string, string>;
}

type Echoing = (request: IDataObject) => unknown;

export interface Operation {
	/** As the editor shows it: `User → Get`. */
	name: string;
	parameters: IDataObject;
	items?: IDataObject[];
	/** Passwords the item carries: scanned for as secrets. */
	passwords?: string[];
	/** Requests answered well before the one under test (e.g. Invite's organization check). */
	before?: Answer[];
	/** The request under test; the hostile answer replaces its answer. */
	first: Answer;
	/** Requests that follow a good first answer, until the item succeeds. */
	then?: Answer[];
	/** The output of the item on success (one entry per output item, matched with toMatchObject). */
	success: IDataObject[];
	/** The output of a change UiPath answered 2xx without a usable body (built from what was sent); `success[0]` if omitted. */
	bodiless?: IDataObject;
	/**
	 * What the first answer is: data the output is made of ('data'), data the operation only reads
	 * ('read'), or nothing the output shows ('ack': an IdentityResult or a 204).
	 */
	answer: 'data' | 'read' | 'ack';
	/** The endpoint is outside UiPath's public definition: a 401 may mean it is closed to external apps. */
	internal?: true;
	/** Sent again only when UiPath provably did not receive it (not after a timeout or a reset). */
	unsafe?: true;
}

const user = `${CLOUD_API}/User/${USER_ID}`;
const users = `${CLOUD_API}/User/users/${ORG_ID}`;
const groups = `${CLOUD_API}/Group/${ORG_ID}`;
const robots = `${CLOUD_API}/RobotAccount/${ORG_ID}`;
const succeeded = { succeeded: true, errors: [] };
const group = {
	id: GROUP_ID,
	name: 'Finance',
	displayName: 'Finance',
	type: 1,
	creationTime: '2026-01-05T10:00:00Z',
	lastModificationTime: null,
	members: [],
};
const robot = {
	id: ROBOT_ID,
	name: 'invoice-bot',
	displayName: 'Invoice Bot',
	creationTime: '2026-03-01T09:00:00Z',
	lastLoginTime: null,
	groupIds: [],
};
const setting = {
	id: 1,
	key: 'Auth.Password.DefaultExpirationDays',
	value: '90',
	partitionGlobalId: ORG_ID,
	userId: null,
};
const entry = {
	source: 'local',
	identifier: USER_ID,
	identityName: 'jane.doe@example.com',
	displayName: 'Jane Doe',
	email: 'jane.doe@example.com',
	type: 0,
	objectType: 'DirectoryUser',
};
const email = 'jane.doe@example.com';
const byUser = { userId: byId(USER_ID) };

export const OPERATIONS: Operation[] = [
	{
		name: 'User → Activate',
		parameters: { resource: 'user', operation: 'activate', ...byUser },
		first: { method: 'PUT', path: user, status: 200, body: succeeded },
		success: [{ id: USER_ID, isActive: true }],
		answer: 'ack',
	},
	{
		name: 'User → Add to Groups',
		parameters: {
			resource: 'user',
			operation: 'addToGroups',
			...byUser,
			groupIds: [GROUP_ID],
		},
		first: { method: 'PUT', path: user, status: 200, body: succeeded },
		success: [{ id: USER_ID, addedGroupIds: [GROUP_ID] }],
		answer: 'ack',
	},
	{
		name: 'User → Change Password',
		unsafe: true,
		parameters: {
			resource: 'user',
			operation: 'changePassword',
			...byUser,
			oldPassword: OLD_PASSWORD,
			newPassword: NEW_PASSWORD,
			options: { failWhenUnsuccessful: true },
		},
		passwords: [OLD_PASSWORD, NEW_PASSWORD],
		first: {
			method: 'POST',
			path: `${user}/changepassword`,
			status: 200,
			body: succeeded,
		},
		success: [{ succeeded: true, errors: [] }],
		answer: 'ack',
	},
	{
		name: 'User → Create',
		unsafe: true,
		parameters: {
			resource: 'user',
			operation: 'create',
			userName: email,
			additionalFields: { email, password: NEW_PASSWORD },
		},
		passwords: [NEW_PASSWORD],
		first: {
			method: 'POST',
			path: `${CLOUD_API}/User`,
			status: 200,
			body: userDto(),
		},
		success: [{ created: true, id: USER_ID, email }],
		bodiless: { created: true, email },
		answer: 'data',
	},
	{
		name: 'User → Create Many',
		unsafe: true,
		parameters: {
			resource: 'user',
			operation: 'createMany',
			userName: email,
			additionalFields: { email },
		},
		first: {
			method: 'POST',
			path: `${CLOUD_API}/User/BulkCreate`,
			status: 200,
			body: ((request) => ({
				result: succeeded,
				users: (request.users as IDataObject[]).map((sent) => userDto(sent)),
			})) as Echoing,
		},
		success: [{ created: true, email }],
		bodiless: { created: true, email },
		answer: 'data',
	},
	{
		name: 'User → Deactivate',
		parameters: { resource: 'user', operation: 'deactivate', ...byUser },
		first: { method: 'PUT', path: user, status: 200, body: succeeded },
		success: [{ id: USER_ID, isActive: false }],
		answer: 'ack',
	},
	{
		name: 'User → Delete',
		parameters: { resource: 'user', operation: 'delete', ...byUser },
		first: { method: 'DELETE', path: user, status: 204 },
		success: [{ deleted: true, id: USER_ID }],
		answer: 'ack',
	},
	{
		name: 'User → Delete Many',
		parameters: { resource: 'user', operation: 'deleteMany', ...byUser },
		first: { method: 'DELETE', path: `${CLOUD_API}/User`, status: 204 },
		success: [{ deleted: true, id: USER_ID }],
		answer: 'ack',
	},
	{
		name: 'User → Get',
		parameters: {
			resource: 'user',
			operation: 'get',
			...byUser,
			output: 'raw',
		},
		first: { method: 'GET', path: user, status: 200, body: userDto() },
		success: [{ id: USER_ID, email }],
		answer: 'data',
	},
	{
		name: 'User → Get Many',
		parameters: {
			resource: 'user',
			operation: 'getAll',
			limit: 5,
			output: 'raw',
		},
		first: {
			method: 'GET',
			path: users,
			query: true,
			status: 200,
			body: { totalCount: 1, results: [userDto()] },
		},
		success: [{ id: USER_ID, email }],
		answer: 'data',
	},
	{
		name: 'User → Invite',
		unsafe: true,
		parameters: { resource: 'user', operation: 'invite', email },
		before: [
			{
				method: 'GET',
				path: users,
				query: true,
				status: 200,
				body: { totalCount: 1, results: [] },
			},
		],
		first: {
			method: 'POST',
			path: `${CLOUD_API}/User/InviteUsers`,
			status: 200,
			body: {
				result: succeeded,
				users: [{ email, id: USER_ID, errorMsg: null, success: true }],
			},
		},
		success: [{ id: USER_ID, email }],
		bodiless: { invited: true, id: null, email },
		internal: true,
		answer: 'data',
	},
	{
		name: 'User → Remove From Groups',
		parameters: {
			resource: 'user',
			operation: 'removeFromGroups',
			...byUser,
			groupIds: [GROUP_ID],
		},
		first: {
			method: 'GET',
			path: user,
			status: 200,
			body: userDto({ groupIDs: [GROUP_ID] }),
		},
		then: [{ method: 'PUT', path: user, status: 200, body: succeeded }],
		success: [{ id: USER_ID, removedGroupIds: [GROUP_ID], notMemberGroupIds: [] }],
		answer: 'read',
	},
	{
		name: 'User → Reset Password',
		unsafe: true,
		parameters: {
			resource: 'user',
			operation: 'resetPassword',
			...byUser,
			password: NEW_PASSWORD,
		},
		passwords: [NEW_PASSWORD],
		first: { method: 'PUT', path: user, status: 200, body: succeeded },
		success: [{ id: USER_ID, passwordReset: true }],
		answer: 'ack',
	},
	{
		name: 'User → Sync',
		parameters: {
			resource: 'user',
			operation: 'sync',
			keyField: 'email',
			key: email,
			firstName: 'Jane',
			lastName: 'Doe',
			dryRun: false,
		},
		first: {
			method: 'GET',
			path: users,
			query: true,
			status: 200,
			body: { totalCount: 1, results: [userDto()] },
		},
		success: [{ key: email, action: 'unchanged' }],
		answer: 'read',
	},
	{
		name: 'User → Update',
		parameters: {
			resource: 'user',
			operation: 'update',
			...byUser,
			updateFields: { firstName: 'Janet' },
		},
		first: { method: 'PUT', path: user, status: 200, body: succeeded },
		success: [{ updated: true, id: USER_ID, name: 'Janet' }],
		answer: 'ack',
	},

	{
		name: 'Group → Create',
		unsafe: true,
		parameters: { resource: 'group', operation: 'create', name: 'Finance' },
		first: {
			method: 'POST',
			path: `${CLOUD_API}/Group`,
			status: 201,
			body: group,
		},
		success: [{ id: GROUP_ID, name: 'Finance' }],
		bodiless: { name: 'Finance' },
		answer: 'data',
	},
	{
		name: 'Group → Delete',
		parameters: {
			resource: 'group',
			operation: 'delete',
			groupId: byId(GROUP_ID),
		},
		first: { method: 'DELETE', path: `${groups}/${GROUP_ID}`, status: 204 },
		success: [{ deleted: true, id: GROUP_ID }],
		answer: 'ack',
	},
	{
		name: 'Group → Get',
		parameters: {
			resource: 'group',
			operation: 'get',
			groupId: byId(GROUP_ID),
			output: 'raw',
		},
		first: {
			method: 'GET',
			path: `${groups}/${GROUP_ID}`,
			status: 200,
			body: group,
		},
		success: [{ id: GROUP_ID, name: 'Finance' }],
		answer: 'data',
	},
	{
		name: 'Group → Get Many',
		parameters: {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
			output: 'raw',
		},
		first: { method: 'GET', path: groups, status: 200, body: [group] },
		success: [{ id: GROUP_ID, name: 'Finance' }],
		answer: 'data',
	},
	{
		name: 'Group → Get Members',
		parameters: {
			resource: 'group',
			operation: 'getMembers',
			groupId: byId(GROUP_ID),
			limit: 5,
		},
		first: {
			method: 'GET',
			path: `${groups}/${GROUP_ID}/Members`,
			query: true,
			status: 200,
			body: {
				totalCount: 1,
				results: [{ id: USER_ID, objectType: 'DirectoryUser', type: 0 }],
			},
		},
		success: [{ id: USER_ID }],
		answer: 'data',
		internal: true,
	},
	{
		name: 'Group → Update',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: byId(GROUP_ID),
			updateFields: { name: 'Finance' },
		},
		first: {
			method: 'PUT',
			path: `${CLOUD_API}/Group/${GROUP_ID}`,
			status: 200,
			body: group,
		},
		success: [{ id: GROUP_ID, name: 'Finance' }],
		answer: 'data',
	},

	{
		name: 'Robot Account → Create',
		unsafe: true,
		parameters: {
			resource: 'robotAccount',
			operation: 'create',
			name: 'invoice-bot',
		},
		first: {
			method: 'POST',
			path: `${CLOUD_API}/RobotAccount`,
			status: 201,
			body: robot,
		},
		success: [{ id: ROBOT_ID, name: 'invoice-bot' }],
		bodiless: { created: true, name: 'invoice-bot' },
		answer: 'data',
	},
	{
		name: 'Robot Account → Delete',
		parameters: {
			resource: 'robotAccount',
			operation: 'delete',
			robotAccountId: ROBOT_ID,
		},
		first: { method: 'DELETE', path: `${robots}/${ROBOT_ID}`, status: 204 },
		success: [{ deleted: true, id: ROBOT_ID }],
		answer: 'ack',
	},
	{
		name: 'Robot Account → Get',
		parameters: {
			resource: 'robotAccount',
			operation: 'get',
			robotAccountId: ROBOT_ID,
		},
		first: {
			method: 'GET',
			path: `${robots}/${ROBOT_ID}`,
			status: 200,
			body: robot,
		},
		success: [{ id: ROBOT_ID, name: 'invoice-bot' }],
		answer: 'data',
	},
	{
		name: 'Robot Account → Get Many',
		parameters: {
			resource: 'robotAccount',
			operation: 'getAll',
			limit: 5,
			output: 'raw',
		},
		first: {
			method: 'GET',
			path: robots,
			query: true,
			status: 200,
			body: { totalCount: 1, results: [robot] },
		},
		success: [{ id: ROBOT_ID, name: 'invoice-bot' }],
		answer: 'data',
	},
	{
		name: 'Robot Account → Update',
		parameters: {
			resource: 'robotAccount',
			operation: 'update',
			robotAccountId: ROBOT_ID,
			updateFields: { displayName: 'Invoice Bot' },
		},
		first: {
			method: 'PUT',
			path: `${CLOUD_API}/RobotAccount/${ROBOT_ID}`,
			status: 200,
			body: robot,
		},
		success: [{ id: ROBOT_ID, name: 'invoice-bot' }],
		bodiless: { id: ROBOT_ID, updated: true },
		answer: 'data',
	},

	{
		name: 'Directory → Check Group Membership',
		parameters: {
			resource: 'directory',
			operation: 'checkGroupMembership',
			...byUser,
			groupIds: [GROUP_ID],
		},
		first: {
			method: 'POST',
			path: `${CLOUD_API}/Directory/GroupMembership/${ORG_ID}`,
			status: 200,
			body: [
				{
					objectType: 'DirectoryGroup',
					source: 'local',
					identifier: GROUP_ID,
					name: 'Finance',
					displayName: 'Finance',
				},
			],
		},
		success: [{ userId: USER_ID }],
		answer: 'data',
		internal: true,
	},
	{
		name: 'Directory → Search',
		parameters: {
			resource: 'directory',
			operation: 'search',
			startsWith: 'jan',
			entityType: 'user',
		},
		first: {
			method: 'GET',
			path: `${CLOUD_API}/Directory/Search/${ORG_ID}`,
			query: true,
			status: 200,
			body: [entry],
		},
		success: [{ identifier: USER_ID }],
		answer: 'data',
		internal: true,
	},

	{
		name: 'Setting → Get',
		parameters: { resource: 'setting', operation: 'get', keys: setting.key },
		first: {
			method: 'GET',
			path: `${CLOUD_API}/Setting`,
			query: true,
			status: 200,
			body: [setting],
		},
		success: [{ key: setting.key, value: '90' }],
		answer: 'data',
	},
	{
		name: 'Setting → Update',
		parameters: {
			resource: 'setting',
			operation: 'update',
			settings: { setting: [{ key: setting.key, value: '90' }] },
		},
		first: {
			method: 'PUT',
			path: `${CLOUD_API}/Setting`,
			status: 200,
			body: [setting],
		},
		success: [{ key: setting.key, value: '90' }],
		bodiless: { key: setting.key, value: '90', updated: true },
		answer: 'data',
	},
];

/** The interceptor of `route` on a scope that opted out of the contract check (hostile on purpose). */
export function intercept(route: Route, scope: nock.Scope = hostile()): nock.Interceptor {
	const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
	const interceptor = scope[method](route.path);
	return route.query ? interceptor.query(true) : interceptor;
}

/** Answers `answer` once. */
export function answer({ status, body, headers, ...route }: Answer): nock.Scope {
	if (typeof body === 'function')
		return intercept(route).reply(status, (_uri, request) => (body as Echoing)(request as IDataObject) as nock.Body, headers);
	return intercept(route).reply(status, (body ?? '') as nock.Body, headers);
}

/** Counts the requests a persisting interceptor of `route` answers with `reply`. */
export function counted(route: Route, reply: (interceptor: nock.Interceptor) => nock.Scope): { count: () => number } {
	let count = 0;
	const scope = hostile().persist();
	scope.on('request', () => count++);
	reply(intercept(route, scope));
	return { count: () => count };
}

/** The parameters of `op` with the fast Request Handling (and anything `extra`). */
export function parametersOf(op: Operation, extra: IDataObject = {}): IDataObject {
	return { ...op.parameters, requestHandling: FAST, ...extra };
}

/** Every secret of a run of `op`: the client secret, the token, the item's passwords. */
export function secretsOf(op: Operation): string[] {
	return [CLIENT_SECRET, TOKEN, ...(op.passwords ?? [])];
}

export async function runOp(
	op: Operation,
	options: {
		onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
		tokens?: string[];
	} = {},
): Promise<ScannedRun> {
	mockTokenEndpoint(options.tokens ?? ['T1']);
	return await runAndScan({ parameters: parametersOf(op), items: op.items, onError: options.onError }, secretsOf(op));
}

/** Asserts the run stopped with one error for item 0, with no stack trace in what the user reads. */
export function expectItemFailure(run: ScannedRun, message: RegExp): void {
	expect(run.outputs.flat()).toEqual([]);
	expect(run.error?.message).toMatch(message);
	expect(run.error?.message).toMatch(/ \[item 0\]$/);
	expect(`${run.error?.message}\n${run.error?.description ?? ''}`).not.toMatch(/\n\s+at \S+ \(|\.ts:\d+/);
}

/** Asserts the item succeeded with exactly the operation's success output, paired with item 0. */
export function expectSuccess(run: ScannedRun, op: Operation): void {
	expect(run.error).toBeUndefined();
	expect(run.outputs[0]).toHaveLength(op.success.length);
	op.success.forEach((json, index) => {
		expect(run.outputs[0][index].json).toMatchObject(json);
		expect(run.outputs[0][index].pairedItem).toEqual({ item: 0 });
	});
}

/** Mocks the requests before the one under test. */
export function answerBefore(op: Operation): void {
	for (const earlier of op.before ?? []) answer(earlier);
}

/** Mocks the requests around the one under test, as on success. */
export function answerTheRest(op: Operation): void {
	answerBefore(op);
	for (const next of op.then ?? []) answer(next);
}

/** Whether the operation only reads: a wrong-shaped answer must fail it (a change may answer anything 2xx). */
export const reads = (op: Operation) => op.first.method === 'GET' || op.name === 'Directory → Check Group Membership';

export const cells = <T extends unknown[]>(variants: Array<[string, ...T]>, filter: (op: Operation) => boolean = () => true) =>
	OPERATIONS.filter(filter).flatMap((op) =>
		variants.map(([label, ...rest]) => [`${op.name}: ${label}`, op, ...rest] as [string, Operation, ...T]),
	);
