import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, fakeToken, mockTokenEndpoint } from '../fixtures';
import { runNode } from '../harness/run-workflow';
import { forgetCredentialFlights } from '../../nodes/UiPathIdentity/transport/token-flight';
import { MEMBER_1, MEMBER_2, groupDto } from './data';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const parameters = { resource: 'group', operation: 'create', name: '={{ $json.name }}' };

/** Replies 201 with the GroupDto UiPath would create from the body, and records the body. */
function expectCreate(bodies: Array<Record<string, unknown>>) {
	return nock(CLOUD)
		.post(`${CLOUD_API}/Group`, (body: Record<string, unknown>) => {
			bodies.push(body);
			return true;
		})
		.matchHeader('authorization', `Bearer ${fakeToken('T1')}`)
		.reply(201, (_uri, body) => {
			const sent = body as { id: string; name: string };
			return groupDto(sent.id, sent.name);
		});
}

describe('Group → Create', () => {
	it('sends a new client-generated ID per item, the organization and the name only', async () => {
		mockTokenEndpoint(['T1']);
		const bodies: Array<Record<string, unknown>> = [];
		expectCreate(bodies);
		expectCreate(bodies);

		const { outputs, error } = await runNode({
			parameters,
			items: [{ name: 'Finance Robots' }, { name: ' HR ' }],
		});

		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{ id: expect.stringMatching(GUID), partitionGlobalId: ORG_ID, name: 'Finance Robots' },
			{ id: expect.stringMatching(GUID), partitionGlobalId: ORG_ID, name: 'HR' },
		]);
		expect(bodies[0].id).not.toBe(bodies[1].id);
		expect(outputs[0]).toEqual([
			{ json: { ...groupDto(bodies[0].id as string, 'Finance Robots'), type: 'custom' }, pairedItem: { item: 0 } },
			{ json: { ...groupDto(bodies[1].id as string, 'HR'), type: 'custom' }, pairedItem: { item: 1 } },
		]);
	});

	it('adds members from a comma-separated list or an array, without duplicates', async () => {
		mockTokenEndpoint(['T1']);
		const bodies: Array<Record<string, unknown>> = [];
		expectCreate(bodies);
		expectCreate(bodies);

		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { memberIds: '={{ $json.members }}' } },
			items: [
				{ name: 'A', members: `${MEMBER_1}, ${MEMBER_2};\n${MEMBER_1}` },
				{ name: 'B', members: [MEMBER_2] },
			],
		});

		expect(error).toBeUndefined();
		expect(bodies.map((body) => body.directoryUserMemberIDs)).toEqual([[MEMBER_1, MEMBER_2], [MEMBER_2]]);
	});

	it('answers with the sent ID and name when UiPath returns no body', async () => {
		mockTokenEndpoint(['T1']);
		let sentId = '';
		nock(CLOUD)
			.post(`${CLOUD_API}/Group`, (body: { id: string }) => Boolean((sentId = body.id)))
			.reply(201);

		const { outputs } = await runNode({ parameters, items: [{ name: 'Finance Robots' }] });

		expect(outputs[0]).toEqual([{ json: { id: sentId, name: 'Finance Robots' }, pairedItem: { item: 0 } }]);
	});

	it('rejects a member ID that is not a GUID before calling UiPath', async () => {
		const { error } = await runNode({
			parameters: { ...parameters, additionalFields: { memberIds: `${MEMBER_1}, jane@example.com` } },
			items: [{ name: 'A' }],
		});

		expect(error?.message).toBe(`'Member Names or IDs' is not a valid ID: "jane@example.com" [item 0]`);
		expect(error?.description).toMatch(/Check the value mapped into 'Member Names or IDs'/);
	});

	it('rejects an empty name', async () => {
		const { error } = await runNode({ parameters, items: [{ name: '  ' }] });

		expect(error?.message).toBe(`'Name' is empty [item 0]`);
	});

	it('shows why UiPath refused (duplicate name) and routes it to the error output', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD)
			.post(`${CLOUD_API}/Group`)
			.reply(400, {
				errors: { name: ["A group named 'HR' already exists."] },
				title: 'One or more validation errors occurred.',
				status: 400,
			});

		const { outputs } = await runNode({
			parameters,
			items: [{ name: 'HR' }],
			onError: 'continueErrorOutput',
		});

		expect(outputs[0]).toEqual([]);
		expect(outputs[1]).toEqual([
			{
				// n8n's error output keeps the input fields next to the error.
				json: {
					name: 'HR',
					error: "UiPath rejected the request: name: A group named 'HR' already exists. [item 0]",
					details: 'Correct the fields named in the message and run the node again',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('names PM.Group when the token lacks it', async () => {
		mockTokenEndpoint(['T1']);
		nock(CLOUD).post(`${CLOUD_API}/Group`).reply(403);

		const { error } = await runNode({ parameters, items: [{ name: 'HR' }] });

		expect(error?.message).toMatch(/lacks the PM\.Group scope/);
	});
	it('reports the group an earlier attempt of the same execution made instead of failing on the repeat', async () => {
		mockTokenEndpoint(['T1']);
		const bodies: Array<Record<string, unknown>> = [];
		expectCreate(bodies);
		await runNode({ parameters, items: [{ name: 'Finance Robots' }], executionId: 'exec-9' });
		const id = bodies[0].id as string;

		// The repeat runs in another worker process (the first one died): it fetches its own token.
		forgetCredentialFlights();
		mockTokenEndpoint(['T2']);
		nock(CLOUD)
			.post(`${CLOUD_API}/Group`, (body: Record<string, unknown>) => {
				bodies.push(body);
				return true;
			})
			.reply(409, { message: 'A group with this ID already exists' });
		const lookup = nock(CLOUD).get(`${CLOUD_API}/Group/${ORG_ID}/${id}`).reply(200, groupDto(id, 'Finance Robots'));
		const { outputs, error } = await runNode({ parameters, items: [{ name: 'Finance Robots' }], executionId: 'exec-9' });

		expect(error).toBeUndefined();
		expect(bodies.map((body) => body.id)).toEqual([id, id]);
		expect(lookup.isDone()).toBe(true);
		expect(outputs[0]).toEqual([
			{
				json: expect.objectContaining({ alreadyCreated: true, id, name: 'Finance Robots', note: expect.stringMatching(/earlier attempt of this execution/) }),
				pairedItem: { item: 0 },
			},
		]);
	});
});
