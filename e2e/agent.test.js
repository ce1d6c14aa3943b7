'use strict';

// End-to-end: the packed package as an AI agent's tool in real n8n 1.x and 2.x. n8n's own AI
// Agent node and OpenAI Chat Model run against a scripted OpenAI-compatible server on 127.0.0.1
// (e2e/lib/openai-script.js: no network, no real model) and the UiPath Identity simulator. The
// script plays the model: it calls the UiPath Identity tools with arguments n8n turns into the
// tools' $fromAI() parameters, reads what the tools answered, and finishes with a text answer.
// Run with `npm run test:e2e:agent` (E2E_MAJORS=1,2 as for the main suite; E2E_AGENT_DEBUG=/tmp/x
// writes what the model received per workflow to /tmp/x-<major>-<workflow>.json).

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSimulator } = require('../simulator');
const { DEMO_IDS } = require('../simulator/seed/demoIds');
const { TARGETS, majorsFromEnv } = require('./lib/install');
const { N8nRest, makeOwner } = require('./lib/rest');
const { loadExamples, demoCredential } = require('./lib/examples');
const fx = require('./lib/fixtures');
const { startScriptedOpenAi, pickTool, lastToolResult } = require('./lib/openai-script');
const { checkContractAfterEach } = require('./lib/contract');
const { startN8nWithSimulator, assertNoLeak } = require('./lib/suite');
const { apiCalls, tokenCalls } = require('./lib/simulatorLog');
const { OPENAI_CREDENTIAL, fromAi, userIdFromAi, toolNode, openAiCredential, agentWorkflow, objectsInAnswer, userInToolAnswer } = require('./lib/agentWorkflows');

const MAJORS = majorsFromEnv('E2E_MAJORS');
const SUITE_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

for (const major of MAJORS) {
	const target = TARGETS[major];
	describe(`AI agent tool in n8n ${target.n8nVersion} (major ${major})`, { timeout: SUITE_TIMEOUT }, () => {
		let sim;
		let n8n;
		let secrets;
		let creds;
		const timings = {};

		before(async () => {
			const started = Date.now();
			({ secrets, sim, n8n, creds } = await startN8nWithSimulator(major, { maxLifetimeMs: SUITE_TIMEOUT }));
			timings.setupSeconds = (Date.now() - started) / 1000;
		});

		// Every request the tools sent and every answer of the simulator kept the contract.
		checkContractAfterEach(() => [sim]);

		after(async () => {
			if (n8n) await n8n.cleanup();
			if (sim) await sim.stop();
			process.stdout.write(`[e2e-agent] n8n ${target.n8nVersion}: ${JSON.stringify(timings)}\n`);
		});

		/** Imports the workflow with a credential pointing at `model`, runs it with `n8n execute`. */
		async function runAgent(model, workflow) {
			await n8n.importCredentials([creds.cloud, openAiCredential(OPENAI_CREDENTIAL, model)]);
			await n8n.importWorkflows([workflow]);
			const since = sim.lastSeq();
			const started = Date.now();
			// Community packages as tools: needed before n8n 1.85, harmless after (README "Use with AI agents").
			const result = await n8n.execute(workflow.id, { env: { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' } });
			const seconds = (Date.now() - started) / 1000;
			const output = `${result.stdout}\n${result.stderr}`;
			assertNoLeak(output, secrets);
			const requests = model.requests();
			if (process.env.E2E_AGENT_DEBUG) require('node:fs').writeFileSync(`${process.env.E2E_AGENT_DEBUG}-${major}-${workflow.id}.json`, JSON.stringify(requests, null, 2));
			const failed = requests.find((entry) => entry.error);
			const context = () => `n8n execute exited ${result.code}; model turns ${model.turns()}${failed ? `; script: ${failed.error}` : ''}\n${n8n.mask(output).slice(-4000)}`;
			assert.equal(result.code, 0, context());
			assert.ok(result.run, context());
			return { run: result.run, requests, log: sim.log(since), seconds, context };
		}

		it('finds a user by email and deactivates them through two tool calls', { timeout: TEST_TIMEOUT }, async () => {
			const email = fx.makeSeed(secrets).organizations[0].users[6].email;
			const userId = fx.userId(7);
			const model = await startScriptedOpenAi([
				// Turn 1: the agent offers both tools; the model searches by email.
				({ tools }) => ({ toolCalls: [{ name: pickTool(tools, /^Find_users$/).name, arguments: { email } }] }),
				// Turn 2: the model reads the ID from the search answer and deactivates that user.
				({ tools, messages }) => ({ toolCalls: [{ name: pickTool(tools, /^Deactivate_user$/).name, arguments: { userId: userInToolAnswer(lastToolResult(messages), email).id } }] }),
				// Turn 3: the final answer.
				({ messages }) => ({ content: `Done: ${email} is deactivated. ${lastToolResult(messages).content}` }),
			]);
			try {
				const workflow = agentWorkflow({
					id: 'e2eAgentOffboard',
					name: 'e2e agent offboarding',
					prompt: `Find the user with email ${email} and deactivate them.`,
					tools: [
						toolNode('Find users', [500, 520], {
							resource: 'user',
							operation: 'getAll',
							returnAll: false,
							limit: 5,
							filters: { searchTerm: fromAi('email', 'The email address of the user to find') },
						}, creds.cloud),
						toolNode('Deactivate user', [700, 520], {
							resource: 'user',
							operation: 'deactivate',
							userId: userIdFromAi('The ID of the user to deactivate, from Find users'),
							options: {},
						}, creds.cloud),
					],
				});
				const { run, requests, log, seconds, context } = await runAgent(model, workflow);
				timings.offboardingSeconds = seconds;

				// The model was asked three times, always with both tools, under the scripted key.
				assert.equal(requests.length, 3, context());
				for (const request of requests) {
					assert.equal(request.api, 'chat');
					assert.ok(request.authorized, 'the credential API key reached the model server');
					assert.deepEqual(request.tools.map((tool) => tool.name).sort(), ['Deactivate_user', 'Find_users']);
				}
				// What the agent reads about each tool: the node's own description of the operation.
				const { TOOL_DESCRIPTIONS } = require('../dist/nodes/UiPathIdentity/shared/tool.js');
				const findTool = requests[0].tools.find((tool) => tool.name === 'Find_users');
				assert.equal(findTool.description, TOOL_DESCRIPTIONS.user.getAll);
				assert.equal(requests[0].tools.find((tool) => tool.name === 'Deactivate_user').description, TOOL_DESCRIPTIONS.user.deactivate);
				assert.deepEqual(Object.keys(findTool.parameters.properties || {}), ['email'], 'the $fromAI key is the tool argument');
				assert.equal(requests[0].messages.at(-1).role, 'user');
				assert.match(requests[0].messages.at(-1).content, new RegExp(email.replace(/\./g, '\\.')));

				// UiPath saw exactly: one token, the search with the model's email, the deactivation.
				const api = apiCalls(log);
				assert.equal(tokenCalls(log).length, 1, 'one token for the whole run');
				assert.deepEqual(
					api.map((entry) => [entry.method, entry.path, entry.status]),
					[
						['GET', `${fx.DEPLOYMENTS.cloud.apiBase}/api/User/users/${fx.ORG_ID}`, 200],
						['PUT', `${fx.DEPLOYMENTS.cloud.apiBase}/api/User/${userId}`, 200],
					],
					JSON.stringify(api.map((entry) => [entry.method, entry.path, entry.query, entry.status])),
				);
				assert.equal(api[0].query.searchTerm, email);
				assert.equal(api[1].body.isActive, false);
				const state = sim.snapshot().organizations[0].users.find((user) => user.id === userId);
				assert.equal(state.isActive, false, 'the user is inactive in UiPath');

				// What each tool answered reached the model in the next request.
				const searchAnswer = lastToolResult(requests[1].messages);
				assert.ok(searchAnswer, 'the second request carries the search answer');
				assert.equal(searchAnswer.toolCallId, requests[0].reply.toolCalls[0].id);
				const found = objectsInAnswer(searchAnswer.content).filter((entry) => entry.email === email);
				assert.equal(found.length, 1, searchAnswer.content);
				assert.equal(found[0].id, userId);
				const deactivateAnswer = lastToolResult(requests[2].messages);
				assert.equal(deactivateAnswer.toolCallId, requests[1].reply.toolCalls[0].id);
				assert.ok(objectsInAnswer(deactivateAnswer.content).some((entry) => entry.id === userId && entry.isActive === false), deactivateAnswer.content);

				// The agent's output is the model's final answer.
				const output = fx.nodeItems(run, 'AI Agent');
				assert.equal(output.length, 1);
				assert.match(output[0].json.output, /^Done: .* is deactivated\./);
			} finally {
				await model.stop();
			}
		});

		it('refuses model-chosen passwords and bulk deletes with an answer the model reads (Responses API)', { timeout: TEST_TIMEOUT }, async () => {
			const userId = fx.userId(9);
			const modelPassword = 'Model-Chosen-Pass-9!';
			const toolErrors = [];
			const model = await startScriptedOpenAi([
				({ tools }) => ({ toolCalls: [{ name: pickTool(tools, /^Reset_password$/).name, arguments: { userId, password: modelPassword } }] }),
				({ tools, messages }) => {
					toolErrors.push(lastToolResult(messages).content);
					return { toolCalls: [{ name: pickTool(tools, /^Delete_many_users$/).name, arguments: { userId } }] };
				},
				({ messages }) => {
					toolErrors.push(lastToolResult(messages).content);
					return { content: 'I cannot do that with the tools I have.' };
				},
			]);
			try {
				const workflow = agentWorkflow({
					id: 'e2eAgentRefusals',
					name: 'e2e agent refusals',
					prompt: `Reset the password of user ${userId} to ${modelPassword}, then delete that user.`,
					responsesApi: true,
					tools: [
						toolNode('Reset password', [500, 520], {
							resource: 'user',
							operation: 'resetPassword',
							userId: userIdFromAi('The ID of the user'),
							password: fromAi('password', 'The new password'),
						}, creds.cloud),
						toolNode('Delete many users', [700, 520], {
							resource: 'user',
							operation: 'deleteMany',
							userId: userIdFromAi('The ID of the user'),
							options: {},
						}, creds.cloud),
					],
				});
				const { run, requests, log, seconds, context } = await runAgent(model, workflow);
				timings.refusalsSeconds = seconds;
				assert.equal(requests.length, 3, context());
				assert.ok(requests.every((request) => request.api === 'responses'), 'the chat model used the Responses API');
				assert.equal(toolErrors.length, 2);
				assert.match(toolErrors[0], /does not run as an AI agent tool while 'New Password' comes from the model/, toolErrors[0]);
				assert.match(toolErrors[1], /Delete Many does not run as an AI agent tool/, toolErrors[1]);
				for (const answer of toolErrors) assert.ok(objectsInAnswer(answer).some((entry) => entry.refused === true), answer);
				assert.ok(!toolErrors.join('').includes(modelPassword), 'the refusal does not echo the password');
				// The editor does not offer Delete Many on the tool; a hand-written workflow still can, and the model reads that it is not available.
				assert.equal(requests[0].tools.find((tool) => tool.name === 'Delete_many_users').description, 'Not available to AI agents.');
				assert.deepEqual(apiCalls(log), [], 'nothing was sent to UiPath');
				assert.ok(sim.verifyPassword(userId, fx.oldPassword(9)), 'the password is unchanged');
				assert.ok(sim.snapshot().organizations[0].users.some((user) => user.id === userId), 'the user still exists');
				assert.equal(fx.nodeItems(run, 'AI Agent')[0].json.output, 'I cannot do that with the tools I have.');
			} finally {
				await model.stop();
			}
		});

		describe('running server: the example workflow examples/ai-agent-offboarding.json over its chat webhook', { timeout: SUITE_TIMEOUT }, () => {
			const example = loadExamples().find((workflow) => workflow.id === 'uipathExAgent0001');
			const email = 'dave.miller@acme.example';
			const daveId = DEMO_IDS.DAVE;
			let demoSim;
			let model;
			let server;

			before(async () => {
				assert.ok(example, 'examples/ai-agent-offboarding.json is missing');
				demoSim = await startSimulator({ maxLifetimeMs: SUITE_TIMEOUT });
				const userIdFrom = (messages) => userInToolAnswer(lastToolResult(messages), email).id;
				model = await startScriptedOpenAi([
					({ tools, messages }) => {
						if (!messages.some((message) => message.role === 'system' && /offboard/i.test(message.content))) throw new Error('the system message of the example is missing');
						return { toolCalls: [{ name: pickTool(tools, /^Find_users$/).name, arguments: { searchTerm: email } }] };
					},
					({ tools, messages }) => ({ toolCalls: [{ name: pickTool(tools, /^Deactivate_user$/).name, arguments: { userId: userIdFrom(messages) } }] }),
					({ tools, messages }) => ({ toolCalls: [{ name: pickTool(tools, /^Remove_user_from_all_groups$/).name, arguments: { userId: userIdFrom(messages.slice(0, -2)) } }] }),
					() => ({ content: `${email} is deactivated and removed from all groups.` }),
				]);
				const openAi = example.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi').credentials.openAiApi;
				await n8n.importCredentials([demoCredential(demoSim.url), openAiCredential(openAi, model)]);
				await n8n.importWorkflows([example]);
				const started = Date.now();
				server = await n8n.start({ env: { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' } });
				const rest = new N8nRest(server.url);
				await rest.setupOwner(makeOwner());
				await rest.activateWorkflow(example.id);
				timings.serverStartSeconds = (Date.now() - started) / 1000;
			});

			checkContractAfterEach(() => [demoSim]);

			after(async () => {
				if (server) await server.stop();
				if (model) await model.stop();
				if (demoSim) await demoSim.stop();
			});

			it('a chat message offboards the user: search, deactivate, remove from all groups', { timeout: TEST_TIMEOUT }, async () => {
				const trigger = example.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger');
				const since = demoSim.lastSeq();
				const started = Date.now();
				const response = await fetch(`${server.url}/webhook/${trigger.webhookId}/chat`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-session-1', chatInput: `Please offboard ${email}, they left on Friday.` }),
					signal: AbortSignal.timeout(180000),
				});
				const text = await response.text();
				timings.chatSeconds = (Date.now() - started) / 1000;
				const failed = model.requests().find((entry) => entry.error);
				assert.equal(response.status, 200, `${text.slice(0, 1000)}${failed ? `\nscript: ${failed.error}` : ''}\n${n8n.mask(server.output()).slice(-3000)}`);
				assert.equal(JSON.parse(text).output, `${email} is deactivated and removed from all groups.`);
				assert.equal(model.requests().length, 4);
				assert.match(model.requests()[0].messages.at(-1).content, /offboard dave\.miller@acme\.example/);

				const api = apiCalls(demoSim.log(since));
				const base = `/acme/identity_/api/User`;
				assert.deepEqual(
					api.map((entry) => [entry.method, entry.path.replace(/users\/[0-9a-f-]+$/, 'users/{org}')]),
					[
						['GET', `${base}/users/{org}`],
						['GET', `${base}/${daveId}`],
						['PUT', `${base}/${daveId}`],
						['GET', `${base}/${daveId}`],
						['PUT', `${base}/${daveId}`],
					],
					JSON.stringify(api.map((entry) => [entry.method, entry.path, entry.status])),
				);
				const dave = demoSim.snapshot().organizations.find((org) => org.users.some((user) => user.id === daveId)).users.find((user) => user.id === daveId);
				assert.equal(dave.isActive, false);
				assert.deepEqual(dave.groupIDs, []);
			});
		});
	});
}
