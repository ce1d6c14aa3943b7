import fc from 'fast-check';

import { accountKind, defaultMaxChanges, planSync } from '../../nodes/UiPathIdentity/actions/user/sync.plan';
import type {
	CurrentUser,
	DesiredPerson,
	OrgGroup,
	SyncOptions,
	SyncPlan,
} from '../../nodes/UiPathIdentity/actions/user/sync.types';

const EVERYONE = 'e0000000-0000-4000-8000-000000000000';
const FINANCE = 'f0000000-0000-4000-8000-000000000001';
const HR = 'f0000000-0000-4000-8000-000000000002';
const SALES = 'f0000000-0000-4000-8000-000000000003';
const ADMINS = 'e0000000-0000-4000-8000-000000000001';

const GROUPS: OrgGroup[] = [
	{ id: EVERYONE, name: 'Everyone', type: 0 },
	{ id: ADMINS, name: 'Administrators', type: 0 },
	{ id: FINANCE, name: 'Finance', type: 1 },
	{ id: HR, name: 'HR', type: 1 },
	{ id: SALES, name: 'Sales', type: 1 },
];

const id = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function user(n: number, overrides: Partial<CurrentUser> = {}): CurrentUser {
	const first = `First${n}`;
	const last = `Last${n}`;
	return {
		id: id(n),
		userName: `person${n}@acme.example`,
		email: `person${n}@acme.example`,
		name: first,
		surname: last,
		displayName: `${first} ${last}`,
		isActive: true,
		type: 0,
		category: 0,
		groupIDs: [EVERYONE, FINANCE],
		...overrides,
	};
}

function person(n: number, overrides: Partial<DesiredPerson> = {}): DesiredPerson {
	return {
		key: `person${n}@acme.example`,
		firstName: `First${n}`,
		lastName: `Last${n}`,
		displayName: `First${n} Last${n}`,
		groups: ['Finance'],
		active: true,
		...overrides,
	};
}

const OPTIONS: SyncOptions = { keyField: 'email', groupMode: 'exact', missing: 'none', protectedIds: [] };

/** Twenty users, so the default limit is 5 and half the organization is 10. */
const ORG = Array.from({ length: 20 }, (_, n) => user(n + 1));
const EVERYBODY = Array.from({ length: 20 }, (_, n) => person(n + 1));

describe('User → Sync planner', () => {
	describe('per person', () => {
		it('leaves people who already match unchanged', () => {
			const plan = planSync(EVERYBODY, ORG, GROUPS, OPTIONS);
			expect(plan.people.map((p) => p.action)).toEqual(new Array(20).fill('unchanged'));
			expect(plan.changeCount).toBe(0);
			expect(plan.refused).toBeUndefined();
		});

		it('creates a person UiPath does not know, with the key as user name and email, and the listed groups', () => {
			const plan = planSync([person(99, { key: ' New.Hire@Acme.example ', groups: ['finance', HR] })], ORG, GROUPS, OPTIONS);
			expect(plan.people[0]).toEqual({
				index: 0,
				key: 'new.hire@acme.example',
				action: 'created',
				changes: ['created'],
				create: {
					userName: 'New.Hire@Acme.example',
					email: 'New.Hire@Acme.example',
					name: 'First99',
					surname: 'Last99',
					displayName: 'First99 Last99',
					groupIds: [FINANCE, HR],
				},
				changedFields: {},
				groupsAdded: [
					{ id: FINANCE, name: 'Finance' },
					{ id: HR, name: 'HR' },
				],
				groupsRemoved: [],
			});
		});

		it('creates nobody for an inactive person UiPath does not know', () => {
			const plan = planSync([person(99, { active: false })], ORG, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({ action: 'unchanged', changes: [], reason: expect.stringContaining('nothing to create') });
			expect(plan.changeCount).toBe(0);
		});

		it('matches emails whatever their case, also against a user name that is the email', () => {
			const users = [user(1, { email: '' , userName: 'PERSON1@ACME.EXAMPLE' }), user(2, { email: 'Person2@Acme.Example' })];
			const plan = planSync([person(1, { key: 'Person1@acme.example' }), person(2)], users, GROUPS, OPTIONS);
			expect(plan.people.map((p) => [p.action, p.userId])).toEqual([
				['unchanged', id(1)],
				['unchanged', id(2)],
			]);
		});

		it('updates only the fields that differ (a name change) and says from what to what', () => {
			const plan = planSync([person(1, { lastName: 'Married', displayName: 'First1 Married' })], ORG, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({
				action: 'updated',
				changes: ['updated'],
				userId: id(1),
				changedFields: {
					surname: { from: 'Last1', to: 'Married' },
					displayName: { from: 'First1 Last1', to: 'First1 Married' },
				},
			});
			expect(Object.keys(plan.people[0].changedFields)).toEqual(['surname', 'displayName']);
		});

		it('treats empty or absent fields as "leave as is", and a change of case in a name as a change', () => {
			const plan = planSync(
				[person(1, { firstName: '  ', lastName: undefined, displayName: 'first1 last1', groups: undefined })],
				ORG,
				GROUPS,
				OPTIONS,
			);
			expect(plan.people[0].changedFields).toEqual({ displayName: { from: 'First1 Last1', to: 'first1 last1' } });
		});

		it('rehires: an inactive user who is in the input as active is activated', () => {
			const users = [user(1, { isActive: false })];
			const plan = planSync([person(1)], users, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({ action: 'activated', changes: ['activated'], userId: id(1) });
		});

		it('deactivates a person marked inactive, and an already inactive one is unchanged', () => {
			const users = [user(1), user(2, { isActive: false })];
			const plan = planSync([person(1, { active: false }), person(2, { active: false })], users, GROUPS, OPTIONS);
			expect(plan.people.map((p) => p.action)).toEqual(['deactivated', 'unchanged']);
		});

		it('exact groups: adds the missing ones and removes the others, except Everyone and groups the organization does not list', () => {
			const stray = 'd0000000-0000-4000-8000-0000000000ff';
			const users = [user(1, { groupIDs: [EVERYONE, FINANCE.toUpperCase(), SALES, stray] })];
			const plan = planSync([person(1, { groups: ['HR', 'Finance'] })], users, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({
				action: 'updated',
				changes: ['groupsAdded', 'groupsRemoved'],
				groupsAdded: [{ id: HR, name: 'HR' }],
				groupsRemoved: [{ id: SALES, name: 'Sales' }],
			});
		});

		it('exact groups with an empty list removes every membership but Everyone', () => {
			const users = [user(1, { groupIDs: [EVERYONE, FINANCE, ADMINS] })];
			const plan = planSync([person(1, { groups: [] })], users, GROUPS, OPTIONS);
			expect(plan.people[0].groupsRemoved.map((g) => g.name)).toEqual(['Finance', 'Administrators']);
		});

		it('add-only groups never removes a membership', () => {
			const users = [user(1, { groupIDs: [EVERYONE, SALES] })];
			const plan = planSync([person(1, { groups: ['HR'] })], users, GROUPS, { ...OPTIONS, groupMode: 'addOnly' });
			expect(plan.people[0]).toMatchObject({ changes: ['groupsAdded'], groupsAdded: [{ id: HR }], groupsRemoved: [] });
		});

		it('absent groups leave memberships alone in both modes', () => {
			const users = [user(1, { groupIDs: [SALES] })];
			for (const groupMode of ['exact', 'addOnly'] as const) {
				const plan = planSync([person(1, { groups: undefined })], users, GROUPS, { ...OPTIONS, groupMode });
				expect(plan.people[0].action).toBe('unchanged');
			}
		});

		it('combines several changes of one person, and names the most telling one', () => {
			const users = [user(1, { isActive: false, groupIDs: [EVERYONE] })];
			const plan = planSync([person(1, { firstName: 'Firsty' })], users, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({ action: 'activated', changes: ['updated', 'activated', 'groupsAdded'] });
			expect(plan.changeCount).toBe(1);
		});

		it('compares the email as a field when the key is the user name (case-insensitively)', () => {
			const users = [user(1, { userName: 'jdoe', email: 'old@acme.example' }), user(2, { userName: 'asmith', email: 'A@acme.example' })];
			const plan = planSync(
				[person(1, { key: 'JDOE', email: 'new@acme.example' }), person(2, { key: 'asmith', email: 'a@ACME.example' })],
				users,
				GROUPS,
				{ ...OPTIONS, keyField: 'userName' },
			);
			expect(plan.people[0]).toMatchObject({ action: 'updated', changedFields: { email: { from: 'old@acme.example', to: 'new@acme.example' } } });
			expect(plan.people[1].action).toBe('unchanged');
		});

		it('with the user name as key, creates with that user name and the given email', () => {
			const plan = planSync([person(1, { key: 'jdoe', email: 'jdoe@acme.example' })], [], GROUPS, { ...OPTIONS, keyField: 'userName', maxChanges: 5 });
			expect(plan.people[0].create).toMatchObject({ userName: 'jdoe', email: 'jdoe@acme.example' });
		});
	});

	describe('failures', () => {
		it('fails a person who names an unknown group, and changes nothing else for them', () => {
			const plan = planSync([person(1, { groups: ['Finance', 'Nope', 'b0000000-0000-4000-8000-000000000bad'], lastName: 'X' })], ORG, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({
				action: 'failed',
				changes: [],
				userId: id(1),
				reason: 'Unknown groups "Nope", "b0000000-0000-4000-8000-000000000bad": no group of the organization has this name or ID',
			});
			expect(plan.changeCount).toBe(0);
		});

		it('fails a group name that several groups share', () => {
			const groups = [...GROUPS, { id: 'f0000000-0000-4000-8000-000000000009', name: 'finance', type: 1 }];
			const plan = planSync([person(1)], ORG, groups, OPTIONS);
			expect(plan.people[0].reason).toBe('The group name "Finance" belongs to 2 groups; use the group ID instead');
		});

		it('fails every item of a key that appears twice, whatever the case', () => {
			const plan = planSync([person(1), person(2), person(1, { key: 'PERSON1@acme.example' })], ORG, GROUPS, OPTIONS);
			expect(plan.people.map((p) => p.action)).toEqual(['failed', 'unchanged', 'failed']);
			expect(plan.people[0].reason).toBe('The key "person1@acme.example" appears in 2 input items; keep one item per person');
		});

		it('fails a key that matches several UiPath accounts', () => {
			const users = [user(1), user(2, { userName: 'person1@acme.example', email: 'other@acme.example' })];
			const plan = planSync([person(1)], users, GROUPS, OPTIONS);
			expect(plan.people[0]).toMatchObject({ action: 'failed', reason: `2 UiPath accounts match "person1@acme.example": ${id(1)}, ${id(2)}` });
		});

		it('fails two keys that point at the same account', () => {
			const users = [user(1, { userName: 'alias@acme.example' })];
			const plan = planSync([person(1), person(2, { key: 'alias@acme.example' })], users, GROUPS, OPTIONS);
			expect(plan.people.map((p) => p.reason)).toEqual([
				`The UiPath account ${id(1)} matches more than one input item`,
				`The UiPath account ${id(1)} matches more than one input item`,
			]);
		});

		it('fails empty keys and emails that are not addresses', () => {
			const plan = planSync([person(1, { key: '  ' }), person(2, { key: 'not-an-email' })], ORG, GROUPS, OPTIONS);
			expect(plan.people.map((p) => p.reason)).toEqual(['The email is empty', 'The email "not-an-email" is not an email address']);
		});

		it('never changes a directory user or a robot that a key matches, and says why', () => {
			const users = [user(1, { type: 2 }), user(2, { type: 0, category: 2 }), user(3, { type: 'robot' }), user(4, { type: 5 })];
			const plan = planSync([person(1), person(2), person(3), person(4)], users, GROUPS, OPTIONS);
			expect(plan.people.map((p) => p.reason)).toEqual([
				`The UiPath account ${id(1)} is a directory user; Sync changes local users only`,
				`The UiPath account ${id(2)} is a directory user; Sync changes local users only`,
				`The UiPath account ${id(3)} is a robot account; Sync changes local users only`,
				`The UiPath account ${id(4)} is not a user account; Sync changes local users only`,
			]);
		});

		it('fails when groups are to be compared but UiPath did not send the user\'s groups', () => {
			const plan = planSync([person(1)], [user(1, { groupIDs: null })], GROUPS, OPTIONS);
			expect(plan.people[0].reason).toContain('did not say which groups');
		});
	});

	describe('people missing from the input', () => {
		const leavers = EVERYBODY.slice(0, 18);

		it('are left alone by default', () => {
			const plan = planSync(leavers, ORG, GROUPS, OPTIONS);
			expect(plan.outside).toEqual([]);
		});

		it('are deactivated when asked, skipping the already inactive', () => {
			const users = ORG.map((u, n) => (n === 19 ? { ...u, isActive: false } : u));
			const plan = planSync(leavers, users, GROUPS, { ...OPTIONS, missing: 'deactivate' });
			expect(plan.outside).toEqual([
				{ userId: id(19), userName: 'person19@acme.example', email: 'person19@acme.example', action: 'deactivated' },
			]);
			expect(plan.changeCount).toBe(1);
		});

		it('are deleted when asked, inactive ones too', () => {
			const users = ORG.map((u, n) => (n === 19 ? { ...u, isActive: false } : u));
			const plan = planSync(leavers, users, GROUPS, { ...OPTIONS, missing: 'delete' });
			expect(plan.outside.map((o) => [o.userId, o.action])).toEqual([
				[id(19), 'deleted'],
				[id(20), 'deleted'],
			]);
		});

		it('never include robot accounts, directory users, directory groups, applications or protected IDs', () => {
			const users = [
				...ORG.slice(0, 18),
				user(19, { type: 1 }),
				user(20, { type: 4 }),
				user(21, { type: 'directoryUser' }),
				user(22, { type: 3 }),
				user(23, { type: 5 }),
				user(24, { category: 'directory' }),
				user(25),
				user(26),
			];
			const plan = planSync(leavers, users, GROUPS, { ...OPTIONS, missing: 'delete', protectedIds: [` ${id(25).toUpperCase()} `] });
			expect(plan.outside.map((o) => o.userId)).toEqual([id(26)]);
		});

		it('never include accounts that a failed input item points at', () => {
			const people = [...leavers, person(19, { groups: ['Nope'] }), person(20, { key: 'PERSON20@acme.example' }), person(20)];
			const plan = planSync(people, ORG, GROUPS, { ...OPTIONS, missing: 'deactivate' });
			expect(plan.people.slice(18).map((p) => p.action)).toEqual(['failed', 'failed', 'failed']);
			expect(plan.outside).toEqual([]);
		});

		it('an empty input never deactivates anyone, whatever the limit', () => {
			const plan = planSync([], ORG, GROUPS, { ...OPTIONS, missing: 'deactivate', maxChanges: 1000 });
			expect(plan.refused).toBe('The input holds no person, and Sync would deactivate 20 accounts; it never deactivates everyone');
		});

		it('an input of only unusable items never deletes anyone', () => {
			const plan = planSync([person(1, { key: '' })], ORG, GROUPS, { ...OPTIONS, missing: 'delete', maxChanges: 1000 });
			expect(plan.refused).toContain('never deletes everyone');
		});

		it('a nearly empty input is refused: more than half the organization would go', () => {
			const plan = planSync(EVERYBODY.slice(0, 9), ORG, GROUPS, { ...OPTIONS, missing: 'deactivate', maxChanges: 1000 });
			expect(plan.refused).toBe("Sync would deactivate 11 of the organization's 20 users, more than half; check that the input is complete");
			const half = planSync(EVERYBODY.slice(0, 10), ORG, GROUPS, { ...OPTIONS, missing: 'deactivate', maxChanges: 1000 });
			expect(half.refused).toBeUndefined();
		});

		it('refuses while some input item has no usable key (that person could be deactivated by mistake)', () => {
			const plan = planSync([...leavers, person(19, { key: 'person19' })], ORG, GROUPS, { ...OPTIONS, missing: 'deactivate' });
			expect(plan.refused).toBe(
				'1 input item has no usable key, so Sync cannot tell who is missing from the input; fix it or set Handle Missing People to None',
			);
		});
	});

	describe('Maximum Changes', () => {
		it('defaults to 10% of the organization, at least 5', () => {
			expect([0, 1, 49, 50, 51, 1000].map(defaultMaxChanges)).toEqual([5, 5, 5, 5, 6, 100]);
			const plan = planSync(EVERYBODY, ORG, GROUPS, OPTIONS);
			expect(plan).toMatchObject({ limit: 5, organizationSize: 20 });
		});

		it('counts directory users in the organization size, not robots', () => {
			const users = [...ORG, ...Array.from({ length: 40 }, (_, n) => user(100 + n, { type: 2 })), user(200, { type: 4 })];
			expect(planSync([], users, GROUPS, OPTIONS).organizationSize).toBe(60);
			expect(planSync([], users, GROUPS, OPTIONS).limit).toBe(6);
		});

		it('refuses a plan with more changes than the limit, and allows exactly the limit', () => {
			const six = EVERYBODY.map((p, n) => (n < 6 ? { ...p, lastName: 'Changed' } : p));
			expect(planSync(six, ORG, GROUPS, OPTIONS).refused).toBe(
				'The plan has 6 changes, more than Maximum Changes (5); nothing was changed',
			);
			expect(planSync(six.slice(1), ORG, GROUPS, OPTIONS).refused).toBeUndefined();
			expect(planSync(six, ORG, GROUPS, { ...OPTIONS, maxChanges: 6 }).refused).toBeUndefined();
		});

		it('counts people outside the input too', () => {
			const plan = planSync(EVERYBODY.slice(0, 14), ORG, GROUPS, { ...OPTIONS, missing: 'deactivate' });
			expect(plan).toMatchObject({ changeCount: 6, refused: expect.stringContaining('6 changes') });
		});

		it('still holds the full plan when refused, for a Dry Run to show', () => {
			const plan = planSync(EVERYBODY.slice(0, 14), ORG, GROUPS, { ...OPTIONS, missing: 'deactivate' });
			expect(plan.outside).toHaveLength(6);
		});
	});

	it('accountKind reads names and wire numbers', () => {
		expect([0, 'user', undefined, 1, 4, 'robotAccount', 2, 3, 5].map((type) => accountKind({ id: 'x', type }))).toEqual([
			'local',
			'local',
			'local',
			'robot',
			'robot',
			'robot',
			'directory',
			'other',
			'other',
		]);
		expect(accountKind({ id: 'x', type: 0, category: 'directory' })).toBe('directory');
		expect(accountKind({ id: 'x', type: 0, category: 1 })).toBe('local');
	});

	it('accountKind reads numeric text and any letter case like the rest of the node (shared/enums.ts)', () => {
		expect(['1', ' 4 ', 'ROBOTACCOUNT', '2', 'DirectoryUser'].map((type) => accountKind({ id: 'x', type }))).toEqual([
			'robot',
			'robot',
			'robot',
			'directory',
			'directory',
		]);
		expect(accountKind({ id: 'x', type: '0', category: '2' })).toBe('directory');
	});

	it('a custom group named Everyone is an ordinary group, whatever spelling its type has', () => {
		const custom = '0c000000-0000-4000-8000-000000000001';
		for (const type of [1, '1', 'custom', 'Custom']) {
			const groups = [...GROUPS, { id: custom, name: 'everyone', type }];
			const users = [user(1, { groupIDs: [EVERYONE, FINANCE, custom] })];
			const plan = planSync([person(1, { groups: ['Finance'] })], users, groups, OPTIONS);
			expect(plan.people[0].groupsRemoved).toEqual([{ id: custom, name: 'everyone' }]);
		}
	});
});

// ---- Properties ----------------------------------------------------------------------------

/** What UiPath holds after the plan was carried out, the way the Sync operation sends it. */
function apply(users: CurrentUser[], plan: SyncPlan, groups: OrgGroup[]): CurrentUser[] {
	const everyone = groups.find((group) => group.name === 'Everyone')?.id;
	let next = users.map((u) => ({ ...u, groupIDs: u.groupIDs ? [...u.groupIDs] : u.groupIDs }));
	let counter = 0;
	for (const p of plan.people) {
		if (p.create) {
			next.push({
				id: `c0000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
				userName: p.create.userName,
				email: p.create.email ?? '',
				name: p.create.name ?? '',
				surname: p.create.surname ?? '',
				displayName: p.create.displayName ?? '',
				isActive: true,
				type: 0,
				category: 0,
				// UiPath puts every new user into Everyone.
				groupIDs: [...(everyone ? [everyone] : []), ...p.create.groupIds],
			});
			continue;
		}
		if (!p.userId || !p.changes.length) continue;
		const target = next.find((u) => u.id === p.userId)!;
		for (const [field, change] of Object.entries(p.changedFields)) (target as unknown as Record<string, unknown>)[field] = change!.to;
		if (p.changes.includes('activated')) target.isActive = true;
		if (p.changes.includes('deactivated')) target.isActive = false;
		const removed = new Set(p.groupsRemoved.map((g) => g.id.toLowerCase()));
		target.groupIDs = [...(target.groupIDs ?? []).filter((g) => !removed.has(g.toLowerCase())), ...p.groupsAdded.map((g) => g.id)];
	}
	for (const o of plan.outside) {
		if (o.action === 'deleted') next = next.filter((u) => u.id !== o.userId);
		else next.find((u) => u.id === o.userId)!.isActive = false;
	}
	return next;
}

const KEYS = ['ann', 'bob', 'cy', 'dee', 'ed', 'flo', 'gus', 'hal'];
const NAMES = ['Ann', 'Bob', 'ann', '', ' Cy ', 'Dee'];
const groupArb = fc.constantFrom<OrgGroup[]>(GROUPS, [...GROUPS, { id: 'f0000000-0000-4000-8000-000000000009', name: 'HR', type: 1 }]);
const groupRefArb = fc.constantFrom('Finance', 'finance', 'HR', SALES, SALES.toUpperCase(), 'Administrators', 'Everyone', 'Nope');
const caseArb = fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s[0].toUpperCase() + s.slice(1));

const userArb = fc.record({
	key: fc.constantFrom(...KEYS),
	viaUserName: fc.boolean(),
	name: fc.constantFrom(...NAMES),
	isActive: fc.boolean(),
	type: fc.constantFrom<unknown>(0, 0, 0, 0, 'user', 1, 2, 4, 5),
	category: fc.constantFrom<unknown>(0, 0, 0, 1, 2),
	groupIDs: fc.subarray([EVERYONE, ADMINS, FINANCE, HR, SALES, 'd0000000-0000-4000-8000-0000000000ff']),
});
const usersArb = fc.array(userArb, { maxLength: 12 }).map((list) =>
	list.map((u, n): CurrentUser => ({
		id: id(n + 1),
		userName: u.viaUserName ? `${u.key}@acme.example` : `u${n}`,
		email: u.viaUserName ? '' : `${u.key}@acme.example`,
		name: u.name,
		surname: u.name,
		displayName: u.name,
		isActive: u.isActive,
		type: u.type,
		category: u.category,
		groupIDs: u.groupIDs,
	})),
);
const personArb = fc.record(
	{
		key: fc.tuple(fc.constantFrom(...KEYS, '', 'bad key'), caseArb).map(([k, c]) => (k && k !== 'bad key' ? `${c(k)}@Acme.example` : k)),
		firstName: fc.constantFrom(...NAMES),
		lastName: fc.constantFrom(...NAMES),
		displayName: fc.constantFrom(...NAMES),
		groups: fc.array(groupRefArb, { maxLength: 3 }),
		active: fc.boolean(),
	},
	{ requiredKeys: ['key'] },
);
const optionsArb = fc.record({
	keyField: fc.constant<'email'>('email'),
	groupMode: fc.constantFrom<'exact' | 'addOnly'>('exact', 'addOnly'),
	missing: fc.constantFrom<'none' | 'deactivate' | 'delete'>('none', 'deactivate', 'delete'),
	protectedIds: fc.subarray([id(1), id(2), id(3)]),
	maxChanges: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
});
const scenario = fc.tuple(fc.array(personArb, { maxLength: 10 }), usersArb, groupArb, optionsArb);
const RUNS = { seed: 4242, numRuns: 600 };

describe('User → Sync planner properties', () => {
	it('carrying out a plan and planning again yields no change', () => {
		const seen = { changed: 0, outside: 0, created: 0 };
		fc.assert(
			fc.property(scenario, ([people, users, groups, options]) => {
				const plan = planSync(people, users, groups, options);
				fc.pre(!plan.refused);
				if (plan.changeCount) seen.changed++;
				if (plan.outside.length) seen.outside++;
				if (plan.people.some((p) => p.action === 'created')) seen.created++;
				const again = planSync(people, apply(users, plan, groups), groups, { ...options, maxChanges: undefined });
				expect(again.changeCount).toBe(0);
				expect(again.outside).toEqual([]);
				expect(again.people.every((p) => p.changes.length === 0)).toBe(true);
			}),
			RUNS,
		);
		// The property is only worth something if many generated plans do change things.
		expect(seen.changed).toBeGreaterThan(100);
		expect(seen.outside).toBeGreaterThan(20);
		expect(seen.created).toBeGreaterThan(50);
	});

	it('a plan is within Maximum Changes or refused', () => {
		fc.assert(
			fc.property(scenario, ([people, users, groups, options]) => {
				const plan = planSync(people, users, groups, options);
				const counted = plan.people.filter((p) => p.changes.length > 0).length + plan.outside.length;
				expect(plan.changeCount).toBe(counted);
				expect(plan.refused !== undefined || counted <= plan.limit).toBe(true);
			}),
			RUNS,
		);
	});

	it('outside the input only local, unclaimed, unprotected users are touched, and never more than half', () => {
		fc.assert(
			fc.property(scenario, ([people, users, groups, options]) => {
				const plan = planSync(people, users, groups, options);
				const claimed = new Set(plan.people.map((p) => p.userId).filter(Boolean));
				const local = users.filter((u) => accountKind(u) === 'local');
				for (const o of plan.outside) {
					const u = users.find((candidate) => candidate.id === o.userId)!;
					expect(accountKind(u)).toBe('local');
					expect(options.protectedIds).not.toContain(o.userId);
					expect(claimed.has(o.userId)).toBe(false);
					const keys = people.map((p) => String(p.key).trim().toLowerCase()).filter(Boolean);
					expect(keys.some((key) => key === String(u.email).toLowerCase() || key === String(u.userName).toLowerCase())).toBe(false);
				}
				if (options.missing === 'none') expect(plan.outside).toEqual([]);
				if (!plan.refused && plan.outside.length) expect(plan.outside.length * 2).toBeLessThanOrEqual(local.length);
			}),
			RUNS,
		);
	});

	it('one result per person in input order; changes only for matched local users or creations', () => {
		fc.assert(
			fc.property(scenario, ([people, users, groups, options]) => {
				const plan = planSync(people, users, groups, options);
				expect(plan.people.map((p) => p.index)).toEqual(people.map((_, n) => n));
				for (const p of plan.people) {
					if (p.action === 'failed') expect(p.changes).toEqual([]);
					if (p.action === 'created') expect(p.userId).toBeUndefined();
					else if (p.changes.length) expect(accountKind(users.find((u) => u.id === p.userId)!)).toBe('local');
					if (options.groupMode === 'addOnly') expect(p.groupsRemoved).toEqual([]);
					expect(p.groupsRemoved.some((g) => g.name === 'Everyone')).toBe(false);
				}
			}),
			RUNS,
		);
	});

	it('the case of keys and group names does not change the plan', () => {
		fc.assert(
			fc.property(scenario, ([people, users, groups, options]) => {
				const shout = people.map((p) => ({ ...p, key: p.key.toUpperCase(), groups: p.groups?.map((g) => g.toUpperCase()) }));
				const strip = (plan: SyncPlan) => plan.people.map((p) => ({ ...p, key: p.key.toLowerCase(), create: undefined, reason: undefined }));
				expect(strip(planSync(shout, users, groups, options))).toEqual(strip(planSync(people, users, groups, options)));
			}),
			RUNS,
		);
	});
});
