import nock from 'nock';
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { TOOL_DESCRIPTIONS } from '../../nodes/UiPathIdentity/shared/tool';
import { CLOUD, CLOUD_API, USER_ID, everythingShown, mockTokenEndpoint } from '../fixtures';
import { runNode, toolVariant } from '../harness/run-workflow';
import { byId, succeeded, userDto, userPath, usersListPath } from '../user/data';

const MODEL_PASSWORD = 'Model-Chosen-Pass-1!';
const AUTHOR_SET = 'Author-pass-2';
const FIXED_OLD = 'Fixed-old-pass-1';

/** A node of the tool variant with these parameters, as n8n builds it for an agent. */
function toolNode(parameters: INodeParameters): INode {
	const type = toolVariant();
	const resolved = NodeHelpers.getNodeParameters(type.description.properties, parameters, true, false, null, type.description);
	return {
		id: 'tool',
		name: 'UiPath tool',
		type: 'n8n-nodes-uipath-identity.uiPathIdentityTool',
		typeVersion: 1,
		position: [0, 0],
		parameters: resolved ?? {},
	};
}

describe('As an AI agent tool', () => {
	describe('what the agent is told', () => {
		it('every operation has its own tool description, and n8n sends it as the tool description', () => {
			const type = toolVariant();
			for (const [resource, operations] of Object.entries(TOOL_DESCRIPTIONS)) {
				for (const [operation, text] of Object.entries(operations as Record<string, string>)) {
					const node = toolNode({ resource, operation });
					// The function n8n itself calls when it turns a node into an agent tool.
					expect(NodeHelpers.getToolDescriptionForNode(node, type)).toBe(text);
				}
			}
			expect(NodeHelpers.getToolDescriptionForNode(toolNode({ resource: 'user', operation: 'getAll' }), type)).toMatch(
				/^Find UiPath users .* Returns one entry per user with id, userName, email/,
			);
		});

		it('the tool description field exists only on the tool variant', () => {
			const node = new UiPathIdentity();
			const regular = NodeHelpers.getNodeParameters(node.description.properties, { resource: 'user', operation: 'get' }, true, false, null, node.description);
			expect(regular).not.toHaveProperty('toolDescription');
		});

		it('Delete Many is not in the operation list of the tool variant', () => {
			const operation = new UiPathIdentity().description.properties.find(
				(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('user'),
			);
			const deleteMany = (operation?.options as INodePropertyOptions[]).find((option) => option.value === 'deleteMany');
			expect(deleteMany?.displayOptions).toEqual({ hide: { '@tool': [true] } });
		});
	});

	describe('passwords a model would choose are refused before anything is sent', () => {
		it.each([
			['$fromAI()', `={{ $fromAI('password', 'The new password', 'string') }}`],
			['$fromAi() spelling', `={{ $fromAi('password') }}`],
			['the tool input ($json)', '={{ $json.password }}'],
			['the tool input ($input)', '={{ $input.item.json.password }}'],
		])('Reset Password with New Password from %s', async (_label, password) => {
			const { outputs, error } = await runNode({
				asTool: true,
				parameters: { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password },
				items: [{ password: MODEL_PASSWORD }],
			});

			expect(error).toBeUndefined();
			expect(outputs[0]).toEqual([
				{
					json: {
						refused: true,
						error: "User → Reset Password does not run as an AI agent tool while 'New Password' comes from the model",
						details: expect.stringMatching(/^A model must not choose or see passwords\. Set 'New Password' in the node yourself/),
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(everythingShown(outputs)).not.toContain(MODEL_PASSWORD);
			// nock has no interceptor and net connect is disabled: any request would fail differently.
			expect(nock.pendingMocks()).toEqual([]);
		});

		it('Reset Password with a password the workflow author set runs as a tool', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).put(userPath(USER_ID), { password: AUTHOR_SET }).reply(200, succeeded);

			const { outputs, error } = await runNode({
				asTool: true,
				parameters: {
					resource: 'user',
					operation: 'resetPassword',
					userId: { __rl: true, mode: 'id', value: "={{ $fromAI('userId') }}" },
					password: "={{ $('Input').item.json.vaultPassword }}",
				},
				items: [{ userId: USER_ID, vaultPassword: AUTHOR_SET }],
			});

			expect(error).toBeUndefined();
			expect(outputs[0]).toEqual([{ json: { id: USER_ID, passwordReset: true }, pairedItem: { item: 0 } }]);
		});

		it.each([
			[
				'names only the field that comes from the model',
				FIXED_OLD,
				"User → Change Password does not run as an AI agent tool while 'New Password' comes from the model",
			],
			[
				'with both passwords from the model names both',
				"={{ $fromAI('oldPassword') }}",
				"User → Change Password does not run as an AI agent tool while 'Current Password' and 'New Password' come from the model",
			],
		])('Change Password %s', async (_title, oldPassword, expected) => {
			const { outputs } = await runNode({
				asTool: true,
				parameters: {
					resource: 'user',
					operation: 'changePassword',
					userId: byId(USER_ID),
					oldPassword,
					newPassword: "={{ $fromAI('newPassword') }}",
				},
			});

			expect(outputs[0][0].json.error).toBe(expected);
		});

		it('Create with a model-chosen password is refused', async () => {
			const { outputs } = await runNode({
				asTool: true,
				parameters: { resource: 'user', operation: 'create', userName: 'jane.doe@example.com', additionalFields: { password: "={{ $fromAI('password') }}" } },
			});
			expect(outputs[0][0].json).toMatchObject({ refused: true, error: "User → Create does not run as an AI agent tool while 'Password' comes from the model" });
		});

		it('the same parameters run normally outside an agent', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).put(userPath(USER_ID), { password: 'Item-pass-1' }).reply(200, succeeded);

			const { outputs, error } = await runNode({
				parameters: { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: '={{ $json.password }}' },
				items: [{ password: 'Item-pass-1' }],
			});

			expect(error).toBeUndefined();
			expect(outputs[0][0].json).toEqual({ id: USER_ID, passwordReset: true });
		});
	});

	describe('bulk deletes', () => {
		it('Delete Many refuses as a tool, whatever its parameters', async () => {
			const { outputs, error } = await runNode({
				asTool: true,
				parameters: { resource: 'user', operation: 'deleteMany', userId: byId(USER_ID) },
				items: [{}, {}],
			});

			expect(error).toBeUndefined();
			expect(outputs[0].map((item) => [item.json.error, item.pairedItem])).toEqual([
				['User → Delete Many does not run as an AI agent tool', { item: 0 }],
				['User → Delete Many does not run as an AI agent tool', { item: 1 }],
			]);
			expect(outputs[0][0].json.details).toMatch(/^Bulk deletes are not handed to a model\. Give the agent User → Delete/);
		});

		it('Delete (one user) still runs as a tool', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD).delete(userPath(USER_ID)).reply(204);

			const { outputs, error } = await runNode({ asTool: true, parameters: { resource: 'user', operation: 'delete', userId: byId(USER_ID) } });

			expect(error).toBeUndefined();
			expect(outputs[0][0].json).toMatchObject({ deleted: true, id: USER_ID });
		});
	});

	describe('compact answers', () => {
		it('Get Many fills its search from the tool arguments and answers simplified users', async () => {
			mockTokenEndpoint(['T1']);
			nock(CLOUD)
				.get(usersListPath)
				.query({ searchTerm: 'jane.doe@example.com', top: 50, skip: 0 })
				.reply(200, { totalCount: 1, results: [userDto()] });

			const { outputs, error } = await runNode({
				asTool: true,
				parameters: { resource: 'user', operation: 'getAll', limit: 50, filters: { searchTerm: "={{ $fromAI('email') }}" } },
				items: [{ email: 'jane.doe@example.com' }],
			});

			expect(error).toBeUndefined();
			expect(Object.keys(outputs[0][0].json).sort()).toEqual(
				['displayName', 'email', 'groupIDs', 'id', 'isActive', 'lastLoginTime', 'name', 'surname', 'type', 'userName'].sort(),
			);
		});

		it('Create answers the simplified user as a tool, the full user otherwise', async () => {
			const parameters = {
				resource: 'user',
				operation: 'create',
				userName: 'jane.doe@example.com',
				additionalFields: { email: 'jane.doe@example.com', bypassBasicAuthRestriction: true },
			};
			for (const asTool of [true, false]) {
				mockTokenEndpoint(['T1']);
				nock(CLOUD).post(`${CLOUD_API}/User`).reply(200, succeeded);
				const { outputs, error } = await runNode({ asTool, parameters });
				expect(error).toBeUndefined();
				expect(outputs[0][0].json).toMatchObject({ created: true, userName: 'jane.doe@example.com', email: 'jane.doe@example.com' });
				if (asTool) expect(outputs[0][0].json).not.toHaveProperty('bypassBasicAuthRestriction');
				else expect(outputs[0][0].json).toHaveProperty('bypassBasicAuthRestriction', true);
			}
		});
	});
});
