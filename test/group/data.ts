import { CLOUD_API, ORG_ID } from '../fixtures';

export const GROUP_ID = '0b7c1a6e-5d4f-4e3a-9b2c-1d0e9f8a7b6c';
export const GROUP_2 = '0b7c1a6e-0000-4000-8000-000000000002';
export const EVERYONE_ID = '0b7c1a6e-0000-4000-8000-0000000000e1';
export const MEMBER_1 = '9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f';
export const MEMBER_2 = 'a1b2c3d4-0000-4000-8000-000000000002';

export const groupsPath = `${CLOUD_API}/Group/${ORG_ID}`;
export const groupPath = (id: string) => `${groupsPath}/${id}`;

/** GroupDto as UiPath sends it: numeric type, deprecated displayName, always-empty members. */
export function groupDto(id: string, name: string, type = 1) {
	return {
		id,
		name,
		displayName: name,
		type,
		creationTime: '2026-01-05T10:00:00Z',
		lastModificationTime: '2026-02-01T08:30:00Z',
		members: [],
		mappedRole: null,
	};
}

export const organizationGroups = [
	groupDto(EVERYONE_ID, 'Everyone', 0),
	groupDto(GROUP_ID, 'Finance Robots'),
	groupDto(GROUP_2, 'HR'),
];

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });
