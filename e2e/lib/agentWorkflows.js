'use strict';

// The AI agent end-to-end test's workflows (n8n's AI Agent with its OpenAI Chat Model and this
// package's nodes as tools) and how it reads what a tool answered the model.

const { workflowJson, chain, manualTrigger } = require('./workflows');
const { PACKAGE_NAME } = require('./n8n');

const TOOL_TYPE = `${PACKAGE_NAME}.uiPathIdentityTool`;
const OPENAI_CREDENTIAL = { id: 'e2eCredOpenAi001', name: 'Scripted OpenAI' };

/** A parameter the model fills in: the expression n8n turns into a string argument `key` of the tool. */
function fromAi(key, description) {
	return `={{ $fromAI('${key}', '${description}', 'string') }}`;
}

/** The User resource locator set By ID to what the model passes as `userId`. */
function userIdFromAi(description) {
	return { __rl: true, mode: 'id', value: fromAi('userId', description) };
}

/** A UiPath Identity node as an agent tool, wired to the agent below it. */
function toolNode(name, position, parameters, credential) {
	return {
		id: `tool-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
		name,
		type: TOOL_TYPE,
		typeVersion: 1,
		position,
		parameters,
		credentials: { uiPathIdentityApi: { id: credential.id, name: credential.name } },
	};
}

/** An OpenAI credential `{id, name}` pointing at the scripted model server. */
function openAiCredential({ id, name }, model) {
	return { id, name, type: 'openAiApi', data: { apiKey: model.apiKey, url: model.url, organizationId: '', header: false } };
}

/**
 * Manual Trigger → AI Agent (prompt defined in the node) with n8n's OpenAI Chat Model and the
 * given tool nodes. The chat model uses the Chat Completions API (`responsesApi: false`, node
 * version 1.2) or the Responses API (version 1.3, its default there).
 */
function agentWorkflow({ id, name, prompt, tools, responsesApi = false }) {
	const model = {
		id: 'model-node',
		name: 'OpenAI Chat Model',
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: responsesApi ? 1.3 : 1.2,
		position: [200, 520],
		parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } },
		credentials: { openAiApi: OPENAI_CREDENTIAL },
	};
	if (responsesApi) model.parameters.responsesApiEnabled = true;
	const agent = {
		id: 'agent-node',
		name: 'AI Agent',
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: 3,
		position: [400, 300],
		parameters: { promptType: 'define', text: prompt, options: { maxIterations: 6 } },
	};
	const connections = {
		...chain('Start', agent.name),
		[model.name]: { ai_languageModel: [[{ node: agent.name, type: 'ai_languageModel', index: 0 }]] },
	};
	for (const tool of tools) connections[tool.name] = { ai_tool: [[{ node: agent.name, type: 'ai_tool', index: 0 }]] };
	return workflowJson({ id, name, nodes: [manualTrigger(), agent, model, ...tools], connections });
}

/** Every object in a parsed tool answer (the answer is JSON text; shapes differ across n8n majors). */
function objectsIn(value, found = []) {
	if (Array.isArray(value)) for (const entry of value) objectsIn(entry, found);
	else if (value && typeof value === 'object') {
		found.push(value);
		for (const entry of Object.values(value)) objectsIn(entry, found);
	} else if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
		try {
			objectsIn(JSON.parse(value), found);
		} catch {
			/* plain text */
		}
	}
	return found;
}

/** Every object in a tool's answer text; plain text (not JSON) holds none. */
function objectsInAnswer(text) {
	try {
		return objectsIn(JSON.parse(text));
	} catch {
		return [];
	}
}

/**
 * The user with `email` in a tool answer (a conversation message of role "tool", see
 * lastToolResult()); throws, failing the script step, when there is no answer or no such user.
 */
function userInToolAnswer(answer, email) {
	if (!answer) throw new Error('no tool answer in the conversation');
	const user = objectsInAnswer(answer.content).find((entry) => entry.email === email);
	if (!user) throw new Error(`the tool answer has no user with ${email}: ${answer.content.slice(0, 500)}`);
	return user;
}

module.exports = { OPENAI_CREDENTIAL, fromAi, userIdFromAi, toolNode, openAiCredential, agentWorkflow, objectsInAnswer, userInToolAnswer };
