import { CLOUD_API, ORG_ID, USER_ID } from '../fixtures';

export const USER_2 = 'a1b2c3d4-0000-4000-8000-000000000002';
export const USER_3 = 'a1b2c3d4-0000-4000-8000-000000000003';
export const GROUP_A = 'b0000000-0000-4000-8000-00000000000a';
export const GROUP_B = 'b0000000-0000-4000-8000-00000000000b';
export const GROUP_C = 'b0000000-0000-4000-8000-00000000000c';
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const userPath = (id: string) => `${CLOUD_API}/User/${id}`;
export const usersListPath = `${CLOUD_API}/User/users/${ORG_ID}`;

/** The User resource locator as the editor saves it. */
export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
export const byEmail = (email: string) => ({ __rl: true, mode: 'email', value: email });
/** The locator filled from the input item: `{ user }` is an ID. */
export const idFromItem = { __rl: true, mode: 'id', value: '={{ $json.user }}' };

/** A UserDto as UiPath sends it: enums as numbers (reference 4.0/4.1). */
export function userDto(overrides: Record<string, unknown> = {}) {
	return {
		id: USER_ID,
		userName: 'jane.doe@example.com',
		email: 'jane.doe@example.com',
		emailConfirmed: true,
		name: 'Jane',
		surname: 'Doe',
		displayName: 'Jane Doe',
		creationTime: '2025-01-02T03:04:05Z',
		lastModificationTime: '2025-02-03T04:05:06Z',
		lastLoginTime: null,
		groupIDs: [GROUP_A],
		legacyId: 42,
		isActive: true,
		bypassBasicAuthRestriction: false,
		type: 0,
		category: 0,
		invitationAccepted: true,
		...overrides,
	};
}

export const succeeded = { succeeded: true, errors: [] };
