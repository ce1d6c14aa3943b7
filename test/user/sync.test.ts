import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { FakeOrg } from './sync.fakeOrg';
import type { FakeGroup, FakeUser } from './sync.fakeOrg';

const EVERYONE = '0b1e2c3d-0000-4000-8000-000000000004';
const FINANCE = '6a8d1f20-1111-4a11-9a11-000000000011';
const HR = '6a8d1f20-1111-4a11-9a11-000000000012';
const SALES = '6a8d1f20-1111-4a11-9a11-000000000013';
const GROUPS: FakeGroup[] = [
	{ id: EVERYONE, name: 'Everyone', type: 0 },
	{ id: FINANCE, name: 'Finance', type: 1 },
	{ id: HR, name: 'HR', type: 1 },
	{ id: SALES, name: 'Sales', type: 1 },
];

const uid = (n: number) => `a1c4e6f8-2222-4b22-8b22-${String(n).padStart(12, '0')}`;

function member(n: number, first: string, overrides: Partial<FakeUser> = {}): FakeUser {
	const email = `${first.toLowerCase()}@acme.example`;
	return {
		id: uid(n),
		userName: email,
		email,
		name: first,
		surname: 'Example',
		displayName: `${first} Example`,
		isActive: true,
		type: 0,
		category: 0,
		groupIDs: [EVERYONE, FINANCE],
		...overrides,
	};
}

/** The organization before HR's list is applied. */
function organization(): FakeUser[] {
	return [
		member(1, 'Alice'),
		member(2, 'Bob'),
		member(3, 'Carol'),
		member(4, 'Dave', { isActive: false }),
		member(5, 'Erin'),
		member(6, 'Frank'),
		member(7, 'Grace'),
		member(8, 'Invoicebot', { type: 4, groupIDs: [] }),
		member(9, 'Dirk', { type: 2, category: 2 }),
	];
}

/** HR's list: one item per person. */
const HR_LIST = [
	{ email: 'ALICE@acme.example', first: 'Alice', last: 'Example', groups: ['Finance'] },
	{ email: 'bob@acme.example', first: 'Bob', last: 'Married', groups: ['Finance'] },
	{ email: 'carol@acme.example', first: 'Carol', last: 'Example', groups: ['hr'] },
	{ email: 'dave@acme.example', first: 'Dave', last: 'Example', groups: ['Finance'] },
	{ email: 'erin@acme.example', first: 'Erin', last: 'Example', groups: ['Finance'], active: false },
	{ email: 'hank@acme.example', first: 'Hank', last: 'New', groups: ['HR'] },
	{ email: 'ivy@acme.example', first: 'Ivy', last: 'New', groups: [HR] },
	{ email: 'jack@acme.example', first: 'Jack', last: 'New', groups: 'Finance' },
	{ email: 'kim@acme.example', first: 'Kim', last: 'New', groups: ['Finance', 'Marketing'] },
];

const parameters = {
	resource: 'user',
	operation: 'sync',
	keyField: 'email',
	key: '={{ $json.email }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	active: '={{ $json.active !== false }}',
	groupMode: 'exact',
	groups: '={{ $json.groups }}',
};
const realRun = { ...parameters, dryRun: false };
const deactivateMissing = { missing: 'deactivate', protectedIds: uid(7), maxChanges: 10 };

const usersList = `${CLOUD_API}/User/users/${ORG_ID}`;

describe('User → Sync', () => {
	it('with Dry Run (the default) reads the organization once and sends no change, showing the plan', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { outputs, error } = await runNode({ parameters: { ...parameters, options: deactivateMissing }, items: HR_LIST });

		expect(error).toBeUndefined();
		expect(org.changes).toEqual([]);
		expect(org.sent.map((request) => request.path)).toEqual([
			`${usersList}?sortBy=Id&sortOrder=asc&top=1000&skip=0`,
			`${CLOUD_API}/Group/${ORG_ID}`,
		]);
		expect(outputs[0].map((item) => [item.json.key, item.json.action, item.json.dryRun, item.pairedItem])).toEqual([
			['alice@acme.example', 'unchanged', true, { item: 0 }],
			['bob@acme.example', 'updated', true, { item: 1 }],
			['carol@acme.example', 'updated', true, { item: 2 }],
			['dave@acme.example', 'activated', true, { item: 3 }],
			['erin@acme.example', 'deactivated', true, { item: 4 }],
			['hank@acme.example', 'created', true, { item: 5 }],
			['ivy@acme.example', 'created', true, { item: 6 }],
			['jack@acme.example', 'created', true, { item: 7 }],
			['kim@acme.example', 'failed', true, { item: 8 }],
			['frank@acme.example', 'deactivated', true, undefined],
		]);
		expect(outputs[0][1].json).toEqual({
			key: 'bob@acme.example',
			action: 'updated',
			changes: ['updated'],
			userId: uid(2),
			changedFields: { surname: { from: 'Example', to: 'Married' } },
			dryRun: true,
		});
		expect(outputs[0][2].json).toMatchObject({
			changes: ['groupsAdded', 'groupsRemoved'],
			groupsAdded: [{ id: HR, name: 'HR' }],
			groupsRemoved: [{ id: FINANCE, name: 'Finance' }],
		});
		expect(outputs[0][8].json.reason).toBe('Unknown group "Marketing": no group of the organization has this name or ID');
		expect(outputs[0][9].json).toEqual({
			key: 'frank@acme.example',
			action: 'deactivated',
			changes: ['deactivated'],
			userId: uid(6),
			outsideInput: true,
			dryRun: true,
		});
	});

	it('without Dry Run makes every kind of change with bulk creates, and a second run sends nothing', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();
		const first = await runNode({ parameters: { ...realRun, options: deactivateMissing }, items: HR_LIST });
		const { credentialsHelper } = first;

		expect(first.error).toBeUndefined();
		const creates = org.changes.filter((request) => request.path.endsWith('/BulkCreate'));
		expect(creates.map((request) => request.body)).toEqual([
			{
				users: [
					{ id: expect.any(String), userName: 'hank@acme.example', email: 'hank@acme.example', name: 'Hank', surname: 'New' },
					{ id: expect.any(String), userName: 'ivy@acme.example', email: 'ivy@acme.example', name: 'Ivy', surname: 'New' },
				],
				partitionGlobalId: ORG_ID,
				groupIDs: [HR],
			},
			{
				users: [{ id: expect.any(String), userName: 'jack@acme.example', email: 'jack@acme.example', name: 'Jack', surname: 'New' }],
				partitionGlobalId: ORG_ID,
				groupIDs: [FINANCE],
			},
		]);
		const puts = org.changes.filter((request) => request.method === 'PUT');
		expect(puts.map((request) => [request.path.split('/').pop(), request.body])).toEqual([
			[uid(2), { surname: 'Married' }],
			[uid(3), { groupIDsToAdd: [HR], groupIDsToRemove: [FINANCE] }],
			[uid(4), { isActive: true }],
			[uid(5), { isActive: false }],
			[uid(6), { isActive: false }],
		]);
		expect(org.changes).toHaveLength(7);
		// Protected, robot and directory accounts outside the input are untouched.
		expect(org.user(uid(7))!.isActive).toBe(true);
		expect(first.outputs[0].map((item) => item.json.action)).toEqual([
			'unchanged',
			'updated',
			'updated',
			'activated',
			'deactivated',
			'created',
			'created',
			'created',
			'failed',
			'deactivated',
		]);
		expect(first.outputs[0].every((item) => item.json.dryRun === false)).toBe(true);
		const hank = first.outputs[0][5].json;
		expect(hank.userId).toBe((creates[0].body as { users: Array<{ id: string }> }).users[0].id);

		const sentBefore = org.sent.length;
		const second = await runNode({ parameters: { ...realRun, options: deactivateMissing }, items: HR_LIST, credentialsHelper });

		expect(second.error).toBeUndefined();
		expect(org.sent.slice(sentBefore).map((request) => request.method)).toEqual(['GET', 'GET']);
		expect(second.outputs[0].map((item) => item.json.action)).toEqual([
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
			'failed',
		]);
	});

	it('deletes people missing from the input in one bulk request, never protected, robot or directory accounts', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { outputs, error } = await runNode({
			parameters: { ...realRun, groupMode: 'none', options: { missing: 'delete', protectedIds: uid(7), maxChanges: 10 } },
			items: HR_LIST.slice(0, 5),
		});

		expect(error).toBeUndefined();
		const deletes = org.changes.filter((request) => request.method === 'DELETE');
		expect(deletes).toEqual([{ method: 'DELETE', path: `${CLOUD_API}/User`, body: { partitionGlobalId: ORG_ID, userIds: [uid(6)] } }]);
		expect(org.users.map((user) => user.id)).not.toContain(uid(6));
		expect(outputs[0].at(-1)!.json).toMatchObject({ key: 'frank@acme.example', action: 'deleted', outsideInput: true });
	});

	it('refuses a plan larger than Maximum Changes before sending anything', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { error } = await runNode({ parameters: { ...realRun, options: { missing: 'deactivate' } }, items: HR_LIST });

		expect(error?.message).toBe('Sync refused the plan: The plan has 9 changes, more than Maximum Changes (5); nothing was changed');
		expect(error?.description).toContain('3 created, 2 updated, 1 activated, 1 deactivated, 2 deactivated outside the input');
		expect(org.changes).toEqual([]);
	});

	it('a refused plan in Dry Run is shown with the reason on every item', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { outputs, error } = await runNode({ parameters: { ...parameters, options: { missing: 'deactivate' } }, items: HR_LIST });

		expect(error).toBeUndefined();
		expect(org.changes).toEqual([]);
		// Without a protected list, Grace (not in HR's list) would be deactivated too.
		expect(outputs[0].slice(9).map((item) => item.json.key)).toEqual(['frank@acme.example', 'grace@acme.example']);
		expect(outputs[0].every((item) => String(item.json.refused).startsWith('The plan has 9 changes'))).toBe(true);
	});

	it('an empty HR list never deactivates anyone', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { error } = await runNode({
			parameters: { ...realRun, key: '={{ $json.email }}', options: { missing: 'deactivate', maxChanges: 1000 } },
			items: [{ email: '' }],
		});

		expect(error?.message).toContain('never deactivates everyone');
		expect(org.changes).toEqual([]);
	});

	it('reads all pages of a large organization, and groups of matched users the list left out', async () => {
		const many = Array.from({ length: 2100 }, (_, n) => member(100 + n, `P${n}`));
		const org = new FakeOrg(many, GROUPS, true);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { outputs, error } = await runNode({
			parameters: { ...realRun, options: { maxChanges: 10 } },
			items: [
				{ email: 'p0@acme.example', first: 'P0', last: 'Example', groups: ['Finance', 'Sales'] },
				{ email: 'p1@acme.example', first: 'P1', last: 'Example', groups: ['Finance'] },
			],
		});

		expect(error).toBeUndefined();
		expect(org.sent.filter((request) => request.path.startsWith(usersList)).map((request) => new URL(request.path, 'https://x').searchParams.get('skip'))).toEqual(['0', '1000', '2000']);
		expect(org.sent.filter((request) => /User\/[0-9a-f-]{36}$/.test(request.path) && request.method === 'GET')).toHaveLength(2);
		expect(org.changes).toEqual([{ method: 'PUT', path: `${CLOUD_API}/User/${uid(100)}`, body: { groupIDsToAdd: [SALES] } }]);
		expect(outputs[0].map((item) => item.json.action)).toEqual(['updated', 'unchanged']);
	});

	it('with the username as key, compares the email as a field', async () => {
		const org = new FakeOrg([member(1, 'Alice', { userName: 'ajohnson', email: 'old@acme.example' })], GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const { outputs } = await runNode({
			parameters: { ...realRun, keyField: 'userName', key: '={{ $json.login }}', email: '={{ $json.email }}', groupMode: 'none' },
			items: [{ login: 'AJohnson', email: 'alice@acme.example', first: 'Alice', last: 'Example' }],
		});

		expect(org.changes).toEqual([{ method: 'PUT', path: `${CLOUD_API}/User/${uid(1)}`, body: { email: 'alice@acme.example' } }]);
		expect(outputs[0][0].json).toMatchObject({ action: 'updated', changedFields: { email: { from: 'old@acme.example', to: 'alice@acme.example' } } });
	});

	it('under continue-on-fail, a change UiPath refuses fails only that person', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.put(`${CLOUD_API}/User/${uid(2)}`)
			.reply(400, { succeeded: false, errors: [{ code: 'InvalidName', description: 'The surname is not allowed.' }] });
		org.mock();

		const { outputs, error } = await runNode({
			parameters: { ...realRun, options: deactivateMissing },
			items: HR_LIST,
			onError: 'continueRegularOutput',
		});

		expect(error).toBeUndefined();
		expect(outputs[0][1].json).toMatchObject({
			key: 'bob@acme.example',
			action: 'failed',
			changes: [],
			reason: 'UiPath did not update the user: InvalidName: The surname is not allowed.',
		});
		// Everyone else was still synced.
		expect(org.changes.filter((request) => request.method === 'PUT').map((request) => request.path.split('/').pop())).toEqual([
			uid(3),
			uid(4),
			uid(5),
			uid(6),
		]);
	});

	it('under continue-on-fail, a refused plan is one error item and nothing is sent', async () => {
		const org = new FakeOrg(organization(), GROUPS);
		mockTokenEndpoint(['T1']);
		org.mock();

		const refused = await runNode({ parameters: { ...realRun, options: { missing: 'deactivate' } }, items: HR_LIST, onError: 'continueRegularOutput' });

		expect(org.changes).toEqual([]);
		expect(refused.outputs[0]).toEqual([
			{
				json: { error: expect.stringContaining('Sync refused the plan'), details: expect.stringContaining('Nothing was sent') },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('names item 0 for a run-wide option out of range, since the run reads its options there', async () => {
		const { error } = await runNode({ parameters: { ...realRun, options: { maxChanges: -1 } }, items: HR_LIST });

		expect(error?.message).toBe(`'Maximum Changes' must be a whole number from 0 to 1000000 [item 0]`);
	});

	it('refuses a Protected User IDs entry that is not an ID', async () => {
		const { error } = await runNode({ parameters: { ...realRun, options: { protectedIds: 'admin@acme.example' } }, items: HR_LIST });

		expect(error?.message).toBe(`'Protected User IDs' holds "admin@acme.example", which is not a UiPath ID (GUID) [item 0]`);
	});
});
