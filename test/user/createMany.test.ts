import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, GUID, userDto } from './data';

const bulkPath = `${CLOUD_API}/User/BulkCreate`;
const parameters = {
	resource: 'user',
	operation: 'createMany',
	userName: '={{ $json.email }}',
	additionalFields: { email: '={{ $json.email }}', groupIds: '={{ $json.groups }}' },
};

interface BulkBody {
	users: Array<Record<string, unknown>>;
	partitionGlobalId: string;
	groupIDs?: string[];
}

/** Answers BulkCreate like UiPath: `{result, users}` echoing the users with numeric enums. */
function bulkCreate(bodies: BulkBody[], times = 1) {
	return nock(CLOUD)
		.post(bulkPath, (body) => {
			bodies.push(body);
			return true;
		})
		.times(times)
		.reply(200, (_uri, body) => ({
			result: { succeeded: true, errors: [] },
			users: (body as BulkBody).users.map((user) => userDto({ ...user, type: 0, category: 0, groupIDs: null })),
		}));
}

const emails = (count: number) => Array.from({ length: count }, (_, index) => ({ email: `u${index}@example.com` }));

describe('User → Create Many', () => {
	it('sends all items in batches, one request per batch, and pairs each created user with its item', async () => {
		const bodies: BulkBody[] = [];
		mockTokenEndpoint(['T1']);
		bulkCreate(bodies, 2);

		const { outputs, error } = await runNode({
			parameters: { ...parameters, options: { batchSize: 2 } },
			items: emails(3),
		});

		expect(error).toBeUndefined();
		expect(bodies.map((body) => body.users.map((user) => user.email))).toEqual([
			['u0@example.com', 'u1@example.com'],
			['u2@example.com'],
		]);
		expect(bodies[0]).toEqual({
			users: [
				{ id: expect.stringMatching(GUID), userName: 'u0@example.com', email: 'u0@example.com' },
				{ id: expect.stringMatching(GUID), userName: 'u1@example.com', email: 'u1@example.com' },
			],
			partitionGlobalId: ORG_ID,
		});
		const sentIds = bodies.flatMap((body) => body.users.map((user) => user.id));
		expect(outputs[0].map((item) => [item.json.id, item.json.email, item.pairedItem])).toEqual([
			[sentIds[0], 'u0@example.com', { item: 0 }],
			[sentIds[1], 'u1@example.com', { item: 1 }],
			[sentIds[2], 'u2@example.com', { item: 2 }],
		]);
		expect(outputs[0][0].json).toMatchObject({ created: true, type: 'user', category: 'local', groupIDs: [] });
	});

	it('on Automation Cloud fills email from an email username, answers a bare IdentityResult, and refuses a user without email', async () => {
		const bodies: BulkBody[] = [];
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(bulkPath, (body) => {
				bodies.push(body);
				return true;
			})
			.reply(200, { succeeded: true, errors: [] });

		const { outputs } = await runNode({
			parameters: { resource: 'user', operation: 'createMany', userName: '={{ $json.name }}' },
			items: [{ name: 'a@example.com' }, { name: 'robot-b' }],
			onError: 'continueRegularOutput',
		});

		expect(bodies).toEqual([{ users: [{ id: expect.stringMatching(GUID), userName: 'a@example.com', email: 'a@example.com' }], partitionGlobalId: ORG_ID }]);
		expect(outputs[0][0].json).toMatchObject({ created: true, id: bodies[0].users[0].id, email: 'a@example.com' });
		expect(outputs[0][1].json.error).toBe(`The new user has no email: 'Username' "robot-b" is not an email address and 'Email' is empty [item 1]`);
	});

	it('makes 3 requests for 250 users with the default batch size of 100', async () => {
		const bodies: BulkBody[] = [];
		mockTokenEndpoint(['T1']);
		bulkCreate(bodies, 3);

		const { outputs } = await runNode({ parameters, items: emails(250) });

		expect(bodies.map((body) => body.users.length)).toEqual([100, 100, 50]);
		expect(outputs[0]).toHaveLength(250);
		expect(outputs[0][249].pairedItem).toEqual({ item: 249 });
	});

	it('groups users by their groups, since BulkCreate takes one group list per request', async () => {
		const bodies: BulkBody[] = [];
		mockTokenEndpoint(['T1']);
		bulkCreate(bodies, 2);

		const { outputs } = await runNode({
			parameters,
			items: [
				{ email: 'a@example.com', groups: [GROUP_A, GROUP_B] },
				{ email: 'b@example.com', groups: [] },
				{ email: 'c@example.com', groups: `${GROUP_B},${GROUP_A}` },
			],
		});

		expect(bodies.map((body) => [body.groupIDs, body.users.map((user) => user.email)])).toEqual([
			[[GROUP_A, GROUP_B], ['a@example.com', 'c@example.com']],
			[undefined, ['b@example.com']],
		]);
		expect(outputs[0].map((item) => [item.json.email, item.pairedItem])).toEqual([
			['a@example.com', { item: 0 }],
			['b@example.com', { item: 1 }],
			['c@example.com', { item: 2 }],
		]);
	});

	it('fails every item of a batch UiPath refused with HTTP 200, and keeps the other batches', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(bulkPath)
			.reply(200, {
				result: {
					succeeded: false,
					errors: [{ code: 'DuplicateEmail', description: "Email 'u1@example.com' is already taken." }],
				},
				users: [],
			});
		bulkCreate([], 1);

		const { outputs } = await runNode({
			parameters: { ...parameters, options: { batchSize: 2 } },
			items: emails(3),
			onError: 'continueRegularOutput',
		});

		const reason = "UiPath did not create the users: DuplicateEmail: Email 'u1@example.com' is already taken.";
		expect(outputs[0].map((item) => item.json.error ?? item.json.email)).toEqual([
			`${reason} [item 0]`,
			`${reason} [item 1]`,
			'u2@example.com',
		]);
		expect(outputs[0][1].json.details).toMatch(/whole request of 2 items/);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('maps an HTTP 400 envelope to every item of the batch', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(bulkPath)
			.reply(400, {
				result: { succeeded: false, errors: [{ code: 'InvalidUserName', description: "Username '' is invalid." }] },
				users: [],
			});

		const { outputs } = await runNode({ parameters, items: emails(2), onError: 'continueRegularOutput' });

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			"UiPath rejected the request: InvalidUserName: Username '' is invalid. [item 0]",
			"UiPath rejected the request: InvalidUserName: Username '' is invalid. [item 1]",
		]);
	});

	it('stops at the first failed batch without continue-on-fail, sending nothing after it', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(bulkPath).reply(403);

		const { error } = await runNode({ parameters: { ...parameters, options: { batchSize: 1 } }, items: emails(3) });

		expect(error?.message).toBe(
			'UiPath refused access (HTTP 403): the token lacks the PM.User scope or the external application lacks permission [item 0]',
		);
	});

	it('reports a bad item before sending anything', async () => {
		const { error } = await runNode({ parameters, items: [...emails(2), { email: ' ' }] });

		expect(error?.message).toBe('Username is empty [item 2]');
	});
});
