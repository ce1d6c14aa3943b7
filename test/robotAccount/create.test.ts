import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, ROBOT_ID, robotDto } from './data';

const parameters = { resource: 'robotAccount', operation: 'create', name: '={{ $json.name }}' };
const createPath = `${CLOUD_API}/RobotAccount`;

describe('Robot Account → Create', () => {
	it('sends only the organization and the name when nothing else is set', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(createPath, { partitionGlobalId: ORG_ID, name: 'invoice-bot' })
			.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
			.reply(201, robotDto(ROBOT_ID, 'invoice-bot'));

		const { outputs, error } = await runNode({ parameters, items: [{ name: ' invoice-bot ' }] });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([{ json: robotDto(ROBOT_ID, 'invoice-bot'), pairedItem: { item: 0 } }]);
	});

	it('adds display name and groups from the picker (groupIDsToAdd)', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(createPath, {
				partitionGlobalId: ORG_ID,
				name: 'invoice-bot',
				displayName: 'Invoice Bot',
				groupIDsToAdd: [GROUP_A, GROUP_B],
			})
			.reply(201, robotDto(ROBOT_ID, 'invoice-bot', [GROUP_A, GROUP_B]));

		const { outputs, error } = await runNode({
			parameters: { ...parameters, additionalFields: { displayName: 'Invoice Bot', groupIds: [GROUP_A, GROUP_B] } },
			items: [{ name: 'invoice-bot' }],
		});

		expect(error).toBeUndefined();
		expect(outputs[0][0].json.groupIds).toEqual([GROUP_A, GROUP_B]);
	});

	it('accepts group IDs from an expression as text', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(createPath, { partitionGlobalId: ORG_ID, name: 'bot', groupIDsToAdd: [GROUP_A, GROUP_B] })
			.reply(201, robotDto(ROBOT_ID, 'bot'));

		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { groupIds: '={{ $json.groups }}' } },
			items: [{ name: 'bot', groups: `${GROUP_A}, ${GROUP_B}` }],
		});

		expect(error).toBeUndefined();
	});

	it('rejects a group entry that is not a GUID', async () => {
		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { groupIds: '={{ $json.groups }}' } },
			items: [{ name: 'bot', groups: ['Finance'] }],
		});

		expect(error?.message).toBe(`'Group Names or IDs' is not a valid ID: "Finance" [item 0]`);
	});

	it('says what was created when UiPath answers without a body', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(createPath).reply(201);

		const { outputs } = await runNode({ parameters, items: [{ name: 'bot' }] });

		expect(outputs[0]).toEqual([{ json: { created: true, name: 'bot' }, pairedItem: { item: 0 } }]);
	});

	it('shows the duplicate-name refusal and names PM.RobotAccount on 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(createPath)
			.reply(400, { errors: { name: ["A robot account named 'bot' already exists."] } })
			.post(createPath)
			.reply(403, {
				errorMessage: "Scope(s) 'PM.User' is(are) invalid. Expect to have 'PM.RobotAccount' or 'PM.RobotAccount.Write'. ",
			});

		const { outputs } = await runNode({
			parameters,
			items: [{ name: 'bot' }, { name: 'other' }],
			onError: 'continueRegularOutput',
		});

		expect(outputs[0].map((item) => item.json.error)).toEqual([
			"UiPath rejected the request: name: A robot account named 'bot' already exists. [item 0]",
			"Scope(s) 'PM.User' is(are) invalid. Expect to have 'PM.RobotAccount' or 'PM.RobotAccount.Write'.  [item 1]",
		]);
		expect(outputs[0][1].json.details).toMatch(/^Grant PM\.RobotAccount/);
	});

	it('rejects an empty name', async () => {
		const { error } = await runNode({ parameters, items: [{ name: '' }] });

		expect(error?.message).toBe(`'Name' is empty [item 0]`);
	});
});
