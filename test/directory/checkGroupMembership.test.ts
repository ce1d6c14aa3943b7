import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_A, GROUP_B, GROUP_C, byId } from '../user/data';

const membershipPath = `${CLOUD_API}/Directory/GroupMembership/${ORG_ID}`;
const parameters = {
	resource: 'directory',
	operation: 'checkGroupMembership',
	userId: byId(USER_ID),
	groupIds: [GROUP_A, GROUP_B, GROUP_C],
};

describe('Directory → Check Group Membership', () => {
	it('posts the user and groups and tells member from non-member groups', async () => {
		const groupA = {
			objectType: 'DirectoryGroup',
			externalId: null,
			source: 'local',
			identifier: GROUP_A,
			name: 'Automation Developers',
			email: null,
			displayName: 'Automation Developers',
		};
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(membershipPath, { userId: USER_ID, groupIds: [GROUP_A, GROUP_B, GROUP_C] })
			.reply(200, [groupA]);

		const { outputs, error } = await runNode({ parameters });

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([
			{
				json: {
					userId: USER_ID,
					isMemberOfAll: false,
					memberGroupIds: [GROUP_A],
					notMemberGroupIds: [GROUP_B, GROUP_C],
					groups: [groupA],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends the POST again after a 502, since it only reads (the endpoint is marked safe to repeat)', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(membershipPath).reply(502, '').post(membershipPath).reply(200, []);

		const { outputs, error } = await runNode({ parameters: { ...parameters, requestOptions: { retryWait: 1 } } });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ isMemberOfAll: false, memberGroupIds: [] });
		expect(nock.isDone()).toBe(true);
	});

	it('needs at least one group', async () => {
		const { error } = await runNode({ parameters: { ...parameters, groupIds: '={{ $json.groups }}' }, items: [{ groups: [] }] });

		expect(error?.message).toBe(`'Group Names or IDs' is empty [item 0]`);
	});

	it('says on a 403 that the endpoint may be closed to external applications, never recommending PM.Directory', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(membershipPath).reply(403);

		const { error } = await runNode({ parameters });

		expect(error?.message).toMatch(/^UiPath refused POST \/api\/Directory\/GroupMembership\/\{organizationId\} \(HTTP 403\): this endpoint may not be open to external applications on this deployment/);
		expect(error?.description).toMatch(/only in UiPath's internal API definition of 2023/);
		expect(JSON.stringify(error)).not.toContain('PM.Directory');
	});
});
