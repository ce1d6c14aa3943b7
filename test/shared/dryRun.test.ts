import nock from 'nock';

import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { CLOUD, CLOUD_API, ORG_ID, USER_ID, everythingShown, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { GROUP_ID, groupPath } from '../group/data';
import { ROBOT_ID } from '../robotAccount/data';
import { GROUP_A, GROUP_B, GUID, USER_2, byEmail, byId, idFromItem, userDto, userPath, usersListPath } from '../user/data';

/**
 * Dry Run on every operation that changes something: the output lists what would have been sent
 * (method, path as the node builds it, body with secrets redacted) and nothing is sent. Net connect
 * is disabled and only the reads are mocked, so a change request that slipped through fails the test.
 */
const ORG = '{organizationId}';
const api = (path: string) => `/api/${path}`;
const dry = (requests: unknown[]) => ({ dryRun: true, requests });

describe('Dry Run', () => {
	it('is offered on every operation that changes something, and only there', () => {
		const properties = new UiPathIdentity().description.properties.filter((property) => property.name === 'dryRun');
		const shown = properties.flatMap((property) => (property.displayOptions?.show?.operation ?? []) as string[]).sort();
		expect(shown).toEqual(
			[
				'activate',
				'addToGroups',
				'changePassword',
				'create',
				'createMany',
				'deactivate',
				'delete',
				'deleteMany',
				'invite',
				'removeFromGroups',
				'resetPassword',
				'sync',
				'update',
			].sort(),
		);
		expect(properties.find((property) => property.displayOptions?.show?.operation?.includes('sync'))?.default).toBe(true);
		expect(properties.filter((property) => !property.displayOptions?.show?.operation?.includes('sync')).map((property) => property.default)).toEqual([false]);
	});

	describe('per-item operations', () => {
		it('User → Activate: the PUT it would send, for each item', async () => {
			const { outputs, error } = await runNode({
				parameters: { resource: 'user', operation: 'activate', userId: idFromItem, dryRun: true },
				items: [{ user: USER_ID }, { user: USER_2 }],
			});
			expect(error).toBeUndefined();
			expect(outputs[0]).toEqual([
				{ json: dry([{ method: 'PUT', path: api(`User/${USER_ID}`), body: { isActive: true } }]), pairedItem: { item: 0 } },
				{ json: dry([{ method: 'PUT', path: api(`User/${USER_2}`), body: { isActive: true } }]), pairedItem: { item: 1 } },
			]);
		});

		it('User → Deactivate with Succeed If Already Inactive still reads the user, and sends nothing when inactive', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(userPath(USER_ID)).reply(200, userDto({ isActive: true })).get(userPath(USER_2)).reply(200, userDto({ id: USER_2, isActive: false }));
			const { outputs } = await runNode({
				parameters: { resource: 'user', operation: 'deactivate', userId: idFromItem, options: { succeedIfAlreadyInactive: true }, dryRun: true },
				items: [{ user: USER_ID }, { user: USER_2 }],
			});
			expect(outputs[0].map((item) => item.json)).toEqual([
				dry([{ method: 'PUT', path: api(`User/${USER_ID}`), body: { isActive: false } }]),
				dry([]),
			]);
		});

		it('User → Reset Password and Change Password never show the passwords', async () => {
			const reset = await runNode({
				parameters: { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: '={{ $json.pw }}', dryRun: true },
				items: [{ pw: 'Secret-Pass-1!' }],
			});
			expect(reset.outputs[0][0].json).toEqual(dry([{ method: 'PUT', path: api(`User/${USER_ID}`), body: { password: '[redacted]' } }]));
			const change = await runNode({
				parameters: {
					resource: 'user',
					operation: 'changePassword',
					userId: '={{ $json.id }}',
					oldPassword: '={{ $json.old }}',
					newPassword: '={{ $json.new }}',
					dryRun: true,
				},
				items: [{ id: USER_ID, old: 'Old-Pass-1!', new: 'New-Pass-1!' }],
			});
			expect(change.outputs[0][0].json).toEqual(
				dry([{ method: 'POST', path: api(`User/${USER_ID}/changepassword`), body: { oldPassword: '[redacted]', newPassword: '[redacted]' } }]),
			);
			const shown = everythingShown([reset, change].map((run) => run.outputs));
			for (const secret of ['Secret-Pass-1!', 'Old-Pass-1!', 'New-Pass-1!']) expect(shown).not.toContain(secret);
		});

		it('User → Create shows the new user with its chosen ID and no password', async () => {
			const { outputs } = await runNode({
				parameters: {
					resource: 'user',
					operation: 'create',
					userName: 'jane@example.com',
					additionalFields: { email: 'jane@example.com', password: 'Initial-Pass-1!', groupIds: [GROUP_A] },
					dryRun: true,
				},
			});
			const [request] = (outputs[0][0].json.requests as Array<{ body: Record<string, unknown> }>);
			expect(request).toMatchObject({ method: 'POST', path: api('User') });
			expect(request.body).toMatchObject({ id: expect.stringMatching(GUID), userName: 'jane@example.com', password: '[redacted]', groupIDs: [GROUP_A] });
			expect(everythingShown(outputs)).not.toContain('Initial-Pass-1!');
		});

		it('User → Delete by email still looks the user up, then shows the DELETE', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(usersListPath).query(true).reply(200, { totalCount: 1, results: [userDto()] });
			const { outputs } = await runNode({ parameters: { resource: 'user', operation: 'delete', userId: byEmail('jane.doe@example.com'), dryRun: true } });
			expect(outputs[0][0].json).toEqual(dry([{ method: 'DELETE', path: api(`User/${USER_ID}`) }]));
		});

		it('User → Update, Add to Groups and Remove From Groups', async () => {
			const update = await runNode({
				parameters: { resource: 'user', operation: 'update', userId: byId(USER_ID), updateFields: { lastName: 'Smith' }, dryRun: true },
			});
			expect(update.outputs[0][0].json).toEqual(dry([{ method: 'PUT', path: api(`User/${USER_ID}`), body: { surname: 'Smith' } }]));
			const add = await runNode({
				parameters: { resource: 'user', operation: 'addToGroups', userId: byId(USER_ID), groupIds: [GROUP_B], dryRun: true },
			});
			expect(add.outputs[0][0].json).toEqual(dry([{ method: 'PUT', path: api(`User/${USER_ID}`), body: { groupIDsToAdd: [GROUP_B] } }]));
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(userPath(USER_ID)).reply(200, userDto({ groupIDs: [GROUP_A, GROUP_B] }));
			const remove = await runNode({
				parameters: { resource: 'user', operation: 'removeFromGroups', userId: byId(USER_ID), removeFrom: 'allGroups', dryRun: true },
			});
			expect(remove.outputs[0][0].json).toEqual(
				dry([{ method: 'PUT', path: api(`User/${USER_ID}`), body: { groupIDsToRemove: [GROUP_A, GROUP_B] } }]),
			);
		});

		it('User → Invite still reads the organization from the token, and shows the invitation', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(usersListPath).query({ top: 1 }).reply(200, { totalCount: 0, results: [] });
			const { outputs, error } = await runNode({
				parameters: { resource: 'user', operation: 'invite', email: 'max@example.com', dryRun: true },
			});
			expect(error).toBeUndefined();
			expect(outputs[0][0].json).toEqual(
				dry([
					{
						method: 'POST',
						path: api('User/InviteUsers'),
						body: [{ email: 'max@example.com', language: 'en', redirectUrl: expect.stringContaining(`organizationId=${ORG_ID}`) }],
					},
				]),
			);
		});

		it('Group → Create, Update and Delete', async () => {
			const create = await runNode({ parameters: { resource: 'group', operation: 'create', name: 'Robots', dryRun: true } });
			expect(create.outputs[0][0].json).toEqual(
				dry([{ method: 'POST', path: api('Group'), body: { id: expect.stringMatching(GUID), partitionGlobalId: ORG, name: 'Robots' } }]),
			);
			const update = await runNode({
				parameters: { resource: 'group', operation: 'update', groupId: byId(GROUP_ID), updateFields: { name: 'Bots' }, dryRun: true },
			});
			expect(update.outputs[0][0].json).toEqual(dry([{ method: 'PUT', path: api(`Group/${GROUP_ID}`), body: { partitionGlobalId: ORG, name: 'Bots' } }]));
			const remove = await runNode({ parameters: { resource: 'group', operation: 'delete', groupId: byId(GROUP_ID), dryRun: true } });
			expect(remove.outputs[0][0].json).toEqual(dry([{ method: 'DELETE', path: api(`Group/${ORG}/${GROUP_ID}`) }]));
		});

		it('Robot Account → Create, Update and Delete', async () => {
			const create = await runNode({ parameters: { resource: 'robotAccount', operation: 'create', name: 'bot', dryRun: true } });
			expect(create.outputs[0][0].json).toEqual(dry([{ method: 'POST', path: api('RobotAccount'), body: expect.objectContaining({ name: 'bot' }) }]));
			const update = await runNode({
				parameters: { resource: 'robotAccount', operation: 'update', robotAccountId: ROBOT_ID, updateFields: { displayName: 'Bot' }, dryRun: true },
			});
			expect(update.outputs[0][0].json).toEqual(
				dry([{ method: 'PUT', path: api(`RobotAccount/${ROBOT_ID}`), body: expect.objectContaining({ displayName: 'Bot' }) }]),
			);
			const remove = await runNode({ parameters: { resource: 'robotAccount', operation: 'delete', robotAccountId: ROBOT_ID, dryRun: true } });
			expect(remove.outputs[0][0].json).toEqual(dry([{ method: 'DELETE', path: api(`RobotAccount/${ORG}/${ROBOT_ID}`) }]));
		});

		it('Setting → Update', async () => {
			const { outputs } = await runNode({
				parameters: { resource: 'setting', operation: 'update', settings: { setting: [{ key: 'Email.Smtp.Domain', value: 'acme.example' }] }, dryRun: true },
			});
			expect(outputs[0][0].json).toEqual(
				dry([
					{
						method: 'PUT',
						path: api('Setting'),
						body: { partitionGlobalId: ORG, settings: [{ key: 'Email.Smtp.Domain', value: 'acme.example' }] },
					},
				]),
			);
		});

		it('a failing read still fails the item, as the real run would', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).get(groupPath(GROUP_ID)).reply(404);
			const { error } = await runNode({
				parameters: { resource: 'group', operation: 'update', groupId: byId(GROUP_ID), updateFields: { membersToAdd: USER_ID }, dryRun: true },
			});
			expect(error?.message).toContain('was not found');
		});
	});

	describe('bulk operations', () => {
		it('Create Many shows each batch once, on its first item; the others point at it', async () => {
			const { outputs, error } = await runNode({
				parameters: { resource: 'user', operation: 'createMany', userName: '={{ $json.email }}', options: { batchSize: 2 }, dryRun: true },
				items: [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }],
			});
			expect(error).toBeUndefined();
			expect(outputs[0].map((item) => item.json)).toEqual([
				dry([
					{
						method: 'POST',
						path: api('User/BulkCreate'),
						body: {
							users: [
								{ id: expect.stringMatching(GUID), userName: 'a@example.com', email: 'a@example.com' },
								{ id: expect.stringMatching(GUID), userName: 'b@example.com', email: 'b@example.com' },
							],
							partitionGlobalId: ORG,
						},
					},
				]),
				dry([{ method: 'POST', path: api('User/BulkCreate'), sentWithItem: 0 }]),
				dry([{ method: 'POST', path: api('User/BulkCreate'), body: { users: [{ id: expect.stringMatching(GUID), userName: 'c@example.com', email: 'c@example.com' }], partitionGlobalId: ORG } }]),
			]);
			expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it('Delete Many shows the one bulk DELETE', async () => {
			const { outputs } = await runNode({
				parameters: { resource: 'user', operation: 'deleteMany', userId: idFromItem, dryRun: true },
				items: [{ user: USER_ID }, { user: USER_2 }],
			});
			expect(outputs[0].map((item) => item.json)).toEqual([
				dry([{ method: 'DELETE', path: api('User'), body: { partitionGlobalId: ORG, userIds: [USER_ID, USER_2] } }]),
				dry([{ method: 'DELETE', path: api('User'), sentWithItem: 0 }]),
			]);
		});
	});

	it('without Dry Run the request is sent (the option is off by default)', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).put(`${CLOUD_API}/User/${USER_ID}`, { isActive: true }).reply(200, { succeeded: true, errors: [] });
		const { outputs } = await runNode({ parameters: { resource: 'user', operation: 'activate', userId: byId(USER_ID) } });
		expect(outputs[0][0].json).toEqual({ id: USER_ID, isActive: true });
	});
});
