import nock from 'nock';

import { CLOUD, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { ROBOT_2, ROBOT_ID, robotPath } from './data';

const parameters = { resource: 'robotAccount', operation: 'delete', robotAccountId: '={{ $json.id }}' };

describe('Robot Account → Delete', () => {
	it('deletes within the organization and answers {deleted: true, id}', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(robotPath(ROBOT_ID)).reply(204).delete(robotPath(ROBOT_2)).reply(204);

		const { outputs, error } = await runNode({ parameters, items: [{ id: ROBOT_ID }, { id: ROBOT_2 }] });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{ json: { deleted: true, id: ROBOT_ID }, pairedItem: { item: 0 } },
			{ json: { deleted: true, id: ROBOT_2 }, pairedItem: { item: 1 } },
		]);
	});

	it('fails on a missing account by default', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(robotPath(ROBOT_ID)).reply(404);

		const { error } = await runNode({ parameters, items: [{ id: ROBOT_ID }] });

		expect(error?.message).toBe(`Robot account "${ROBOT_ID}" was not found [item 0]`);
	});

	it('succeeds with alreadyDeleted when Succeed If Already Deleted is on', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(robotPath(ROBOT_ID)).reply(404).delete(robotPath(ROBOT_2)).reply(204);

		const { outputs } = await runNode({
			parameters: { ...parameters, options: { succeedIfAlreadyDeleted: true } },
			items: [{ id: ROBOT_ID }, { id: ROBOT_2 }],
		});

		expect(outputs[0].map((item) => item.json)).toEqual([
			{ deleted: true, id: ROBOT_ID, alreadyDeleted: true },
			{ deleted: true, id: ROBOT_2, alreadyDeleted: false },
		]);
	});

	it('still fails on 403 with the option on', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).delete(robotPath(ROBOT_ID)).reply(403);

		const { error } = await runNode({
			parameters: { ...parameters, options: { succeedIfAlreadyDeleted: true } },
			items: [{ id: ROBOT_ID }],
		});

		expect(error?.message).toMatch(/lacks the PM\.RobotAccount scope/);
	});

	it('rejects an ID that is not a GUID', async () => {
		const { error } = await runNode({ parameters, items: [{ id: 'bot' }] });

		expect(error?.message).toBe(`'Robot Account' is not a valid ID: "bot" [item 0]`);
	});
});
