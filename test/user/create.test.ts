import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, STANDALONE, STANDALONE_API, STANDALONE_CREDENTIALS, STANDALONE_TOKEN_PATH, everythingShown, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, GUID, succeeded } from './data';

const parameters = {
	resource: 'user',
	operation: 'create',
	userName: '={{ $json.email }}',
	additionalFields: {
		email: '={{ $json.email }}',
		firstName: 'Jane',
		lastName: 'Doe',
		displayName: 'Jane Doe',
		password: '={{ $json.password }}',
		groupIds: [GROUP_A, GROUP_B],
	},
};

/** Records each body sent to POST /api/User. */
function captureCreates(bodies: Array<Record<string, unknown>>, reply: object = succeeded, status = 200) {
	return nock(CLOUD)
		.post(`${CLOUD_API}/User`, (body) => {
			bodies.push(body);
			return true;
		})
		.reply(status, reply);
}

describe('User → Create', () => {
	it('creates a user with a client-generated ID, password policy check and groups', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		mockTokenEndpoint(['T1']);
		captureCreates(bodies);

		const { outputs, error } = await runNode({
			parameters,
			items: [{ email: 'jane.doe@example.com', password: 'Initial-pass-1' }],
		});

		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{
				id: expect.stringMatching(GUID),
				userName: 'jane.doe@example.com',
				email: 'jane.doe@example.com',
				name: 'Jane',
				surname: 'Doe',
				displayName: 'Jane Doe',
				partitionGlobalId: ORG_ID,
				groupIDs: [GROUP_A, GROUP_B],
				password: 'Initial-pass-1',
				validatePassword: true,
			},
		]);
		expect(outputs[0]).toEqual([
			{
				json: {
					created: true,
					id: bodies[0].id,
					userName: 'jane.doe@example.com',
					email: 'jane.doe@example.com',
					name: 'Jane',
					surname: 'Doe',
					displayName: 'Jane Doe',
					groupIDs: [GROUP_A, GROUP_B],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(everythingShown(outputs)).not.toContain('Initial-pass-1');
	});

	it('on Automation Cloud fills email from a username that is an email address, and a new ID per item', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		mockTokenEndpoint(['T1']);
		captureCreates(bodies);
		captureCreates(bodies);

		const { outputs } = await runNode({
			parameters: { resource: 'user', operation: 'create', userName: '={{ $json.name }}' },
			items: [{ name: 'robot1@example.com' }, { name: 'robot2@example.com' }],
		});

		expect(bodies).toEqual([
			{ id: expect.stringMatching(GUID), userName: 'robot1@example.com', email: 'robot1@example.com', partitionGlobalId: ORG_ID },
			{ id: expect.stringMatching(GUID), userName: 'robot2@example.com', email: 'robot2@example.com', partitionGlobalId: ORG_ID },
		]);
		expect(bodies[0].id).not.toBe(bodies[1].id);
		expect(outputs[0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[bodies[0].id, { item: 0 }],
			[bodies[1].id, { item: 1 }],
		]);
	});

	it('on Automation Cloud refuses a user without any email before sending', async () => {
		const { error } = await runNode({ parameters: { resource: 'user', operation: 'create', userName: 'robot1' } });

		expect(error?.message).toBe(`The new user has no email: 'Username' "robot1" is not an email address and 'Email' is empty [item 0]`);
		expect(error?.description).toMatch(/Automation Cloud users sign in with their email address/);
	});

	it('on standalone sends only the username, filling no email', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		mockTokenEndpoint(['T1'], { base: STANDALONE, path: STANDALONE_TOKEN_PATH });
		nock(STANDALONE)
			.post(`${STANDALONE_API}/User`, (body) => {
				bodies.push(body);
				return true;
			})
			.reply(200, succeeded);

		const { error } = await runNode({
			credentials: STANDALONE_CREDENTIALS,
			parameters: { resource: 'user', operation: 'create', userName: 'robot1' },
		});

		expect(error).toBeUndefined();
		expect(bodies).toEqual([{ id: expect.stringMatching(GUID), userName: 'robot1', partitionGlobalId: ORG_ID }]);
	});

	it('can skip the password policy check', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		mockTokenEndpoint(['T1']);
		captureCreates(bodies);

		await runNode({
			parameters: {
				resource: 'user',
				operation: 'create',
				userName: 'jane@example.com',
				additionalFields: { password: 'x', validatePassword: false, bypassBasicAuthRestriction: true },
			},
		});

		expect(bodies[0]).toMatchObject({ password: 'x', validatePassword: false, bypassBasicAuthRestriction: true });
	});

	it('fails the item with UiPath reasons on succeeded: false (HTTP 200 and 400), without the password', async () => {
		const refusal = {
			succeeded: false,
			errors: [
				{ code: 'DuplicateUserName', description: "Username 'jane.doe@example.com' is already taken." },
				{ code: 'PasswordTooShort', description: "'Pw-1' is too short." },
			],
		};
		mockTokenEndpoint(['T1']);
		captureCreates([], refusal, 200);
		captureCreates([], refusal, 400);

		const { outputs } = await runNode({
			parameters,
			items: [
				{ email: 'jane.doe@example.com', password: 'Pw-1' },
				{ email: 'jane.doe@example.com', password: 'Pw-1' },
			],
			onError: 'continueRegularOutput',
		});

		const expected = (item: number) =>
			`UiPath did not create the user: DuplicateUserName: Username 'jane.doe@example.com' is already taken.; PasswordTooShort: '***' is too short. [item ${item}]`;
		expect(outputs[0].map((item) => item.json.error)).toEqual([expected(0), expected(1)]);
		expect(everythingShown(outputs)).not.toContain('Pw-1');
	});

	it('refuses a group that is not a GUID and an empty username before sending', async () => {
		const { outputs } = await runNode({
			parameters: { ...parameters, additionalFields: { groupIds: '={{ $json.groups }}' } },
			items: [
				{ email: 'a@example.com', groups: `${GROUP_A}, Administrators` },
				{ email: '', groups: '' },
			],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			`'Group Names or IDs' is not a valid ID: "Administrators" [item 0]`,
			`'Username' is empty [item 1]`,
		]);
	});
	describe('when n8n runs the same execution again (queue-mode worker died, Retry On Fail)', () => {
		const duplicate = { succeeded: false, errors: [{ code: 'DuplicateUserName', description: "Username 'jane.doe@example.com' is already taken." }] };

		it('proposes the same ID for the same item of the same execution, and another one otherwise', async () => {
			const bodies: Array<Record<string, unknown>> = [];
			const runs: Array<[string, string]> = [
				['exec-41', 'jane.doe@example.com'],
				['exec-41', 'jane.doe@example.com'],
				['exec-42', 'jane.doe@example.com'],
				['exec-41', 'john.roe@example.com'],
			];
			for (const [executionId, email] of runs) {
				mockTokenEndpoint(['T1']);
				captureCreates(bodies);
				await runNode({ parameters, items: [{ email, password: 'Initial-pass-1' }], executionId });
			}

			const [first, repeat, otherExecution, otherUser] = bodies.map((body) => body.id as string);
			expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(repeat).toBe(first);
			expect(new Set([first, otherExecution, otherUser]).size).toBe(3);
		});

		it('reports the account the first attempt made instead of a duplicate-name failure', async () => {
			const bodies: Array<Record<string, unknown>> = [];
			const item = { email: 'jane.doe@example.com', password: 'Initial-pass-1' };
			mockTokenEndpoint(['T1']);
			captureCreates(bodies);
			await runNode({ parameters, items: [item], executionId: 'exec-77' });
			const id = bodies[0].id as string;

			mockTokenEndpoint(['T2']);
			captureCreates(bodies, duplicate, 400);
			const lookup = nock(CLOUD)
				.get(`${CLOUD_API}/User/${id}`)
				.reply(200, { id, userName: 'jane.doe@example.com', email: 'jane.doe@example.com', type: 0, isActive: true });
			const { outputs, error } = await runNode({ parameters, items: [item], executionId: 'exec-77' });

			expect(error).toBeUndefined();
			expect(bodies.map((body) => body.id)).toEqual([id, id]);
			expect(lookup.isDone()).toBe(true);
			expect(outputs[0]).toEqual([
				{
					json: expect.objectContaining({ created: true, alreadyCreated: true, id, userName: 'jane.doe@example.com', note: expect.stringMatching(/earlier attempt of this execution/) }),
					pairedItem: { item: 0 },
				},
			]);
			expect(everythingShown(outputs)).not.toContain('Initial-pass-1');
		});

		it('still fails when the existing account is someone else (different user name under that ID)', async () => {
			const bodies: Array<Record<string, unknown>> = [];
			mockTokenEndpoint(['T1']);
			captureCreates(bodies, duplicate, 400);
			const lookup = nock(CLOUD)
				.get(new RegExp(`${CLOUD_API}/User/[0-9a-f-]{36}$`))
				.reply(200, (uri) => ({ id: uri.split('/').pop(), userName: 'someone.else@example.com', type: 0 }));
			const { outputs } = await runNode({
				parameters,
				items: [{ email: 'jane.doe@example.com', password: 'Initial-pass-1' }],
				executionId: 'exec-78',
				onError: 'continueRegularOutput',
			});

			expect(lookup.isDone()).toBe(true);
			expect(outputs[0].map((item) => item.json.error)).toEqual([
				"UiPath did not create the user: DuplicateUserName: Username 'jane.doe@example.com' is already taken. [item 0]",
			]);
		});

		it('asks nothing more after a refused create outside a saved execution (random ID)', async () => {
			const bodies: Array<Record<string, unknown>> = [];
			mockTokenEndpoint(['T1']);
			captureCreates(bodies, duplicate, 400);
			const { outputs } = await runNode({
				parameters,
				items: [{ email: 'jane.doe@example.com', password: 'Initial-pass-1' }],
				onError: 'continueRegularOutput',
			});
			expect(bodies).toHaveLength(1);
			expect(outputs[0][0].json.error).toMatch(/^UiPath did not create the user: DuplicateUserName/);
		});
	});
});
