import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, offContract, offContractReply } from '../fixtures';
import { takeContractViolations } from './nock-check';

// The contract check of nock interceptors (test/setup.ts) catches a fixture that breaks the
// contract, in the request the code sends and in the answer the test fakes; the opt-outs work.

const usersPath = `${CLOUD_API}/User/users/${ORG_ID}`;

async function send(method: string, path: string, body?: unknown): Promise<number> {
	const response = await fetch(`${CLOUD}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	await response.text();
	return response.status;
}

describe('contract check of nock fixtures', () => {
	it('catches a faked answer that breaks the contract, naming operation, field and rule', async () => {
		nock(CLOUD)
			.get(usersPath)
			.query(true)
			.reply(200, { totalCount: 1, results: [{ id: 'not-a-guid', userName: 'a' }] });

		await send('GET', `${usersPath}?top=10`);

		expect(takeContractViolations()).toEqual([
			expect.stringMatching(/^response of GET .*\/User\/users\/.*: listUsers response\.results\[0\]\.id: pattern /),
		]);
	});

	it('catches a request body field the contract does not know, and a reply function', async () => {
		nock(CLOUD)
			.post(`${CLOUD_API}/User`)
			.reply(200, () => ({ succeeded: 'yes' }));

		await send('POST', `${CLOUD_API}/User`, { partitionGlobalId: ORG_ID, userName: 'a', mail: 'a@example.com' });

		expect(takeContractViolations()).toEqual([
			expect.stringContaining('createUser requestBody.mail: additionalProperties'),
			expect.stringContaining('createUser response.succeeded: type boolean'),
		]);
	});

	it('catches a request to a path the contract does not know', async () => {
		nock(CLOUD).get(`${CLOUD_API}/Users/${USER_ID}`).reply(200, {});

		await send('GET', `${CLOUD_API}/Users/${USER_ID}`);

		expect(takeContractViolations()).toEqual([expect.stringContaining('(none) path: no operation in the contract')]);
	});

	it('lets a test fake a hostile answer with offContractReply or offContract', async () => {
		nock(CLOUD).get(`${CLOUD_API}/User/${USER_ID}`).reply(200, offContractReply({ type: 42 }));
		offContract(nock(CLOUD).put(`${CLOUD_API}/User/${USER_ID}`).reply(200, 'not json'));

		expect(await send('GET', `${CLOUD_API}/User/${USER_ID}`)).toBe(200);
		expect(await send('PUT', `${CLOUD_API}/User/${USER_ID}`, { unknownField: true })).toBe(200);

		expect(takeContractViolations()).toEqual([]);
	});

	it('accepts what keeps the contract: enums as numbers or names, BulkCreate bare or enveloped', async () => {
		nock(CLOUD)
			.get(`${CLOUD_API}/User/${USER_ID}`)
			.reply(200, { id: USER_ID, type: 0 })
			.get(`${CLOUD_API}/User/${USER_ID}`)
			.reply(200, { id: USER_ID, type: 'robotAccount' })
			.post(`${CLOUD_API}/User/BulkCreate`)
			.reply(200, { succeeded: true, errors: [] })
			.post(`${CLOUD_API}/User/BulkCreate`)
			.reply(200, { result: { succeeded: true, errors: [] }, users: [] });

		await send('GET', `${CLOUD_API}/User/${USER_ID}`);
		await send('GET', `${CLOUD_API}/User/${USER_ID}`);
		for (let i = 0; i < 2; i++) {
			await send('POST', `${CLOUD_API}/User/BulkCreate`, { partitionGlobalId: ORG_ID, users: [{ userName: 'a', email: 'a@example.com' }] });
		}

		expect(takeContractViolations()).toEqual([]);
	});
});
