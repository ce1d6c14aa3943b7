import nock from 'nock';
import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { CLOUD, CLOUD_API, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';

/** Items run in parallel up to Max Parallel Requests; output keeps the input order. */

const ids = Array.from({ length: 12 }, (_v, i) => `a1b2c3d4-0000-4000-8000-${String(i).padStart(12, '0')}`);
const items = ids.map((id, i) => ({ id, old: `Old-secret-${i}`, new: `New-secret-${i}` }));
const changeUrl = (id: string) => `${CLOUD_API}/User/${id}/changepassword`;
const CHANGE_PASSWORD = /\/changepassword$/;

const parameters = (requestHandling?: IDataObject) => ({
	resource: 'user',
	operation: 'changePassword',
	userId: '={{ $json.id }}',
	oldPassword: '={{ $json.old }}',
	newPassword: '={{ $json.new }}',
	...(requestHandling ? { requestHandling } : {}),
});

/** An answer that names the item, so a mix-up between items shows in the output. */
const answerFor = (index: number) => ({ succeeded: false, errors: [{ code: `Item${index}` }] });

/** Replies to `count` requests after a short pause each, recording how many were open at once. */
function countOpenRequests(count: number) {
	const counter = { open: 0, mostAtOnce: 0 };
	nock(CLOUD)
		.post(CHANGE_PASSWORD)
		.times(count)
		.reply(async () => {
			counter.open++;
			counter.mostAtOnce = Math.max(counter.mostAtOnce, counter.open);
			await sleep(40);
			counter.open--;
			return [200, { succeeded: true, errors: [] }];
		});
	return counter;
}

describe('Parallel items', () => {
	it('keeps input order and pairedItem when later items are answered first', async () => {
		mockTokenEndpoint(['T1']);
		const api = nock(CLOUD);
		// Item 0 goes alone (it fetches the token); then item 1 is answered last, item 5 first.
		ids.slice(0, 6).forEach((id, index) => {
			api.post(changeUrl(id)).delay(index === 0 ? 0 : (6 - index) * 40).reply(200, answerFor(index));
		});

		const { outputs, error } = await runNode({
			parameters: parameters({ maxParallelRequests: 5 }),
			items: items.slice(0, 6),
		});

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual(
			[0, 1, 2, 3, 4, 5].map((index) => ({ json: answerFor(index), pairedItem: { item: index } })),
		);
	});

	it('never has more than Max Parallel Requests open', async () => {
		mockTokenEndpoint(['T1']);
		const counter = countOpenRequests(12);

		const { error } = await runNode({ parameters: parameters({ maxParallelRequests: 3 }), items });

		expect(error).toBeUndefined();
		expect(counter.mostAtOnce).toBe(3);
	});

	it('runs 5 items at a time by default', async () => {
		mockTokenEndpoint(['T1']);
		const counter = countOpenRequests(12);

		const { error } = await runNode({ parameters: parameters(), items });

		expect(error).toBeUndefined();
		expect(counter.mostAtOnce).toBe(5);
	});

	it('runs items one after another with Max Parallel Requests 1', async () => {
		mockTokenEndpoint(['T1']);
		const counter = countOpenRequests(6);

		const { outputs, error } = await runNode({
			parameters: parameters({ maxParallelRequests: 1 }),
			items: items.slice(0, 6),
		});

		expect(error).toBeUndefined();
		expect(counter.mostAtOnce).toBe(1);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});

	it('without continue-on-fail reports the first failing item, even when a later one failed sooner', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(changeUrl(ids[0]))
			.reply(200, answerFor(0))
			.post(changeUrl(ids[1]))
			.delay(100)
			.reply(404, '')
			.post(changeUrl(ids[2]))
			.reply(403, '');

		const { outputs, error } = await runNode({
			parameters: parameters({ maxParallelRequests: 3 }),
			items: items.slice(0, 3),
		});

		expect(error?.message).toBe(`User "${ids[1]}" was not found [item 1]`);
		expect(outputs.flat()).toEqual([]);
	});

	it('starts no further items after a failure without continue-on-fail', async () => {
		mockTokenEndpoint(['T1']);
		// Item 0 primes the token alone and fails; nock would reject any request for items 1–3.
		nock(CLOUD).post(changeUrl(ids[0])).reply(404, '');

		const { error } = await runNode({
			parameters: parameters({ maxParallelRequests: 3 }),
			items: items.slice(0, 4),
		});

		expect(error?.message).toBe(`User "${ids[0]}" was not found [item 0]`);
	});

	it('returns no items for no input', async () => {
		const { outputs, error } = await runNode({ parameters: parameters(), items: [] });

		expect(error).toBeUndefined();
		expect(outputs.flat()).toEqual([]);
	});
});
