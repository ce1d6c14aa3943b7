import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, ROBOT_ID, robotDto, robotPath } from './data';

const parameters = { resource: 'robotAccount', operation: 'get', robotAccountId: '={{ $json.id }}' };

describe('Robot Account → Get', () => {
	it('gets the account within the organization', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(robotPath(ROBOT_ID)).reply(200, robotDto(ROBOT_ID, 'bot', [GROUP_A]));

		const { outputs, error } = await runNode({ parameters, items: [{ id: ` ${ROBOT_ID} ` }] });

		expect(error).toBeUndefined();
		const { id, name, displayName, groupIds, lastLoginTime } = robotDto(ROBOT_ID, 'bot', [GROUP_A]);
		expect(outputs[0]).toEqual([{ json: { id, name, displayName, groupIds, lastLoginTime }, pairedItem: { item: 0 } }]);
	});

	it('returns every field with Output → Raw', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(robotPath(ROBOT_ID)).reply(200, robotDto(ROBOT_ID, 'bot', [GROUP_A]));

		const { outputs } = await runNode({ parameters: { ...parameters, output: 'raw' }, items: [{ id: ROBOT_ID }] });

		expect(outputs[0][0].json).toEqual(robotDto(ROBOT_ID, 'bot', [GROUP_A]));
	});

	it('rejects an ID that is not a GUID before calling UiPath', async () => {
		const { error } = await runNode({ parameters, items: [{ id: 'invoice-bot' }] });

		expect(error?.message).toBe(`'Robot Account' is not a valid ID: "invoice-bot" [item 0]`);
		expect(error?.description).toMatch(/Check the value mapped into 'Robot Account'/);
	});

	it('rejects an empty ID', async () => {
		const { error } = await runNode({ parameters, items: [{}] });

		expect(error?.message).toBe("'Robot Account' is empty [item 0]");
	});

	it('says which account was not found', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(robotPath(ROBOT_ID)).reply(404);

		const { error } = await runNode({ parameters, items: [{ id: ROBOT_ID }] });

		expect(error?.message).toBe(`Robot account "${ROBOT_ID}" was not found [item 0]`);
	});

	it('names PM.RobotAccount on 403', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).get(robotPath(ROBOT_ID)).reply(403);

		const { error } = await runNode({ parameters, items: [{ id: ROBOT_ID }] });

		expect(error?.message).toMatch(/lacks the PM\.RobotAccount scope/);
	});
});
