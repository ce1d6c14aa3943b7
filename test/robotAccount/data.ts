import { CLOUD_API, ORG_ID } from '../fixtures';

export const ROBOT_ID = '5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59';
export const ROBOT_2 = '5f2d8c1a-0000-4000-8000-000000000002';
export const GROUP_A = '0b7c1a6e-5d4f-4e3a-9b2c-1d0e9f8a7b6c';
export const GROUP_B = '0b7c1a6e-0000-4000-8000-000000000002';

export const robotsPath = `${CLOUD_API}/RobotAccount/${ORG_ID}`;
export const robotPath = (id: string) => `${robotsPath}/${id}`;

export function robotDto(id: string, name: string, groupIds: string[] = []) {
	return { id, name, displayName: name.toUpperCase(), creationTime: '2026-03-01T09:00:00Z', lastLoginTime: null, groupIds };
}
