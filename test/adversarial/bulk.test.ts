import { CLOUD_API, ORG_ID, mockTokenEndpoint } from '../fixtures';
import { CLIENT_SECRET, TOKEN, hostile } from './data';
import { runAndScan } from './scan';

/**
 * Class 5 (bulk): Delete Many de-duplicates across the whole run (GUIDs in any letter case), a 404
 * for one user of a batch neither fails the others nor (with Succeed If Already Deleted) that
 * user, and a parameter error of the run fails every item under continue-on-fail, never zero.
 */

const bulkPath = `${CLOUD_API}/User`;
const deleteMany = { resource: 'user', operation: 'deleteMany', userId: { __rl: true, mode: 'id', value: '={{ $json.user }}' } };
const ids = (count: number) => Array.from({ length: count }, (_, index) => `d0000000-0000-4000-8000-${String(index).padStart(12, '0')}`);

interface Body {
	partitionGlobalId: string;
	userIds: string[];
}

/** Answers every bulk delete with 404 when it names one of `unknown`, else 204; records the bodies. */
function bulkDelete(bodies: Body[], unknown: string[] = []) {
	return hostile()
		.persist()
		.delete(bulkPath, (body: Body) => {
			bodies.push(body);
			return true;
		})
		.reply((_uri, body) => ((body as Body).userIds.some((id) => unknown.includes(id)) ? [404, { message: 'User not found' }] : [204, '']));
}

describe('Class 5: Delete Many', () => {
	it('de-duplicates across batches and letter case: each user is sent once, every item reports it', async () => {
		const [a, b, c] = ids(3);
		const bodies: Body[] = [];
		mockTokenEndpoint(['T1']);
		bulkDelete(bodies);

		const { outputs, error } = await runAndScan(
			{ parameters: { ...deleteMany, options: { batchSize: 2 } }, items: [a, b, c, a.toUpperCase(), b].map((user) => ({ user })) },
			[TOKEN, CLIENT_SECRET],
		);

		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{ partitionGlobalId: ORG_ID, userIds: [a, b] },
			{ partitionGlobalId: ORG_ID, userIds: [c] },
		]);
		expect(outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[{ deleted: true, id: a }, { item: 0 }],
			[{ deleted: true, id: b }, { item: 1 }],
			[{ deleted: true, id: c }, { item: 2 }],
			// Each item reports the ID it gave.
			[{ deleted: true, id: a.toUpperCase() }, { item: 3 }],
			[{ deleted: true, id: b }, { item: 4 }],
		]);
	});

	it('with Succeed If Already Deleted a 404 for one user does not fail the batch', async () => {
		const list = ids(4);
		const bodies: Body[] = [];
		mockTokenEndpoint(['T1']);
		bulkDelete(bodies, [list[2]]);

		const { outputs, error } = await runAndScan(
			{ parameters: { ...deleteMany, options: { succeedIfAlreadyDeleted: true } }, items: list.map((user) => ({ user })) },
			[],
		);

		expect(error).toBeUndefined();
		expect(bodies.map((body) => body.userIds)).toEqual([list, list.slice(0, 2), list.slice(2), [list[2]], [list[3]]]);
		expect(outputs[0].map((item) => item.json)).toEqual([
			{ deleted: true, id: list[0], alreadyDeleted: false },
			{ deleted: true, id: list[1], alreadyDeleted: false },
			{ deleted: true, id: list[2], alreadyDeleted: true },
			{ deleted: true, id: list[3], alreadyDeleted: false },
		]);
	});

	it('a batch UiPath partly refused reports per item: only the unknown user fails', async () => {
		const list = ids(3);
		mockTokenEndpoint(['T1']);
		bulkDelete([], [list[1]]);

		const { outputs, error } = await runAndScan(
			{ parameters: deleteMany, items: list.map((user) => ({ user })), onError: 'continueRegularOutput' },
			[],
		);

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.error ?? item.json, item.pairedItem])).toEqual([
			[{ deleted: true, id: list[0] }, { item: 0 }],
			[expect.stringMatching(/\[item 1\]$/), { item: 1 }],
			[{ deleted: true, id: list[2] }, { item: 2 }],
		]);
	});

	it('without continue-on-fail the unknown user stops the run naming its item', async () => {
		const list = ids(2);
		mockTokenEndpoint(['T1']);
		bulkDelete([], [list[1]]);

		const { error } = await runAndScan({ parameters: deleteMany, items: list.map((user) => ({ user })) }, []);

		expect(error?.message).toMatch(/\[item 1\]$/);
		expect(error?.message).not.toMatch(/\[item \d+\].*\[item \d+\]/);
	});
});

describe('Class 5: an invalid Batch Size fails every item, never zero items', () => {
	const createMany = { resource: 'user', operation: 'createMany', userName: '={{ $json.user }}', additionalFields: {} };

	it.each([
		['Delete Many', deleteMany, 0],
		['Delete Many', deleteMany, 1001],
		['Delete Many', deleteMany, '={{ "x" }}'],
		['Delete Many', deleteMany, 2.5],
		['Create Many', createMany, 0],
		['Create Many', createMany, -1],
		['Create Many', createMany, '={{ NaN }}'],
	])('%s, Batch Size %#, continue-on-fail: one error item per input item', async (_name, parameters, batchSize) => {
		const list = ids(3);
		// No interceptor: nothing may be sent (nock refuses every request).
		const { outputs, error } = await runAndScan(
			{
				parameters: { ...parameters, options: { batchSize } },
				items: list.map((user) => ({ user: `u${user}@example.com` })),
				onError: 'continueRegularOutput',
			},
			[],
		);

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.error, item.pairedItem])).toEqual(
			// A value of the wrong type is named too: ", not a string", ", not NaN".
			list.map((_id, index) => [
				expect.stringMatching(new RegExp(`^'Batch Size' must be a whole number from 1 to 1000(, not (a string|NaN))? \\[item ${index}\\]$`)),
				{ item: index },
			]),
		);
	});

	it('Batch Size 0 with the error output: every item goes to the error branch', async () => {
		const { outputs, error } = await runAndScan(
			{ parameters: { ...deleteMany, options: { batchSize: 0 } }, items: ids(2).map((user) => ({ user })), onError: 'continueErrorOutput' },
			[],
		);

		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
		expect(outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Batch Size 0 without continue-on-fail stops the run at item 0', async () => {
		const { error } = await runAndScan({ parameters: { ...deleteMany, options: { batchSize: 0 } }, items: ids(2).map((user) => ({ user })) }, []);

		expect(error?.message).toBe("'Batch Size' must be a whole number from 1 to 1000 [item 0]");
	});
});

describe('Class 5: Create Many', () => {
	const createMany = { resource: 'user', operation: 'createMany', userName: '={{ $json.user }}', additionalFields: {} };

	it('a user missing from the users UiPath says it created fails that item only', async () => {
		mockTokenEndpoint(['T1']);
		hostile()
			.post(`${CLOUD_API}/User/BulkCreate`)
			.reply(200, (_uri, body) => {
				const sent = (body as { users: Array<{ id: string; userName: string }> }).users;
				return { result: { succeeded: true, errors: [] }, users: sent.filter((user) => user.userName !== 'b@example.com').map((user) => ({ ...user, email: user.userName })) };
			});

		const { outputs, error } = await runAndScan(
			{ parameters: createMany, items: ['a@example.com', 'b@example.com', 'c@example.com'].map((user) => ({ user })), onError: 'continueRegularOutput' },
			[TOKEN, CLIENT_SECRET],
		);

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.error ?? item.json.userName, item.pairedItem])).toEqual([
			['a@example.com', { item: 0 }],
			['UiPath did not create the user "b@example.com" [item 1]', { item: 1 }],
			['c@example.com', { item: 2 }],
		]);
	});
});

describe('Class 4 and 5 together: one item of a bulk or whole-run operation has a parameter of the wrong type', () => {
	it('Delete Many, continue-on-fail: that item fails, the others are deleted in one request', async () => {
		const [a, , c] = ids(3);
		const bodies: Body[] = [];
		mockTokenEndpoint(['T1']);
		bulkDelete(bodies);

		const { outputs, error } = await runAndScan(
			{ parameters: deleteMany, items: [{ user: a }, { user: { id: a } }, { user: c }] as never, onError: 'continueRegularOutput' },
			[TOKEN, CLIENT_SECRET],
		);

		expect(error).toBeUndefined();
		expect(bodies).toEqual([{ partitionGlobalId: ORG_ID, userIds: [a, c] }]);
		expect(outputs[0].map((item) => [item.json.error ?? item.json, item.pairedItem])).toEqual([
			[{ deleted: true, id: a }, { item: 0 }],
			["'User' must be text, not an object [item 1]", { item: 1 }],
			[{ deleted: true, id: c }, { item: 2 }],
		]);
	});

	it('Delete Many, stopped: the run fails at that item before anything is sent', async () => {
		const [a, , c] = ids(3);
		// No interceptor: nothing may be sent (nock refuses every request).
		const { error } = await runAndScan({ parameters: deleteMany, items: [{ user: a }, { user: 7 }, { user: c }] }, []);

		expect(error?.message).toBe("'User' must be text, not a number [item 1]");
	});

	const sync = { resource: 'user', operation: 'sync', keyField: 'email', key: '={{ $json.email }}', firstName: '={{ $json.first }}' };

	it('Sync, continue-on-fail: nothing is sent and every item says why (a person left out would count as missing)', async () => {
		const parameters = { ...sync, dryRun: false, options: { missing: 'deactivate' } };
		// No interceptor: nothing may be sent, not even the read of the organization.
		const { outputs, error } = await runAndScan(
			{
				parameters,
				items: [{ email: 'a@example.com', first: 'Ann' }, { email: 'b@example.com', first: { name: 'Bob' } }, { email: 'c@example.com', first: 'Cy' }] as never,
				onError: 'continueRegularOutput',
			},
			[],
		);

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Nothing was sent: item 1 has a parameter of the wrong type [item 0]', { item: 0 }],
			["'First Name' must be text, not an object [item 1]", { item: 1 }],
			['Nothing was sent: item 1 has a parameter of the wrong type [item 2]', { item: 2 }],
		]);
	});

	it('Sync takes what HR exports give: a number as text, and Active as the text "false"', async () => {
		const parameters = { ...sync, active: '={{ $json.active }}' };
		const { outputs, error } = await runAndScan(
			{ parameters, items: [{ email: 'a@example.com', first: 1234, active: 'FALSE' }, { email: 'b@example.com', first: 'Bo', active: 'no' }] as never, onError: 'continueRegularOutput' },
			[],
		);

		// "no" is not true or false: it would have read as active. Nothing is sent in either case.
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json.error)).toEqual([
			'Nothing was sent: item 1 has a parameter of the wrong type [item 0]',
			"'Active' must be true or false, not a string [item 1]",
		]);
	});
});
