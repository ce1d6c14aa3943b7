import nock from 'nock';

import { CLOUD, USER_ID, mockTokenEndpoint, offContractReply } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, USER_2, byEmail, byId, idFromItem, userDto, userPath, usersListPath } from './data';

const parameters = { resource: 'user', operation: 'get', userId: byId(USER_ID) };

describe('User → Get', () => {
	it('returns the simplified user with readable type and category', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(userPath(USER_ID)).reply(200, userDto({ type: 1, category: 2 }));

		const { outputs, error } = await runNode({ parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{
				json: {
					id: USER_ID,
					userName: 'jane.doe@example.com',
					email: 'jane.doe@example.com',
					name: 'Jane',
					surname: 'Doe',
					displayName: 'Jane Doe',
					isActive: true,
					type: 'robot',
					category: 'directory',
					groupIDs: [GROUP_A],
					lastLoginTime: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns every field with Simplify off, enums still readable, null groups as []', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(userPath(USER_ID)).reply(200, userDto({ type: 5, category: 1, groupIDs: null, extra: 'kept' }));

		const { outputs } = await runNode({ parameters: { ...parameters, simplify: false } });

		expect(outputs[0][0].json).toEqual({
			...userDto(),
			type: 'application',
			category: 'linkedLocal',
			groupIDs: [],
			extra: 'kept',
		});
	});

	it.each([
		[{ type: 'robot', category: 'directory' }, false],
		[{ type: 'Robot', category: 'DIRECTORY' }, true],
		[{ type: '1', category: '2' }, true],
	])('reads enums sent as %j the same as numbers (off the contract: %s)', async (enums, offContract) => {
		mockTokenEndpoint(['T1']);
		const body = { ...userDto(), ...enums };
		nock(CLOUD).get(userPath(USER_ID)).reply(200, offContract ? offContractReply(body) : body);

		const { outputs } = await runNode({ parameters });

		expect(outputs[0][0].json).toMatchObject({ type: 'robot', category: 'directory' });
	});

	it('keeps an unknown enum number as it came', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(userPath(USER_ID)).reply(200, userDto({ type: 9 }));

		const { outputs } = await runNode({ parameters });

		expect(outputs[0][0].json.type).toBe(9);
	});

	it('finds the user By Email, matching the whole address case-insensitively', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ searchTerm: 'JANE.DOE@example.com', top: 1000 })
			.reply(200, {
				totalCount: 2,
				results: [userDto({ id: USER_2, email: 'mary.jane.doe@example.com' }), userDto()],
			})
			.get(userPath(USER_ID))
			.reply(200, userDto());

		const { outputs, error } = await runNode({
			parameters: { ...parameters, userId: byEmail('JANE.DOE@example.com') },
		});

		expect(error).toBeUndefined();
		expect(outputs[0][0].json.id).toBe(USER_ID);
	});

	it('names the email when no user or several users have it', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.get(usersListPath)
			.query({ searchTerm: 'nobody@example.com', top: 1000 })
			.reply(200, { totalCount: 1, results: [userDto({ email: 'somebody@example.com' })] })
			.get(usersListPath)
			.query({ searchTerm: 'twice@example.com', top: 1000 })
			.reply(200, {
				totalCount: 2,
				results: [userDto({ email: 'twice@example.com' }), userDto({ id: USER_2, email: 'Twice@example.com' })],
			});

		const { outputs } = await runNode({
			parameters: { ...parameters, userId: { __rl: true, mode: 'email', value: '={{ $json.email }}' } },
			items: [{ email: 'nobody@example.com' }, { email: 'twice@example.com' }, { email: 'not-an-address' }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			'No UiPath user has the email "nobody@example.com" [item 0]',
			'2 UiPath users have the email "twice@example.com" [item 1]',
			'User email is not an email address: "not-an-address" [item 2]',
		]);
		expect(outputs[0][1].json.details).toContain(`${USER_ID}, ${USER_2}`);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('reports an unknown user and a bad ID per item', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(userPath(USER_2)).reply(404);

		const { outputs } = await runNode({
			parameters: { ...parameters, userId: idFromItem },
			items: [{ user: USER_2 }, { user: 'jane' }, { user: '' }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			`User "${USER_2}" was not found [item 0]`,
			'User ID is not a GUID: "jane" [item 1]',
			'User ID is empty [item 2]',
		]);
	});
});
