'use strict';

// A scripted OpenAI-compatible server for the AI agent end-to-end test: no network, no model.
// It answers the requests n8n's OpenAI Chat Model node sends (Chat Completions, streamed or not,
// and the Responses API that newer versions of the node can use) by playing a script: each step
// looks at the request (tools offered, messages so far) and returns either tool calls or a final
// answer. Every request is kept in a log so a test can read what reached the "model".

const http = require('node:http');

let nextId = 1;
function id(prefix) {
	return `${prefix}_${String(nextId++).padStart(6, '0')}`;
}

/** The tools a request offers, as [{ name, description, parameters }] for both APIs. */
function offeredTools(body) {
	return (body.tools || []).map((tool) => {
		const fn = tool.function || tool;
		return { name: fn.name, description: fn.description || '', parameters: fn.parameters || {} };
	});
}

/**
 * The conversation of a request as [{ role, content, toolCalls?, toolCallId? }], whichever API
 * it came through. Tool results are role "tool" with the call id they answer.
 */
function conversation(body) {
	if (Array.isArray(body.messages)) {
		return body.messages.map((message) => ({
			role: message.role,
			content: typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? ''),
			toolCalls: (message.tool_calls || []).map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments })),
			toolCallId: message.tool_call_id,
		}));
	}
	const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input || [];
	const messages = [];
	if (body.instructions) messages.push({ role: 'system', content: body.instructions, toolCalls: [] });
	for (const entry of input) {
		if (entry.type === 'function_call') {
			messages.push({ role: 'assistant', content: '', toolCalls: [{ id: entry.call_id, name: entry.name, arguments: entry.arguments }] });
		} else if (entry.type === 'function_call_output') {
			messages.push({ role: 'tool', content: String(entry.output), toolCalls: [], toolCallId: entry.call_id });
		} else {
			const content = Array.isArray(entry.content) ? entry.content.map((part) => part.text ?? '').join('') : String(entry.content ?? '');
			messages.push({ role: entry.role, content, toolCalls: [] });
		}
	}
	return messages;
}

function chatCompletion(body, reply) {
	const message = { role: 'assistant', content: reply.content ?? null };
	if (reply.toolCalls) {
		message.tool_calls = reply.toolCalls.map((call) => ({
			id: call.id,
			type: 'function',
			function: { name: call.name, arguments: JSON.stringify(call.arguments) },
		}));
	}
	return {
		id: id('chatcmpl'),
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model,
		choices: [{ index: 0, message, finish_reason: reply.toolCalls ? 'tool_calls' : 'stop', logprobs: null }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as Server-Sent Events chunks (stream: true). */
function chatCompletionChunks(body, reply) {
	const base = { id: id('chatcmpl'), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
	const chunks = [{ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }];
	if (reply.toolCalls) {
		reply.toolCalls.forEach((call, index) => {
			chunks.push({
				...base,
				choices: [{ index: 0, delta: { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }] }, finish_reason: null }],
			});
		});
	} else {
		chunks.push({ ...base, choices: [{ index: 0, delta: { content: reply.content }, finish_reason: null }] });
	}
	chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: reply.toolCalls ? 'tool_calls' : 'stop' }] });
	if (body.stream_options && body.stream_options.include_usage) {
		chunks.push({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } });
	}
	return chunks;
}

function responsesOutput(reply) {
	if (reply.toolCalls) {
		return reply.toolCalls.map((call) => ({
			type: 'function_call',
			id: id('fc'),
			call_id: call.id,
			name: call.name,
			arguments: JSON.stringify(call.arguments),
			status: 'completed',
		}));
	}
	return [{ type: 'message', id: id('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply.content, annotations: [] }] }];
}

function responsesAnswer(body, reply) {
	return {
		id: id('resp'),
		object: 'response',
		created_at: Math.floor(Date.now() / 1000),
		status: 'completed',
		model: body.model,
		output: responsesOutput(reply),
		usage: { input_tokens: 10, output_tokens: 10, total_tokens: 20 },
	};
}

function readBody(request) {
	return new Promise((resolve, reject) => {
		let data = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => {
			data += chunk;
		});
		request.on('end', () => resolve(data));
		request.on('error', reject);
	});
}

/**
 * Starts the server on 127.0.0.1 and a free port.
 * @param {Array<(request: {tools, messages, body}) => {toolCalls?: Array<{name, arguments}>, content?: string}>} script
 *   one function per model turn, in order; a request beyond the script gets HTTP 500.
 * @returns {Promise<{url, log, stop}>} url is the base URL to put in the OpenAI credential.
 */
async function startScriptedOpenAi(script, { apiKey = 'sk-scripted-test' } = {}) {
	const log = [];
	let turn = 0;
	const server = http.createServer(async (request, response) => {
		const raw = await readBody(request).catch(() => '');
		const entry = { method: request.method, path: request.url, authorized: request.headers.authorization === `Bearer ${apiKey}` };
		log.push(entry);
		const send = (status, json) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(json));
		};
		if (request.method === 'GET' && /\/models$/.test(request.url)) {
			send(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'scripted' }] });
			return;
		}
		let body;
		try {
			body = JSON.parse(raw || '{}');
		} catch {
			send(400, { error: { message: 'invalid JSON', type: 'invalid_request_error' } });
			return;
		}
		const api = /\/chat\/completions$/.test(request.url) ? 'chat' : /\/responses$/.test(request.url) ? 'responses' : undefined;
		if (request.method !== 'POST' || !api) {
			send(404, { error: { message: `not scripted: ${request.method} ${request.url}`, type: 'invalid_request_error' } });
			return;
		}
		entry.api = api;
		entry.stream = Boolean(body.stream);
		entry.model = body.model;
		entry.tools = offeredTools(body);
		entry.messages = conversation(body);
		if (!entry.authorized) {
			send(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
			return;
		}
		const step = script[turn++];
		if (!step) {
			entry.error = `request ${turn} is beyond the script (${script.length} turns)`;
			send(500, { error: { message: entry.error, type: 'server_error' } });
			return;
		}
		let reply;
		try {
			reply = step({ tools: entry.tools, messages: entry.messages, body });
			if (reply.toolCalls) reply = { ...reply, toolCalls: reply.toolCalls.map((call) => ({ id: id('call'), ...call })) };
		} catch (error) {
			entry.error = error.message;
			send(500, { error: { message: `script step ${turn} failed: ${error.message}`, type: 'server_error' } });
			return;
		}
		entry.reply = reply;
		if (api === 'chat' && body.stream) {
			response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
			for (const chunk of chatCompletionChunks(body, reply)) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
			response.end('data: [DONE]\n\n');
			return;
		}
		if (api === 'responses' && body.stream) {
			const answer = responsesAnswer(body, reply);
			response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
			let sequence = 0;
			const event = (type, data) => response.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`);
			event('response.created', { response: { ...answer, status: 'in_progress', output: [] } });
			answer.output.forEach((item, index) => {
				event('response.output_item.added', { output_index: index, item });
				event('response.output_item.done', { output_index: index, item });
			});
			event('response.completed', { response: answer });
			response.end();
			return;
		}
		send(200, api === 'chat' ? chatCompletion(body, reply) : responsesAnswer(body, reply));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		apiKey,
		/** Model requests (chat or responses) in arrival order. */
		requests: () => log.filter((entry) => entry.api),
		log: () => log.slice(),
		turns: () => turn,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** The one tool the request offers whose name matches `pattern`; throws when none or several do. */
function pickTool(tools, pattern) {
	const matches = tools.filter((tool) => pattern.test(tool.name));
	if (matches.length !== 1) throw new Error(`expected one tool matching ${pattern}, offered: ${tools.map((tool) => tool.name).join(', ') || 'none'}`);
	return matches[0];
}

/** The result of the last tool call in the conversation (role "tool"). */
function lastToolResult(messages) {
	const results = messages.filter((message) => message.role === 'tool');
	return results.length ? results[results.length - 1] : undefined;
}

module.exports = { startScriptedOpenAi, pickTool, lastToolResult, conversation, offeredTools };
