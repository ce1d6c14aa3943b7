import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CLOUD, CLOUD_API, everythingShown, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

/**
 * Fault matrix: three Change Password items run two at a time; the middle item meets a fault.
 * For every fault and every error mode, each input item yields exactly one output item (or the
 * run stops with that item's error), in input order with the right pairedItem, with exactly the
 * requests the retry rules allow (nock fails the test on a missing or extra request), and no
 * password, client secret or token appears anywhere.
 */

const USERS = [
	'a1b2c3d4-0000-4000-8000-000000000000',
	'a1b2c3d4-0000-4000-8000-000000000001',
	'a1b2c3d4-0000-4000-8000-000000000002',
];
const items = USERS.map((id, i) => ({ id, old: `Old-secret-${i}`, new: `New-secret-${i}` }));
const SECRETS = ['test-secret', ...items.flatMap((item) => [item.old, item.new])];
const ok = { succeeded: true, errors: [] };
const changeUrl = (id: string) => `${CLOUD_API}/User/${id}/changepassword`;

/** Waits stay tiny: the decisions, not the clock, are under test. */
const fastRetries = { maxParallelRequests: 2, maxTries: 3, retryWait: 1, maxTotalRetryWait: 5000 };

/** An Error instance: nock hangs (instead of failing) when given a plain object. */
function socketError(code: string) {
	return Object.assign(new Error(`socket ${code}`), { code });
}

type Reply = (interceptor: nock.Interceptor) => nock.Scope;

interface Fault {
	name: string;
	/** Answers to the middle item's requests, in order. */
	replies: Reply[];
	requestOptions?: IDataObject;
	/** Tokens the run must fetch, in order. */
	tokens?: string[];
	/** `undefined` = the middle item finally succeeds. */
	error?: { message: string; description?: RegExp };
}

const faults: Fault[] = [
	{
		name: '429 without Retry-After, then success',
		replies: [(i) => i.reply(429, ''), (i) => i.reply(200, ok)],
	},
	{
		name: '429 with Retry-After: 0, then success',
		replies: [(i) => i.reply(429, '', { 'Retry-After': '0' }), (i) => i.reply(200, ok)],
	},
	{
		name: '429 with a Retry-After date in the past, then success',
		replies: [(i) => i.reply(429, '', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }), (i) => i.reply(200, ok)],
	},
	{
		name: 'four 429s, then success (Max Tries 3 does not count HTTP 429)',
		replies: [0, 1, 2, 3].map(() => (i: nock.Interceptor) => i.reply(429, '', { 'Retry-After': '0' })).concat([
			(i) => i.reply(200, ok),
		]),
	},
	{
		name: 'three 429s, then two 503s, then success (Max Tries 3 counts only the 503s)',
		replies: [
			(i) => i.reply(429, '', { 'Retry-After': '0' }),
			(i) => i.reply(429, ''),
			(i) => i.reply(429, '', { 'Retry-After': '0' }),
			(i) => i.reply(503, ''),
			(i) => i.reply(503, ''),
			(i) => i.reply(200, ok),
		],
	},
	{
		name: '429 asking to wait longer than the retry budget',
		replies: [(i) => i.reply(429, '', { 'Retry-After': '600' })],
		error: {
			message: 'UiPath rate limit reached (HTTP 429) [item 1]',
			description: /UiPath asked to wait 600 s \(Retry-After\), which exceeds Request Options → Max Total Retry Wait/,
		},
	},
	{
		name: '500 (not transient: not retried)',
		replies: [(i) => i.reply(500, { message: 'Internal error' })],
		error: { message: 'UiPath Identity answered HTTP 500: Internal error [item 1]', description: /^UiPath had a temporary problem; try again later$/ },
	},
	{
		name: '502 (may have been processed: a POST is not repeated)',
		replies: [(i) => i.reply(502, '')],
		error: { message: 'UiPath Identity answered HTTP 502 [item 1]', description: /Not retried: this POST request is sent again only when UiPath provably did not receive it/ },
	},
	{
		name: '503, then success',
		replies: [(i) => i.reply(503, ''), (i) => i.reply(200, ok)],
	},
	{
		name: 'dropped connection (a POST is not repeated)',
		replies: [(i) => i.replyWithError(socketError('ECONNRESET'))],
		error: { message: 'Could not reach UiPath Identity (ECONNRESET) [item 1]', description: /Not retried/ },
	},
	{
		name: 'connection refused, then success',
		replies: [(i) => i.replyWithError(socketError('ECONNREFUSED')), (i) => i.reply(200, ok)],
	},
	{
		name: 'timeout (a POST is not repeated)',
		replies: [(i) => i.delay(1500).reply(200, ok)],
		// Only the middle item gets the short timeout, so a slow test machine cannot fail the others.
		requestOptions: { timeout: '={{ $itemIndex === 1 ? 200 : 30000 }}' },
		error: {
			message: 'UiPath Identity did not answer within 200 ms (timeout) [item 1]',
			description: /Raise Request Options → Timeout.*may still have been applied.*Not retried/,
		},
	},
	{
		name: 'token expiry mid-run (401 → one new token)',
		replies: [
			(i) => i.matchHeader('authorization', `Bearer ${fakeToken('T1')}`).reply(401, ''),
			// The gate repeats the request with core's refresh on: 401 again, new token, retry.
			(i) => i.matchHeader('authorization', `Bearer ${fakeToken('T1')}`).reply(401, ''),
			(i) => i.matchHeader('authorization', `Bearer ${fakeToken('T2')}`).reply(200, ok),
		],
		tokens: ['T1', 'T2'],
	},
	{
		name: '403 missing scope',
		replies: [(i) => i.reply(403, '')],
		error: {
			message: 'UiPath refused access (HTTP 403): the token lacks the PM.User scope or the external application lacks permission [item 1]',
			description: /Grant PM.User/,
		},
	},
	{
		name: '404 unknown user',
		replies: [(i) => i.reply(404, '')],
		error: { message: `User "${USERS[1]}" was not found [item 1]`, description: /Check the ID/ },
	},
	{
		name: 'malformed JSON body',
		replies: [(i) => i.reply(200, '{"succeeded": tru', { 'Content-Type': 'application/json' })],
		error: {
			message: 'UiPath answered HTTP 200 with a body that is not valid JSON [item 1]',
			description: /may have been applied/,
		},
	},
];

function mockFault(fault: Fault) {
	const tokens = mockTokenEndpoint(fault.tokens ?? ['T1']);
	const api = nock(CLOUD);
	api.post(changeUrl(USERS[0]), { oldPassword: items[0].old, newPassword: items[0].new }).reply(200, ok);
	for (const reply of fault.replies) {
		reply(api.post(changeUrl(USERS[1]), { oldPassword: items[1].old, newPassword: items[1].new }));
	}
	api.post(changeUrl(USERS[2]), { oldPassword: items[2].old, newPassword: items[2].new }).reply(200, ok);
	return { tokens, api };
}

const parameters = (fault: Fault) => ({
	resource: 'user',
	operation: 'changePassword',
	userId: '={{ $json.id }}',
	oldPassword: '={{ $json.old }}',
	newPassword: '={{ $json.new }}',
	requestOptions: { ...fastRetries, ...fault.requestOptions },
});

function expectNoSecrets(...values: unknown[]) {
	const shown = everythingShown(values);
	for (const secret of [...SECRETS, fakeToken('T1'), fakeToken('T2')]) expect(shown).not.toContain(secret);
}

function expectErrorItem(json: IDataObject, fault: Fault, extraKeys: string[] = []) {
	expect(Object.keys(json).sort()).toEqual(['details', 'error', ...extraKeys].sort());
	expect(json.error).toBe(fault.error?.message);
	if (fault.error?.description) expect(json.details).toMatch(fault.error.description);
}

describe('Fault matrix: Change Password × continue-on-fail', () => {
	describe.each(faults.map((fault) => [fault.name, fault] as const))('%s', (_name, fault) => {
		it('continue-on-fail off: all items succeed, or the run stops with the failing item', async () => {
			const { tokens } = mockFault(fault);
			const { outputs, error, credentialsHelper } = await runNode({ parameters: parameters(fault), items });

			if (fault.error) {
				expect(error?.message).toBe(fault.error.message);
				if (fault.error.description) expect(error?.description).toMatch(fault.error.description);
				expect(outputs.flat()).toEqual([]);
			} else {
				expect(error).toBeUndefined();
				expect(outputs).toEqual([[0, 1, 2].map((item) => ({ json: ok, pairedItem: { item } }))]);
			}
			expect(credentialsHelper.preAuthenticationCalls).toBe((fault.tokens ?? ['T1']).length);
			expect(tokens.isDone()).toBe(true);
			expectNoSecrets(outputs, error);
		});

		it('regular output: one item per input, in order', async () => {
			mockFault(fault);
			const { outputs, error } = await runNode({
				parameters: parameters(fault),
				items,
				onError: 'continueRegularOutput',
			});

			expect(error).toBeUndefined();
			expect(outputs).toHaveLength(1);
			expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(outputs[0][0].json).toEqual(ok);
			expect(outputs[0][2].json).toEqual(ok);
			if (fault.error) expectErrorItem(outputs[0][1].json, fault);
			else expect(outputs[0][1].json).toEqual(ok);
			expectNoSecrets(outputs);
		});

		it('error output: the failing item alone on the error branch', async () => {
			mockFault(fault);
			const { outputs, error } = await runNode({
				parameters: parameters(fault),
				items,
				onError: 'continueErrorOutput',
			});

			expect(error).toBeUndefined();
			const [success, failed] = outputs;
			if (fault.error) {
				expect(success).toEqual([
					{ json: ok, pairedItem: { item: 0 } },
					{ json: ok, pairedItem: { item: 2 } },
				]);
				expect(failed).toHaveLength(1);
				expect(failed[0].pairedItem).toEqual({ item: 1 });
				// n8n merges the paired input item into error-output items (workflow-execute
				// handleNodeErrorOutput): its fields are the user's own input, not something the node leaked.
				expectErrorItem(failed[0].json, fault, Object.keys(items[1]));
				expect(failed[0].json).toMatchObject(items[1]);
				expectNoSecrets(success, failed[0].json.error, failed[0].json.details);
			} else {
				expect(success).toEqual([0, 1, 2].map((item) => ({ json: ok, pairedItem: { item } })));
				expect(failed ?? []).toEqual([]);
				expectNoSecrets(outputs);
			}
		});
	});
});
