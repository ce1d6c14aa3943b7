import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID, USER_ID, fakeToken, offContract } from '../fixtures';

/** Fixtures of the adversarial suite, kept here so it does not depend on the operation tests' layout. */
export const TOKEN = fakeToken('T1');
export const CLIENT_SECRET = 'test-secret';
export const userPath = (id = USER_ID) => `${CLOUD_API}/User/${id}`;
export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
export const GROUP_ID = 'b0000000-0000-4000-8000-00000000000a';
export const groupPath = (id = GROUP_ID) => `${CLOUD_API}/Group/${ORG_ID}/${id}`;

export function userDto(overrides: Record<string, unknown> = {}) {
	return {
		id: USER_ID,
		userName: 'jane.doe@example.com',
		email: 'jane.doe@example.com',
		name: 'Jane',
		surname: 'Doe',
		displayName: 'Jane Doe',
		groupIDs: [],
		isActive: true,
		type: 0,
		category: 0,
		...overrides,
	};
}

/** The access token in every spelling the issue names, and then some. */
export const tokenSpellings: Array<[string, string]> = [
	['Bearer x', `Bearer ${TOKEN}`],
	['bearer x', `bearer ${TOKEN}`],
	['BEARER x', `BEARER ${TOKEN}`],
	['x alone', TOKEN],
	['Bearer:x', `Bearer:${TOKEN}`],
	['Bearer=x', `Authorization=Bearer=${TOKEN}`],
	['URL-encoded x', `token=${encodeURIComponent(TOKEN)}`],
];

/**
 * A nock scope for UiPath that answers outside the contract on purpose: the adversarial suite
 * fakes hostile, malformed and echoing answers by design (see test/contract/nock-check.ts).
 */
export function hostile(): nock.Scope {
	return offContract(nock(CLOUD));
}
