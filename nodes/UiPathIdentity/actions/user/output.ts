import type { IDataObject } from 'n8n-workflow';

/**
 * UiPath sends enums as numbers although its API description declares names (reference 4.0);
 * these are the names in wire order.
 */
const USER_TYPES = ['user', 'robot', 'directoryUser', 'directoryGroup', 'robotAccount', 'application'];
const USER_CATEGORIES = ['local', 'linkedLocal', 'directory'];

/** The enum name for a number UiPath sent; names and unknown numbers pass through unchanged. */
export function enumName(value: unknown, names: string[]): unknown {
	return typeof value === 'number' && names[value] !== undefined ? names[value] : value;
}

/** The fields people use in workflows; the rest (timestamps, flags, internal IDs) stay raw-only. */
const SIMPLIFIED_FIELDS = [
	'id',
	'userName',
	'email',
	'name',
	'surname',
	'displayName',
	'isActive',
	'type',
	'category',
	'groupIDs',
	'lastLoginTime',
];

/** A UiPath user (UserDto) as the node outputs it: readable enums, always a group list. */
export function userOutput(user: IDataObject, simplify = false): IDataObject {
	const readable: IDataObject = {
		...user,
		type: enumName(user.type, USER_TYPES) as IDataObject[string],
		groupIDs: Array.isArray(user.groupIDs) ? user.groupIDs : [],
	};
	if (user.category !== undefined) readable.category = enumName(user.category, USER_CATEGORIES) as string;
	if (user.type === undefined) delete readable.type;
	if (!simplify) return readable;
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_FIELDS) {
		if (readable[field] !== undefined) simplified[field] = readable[field];
	}
	return simplified;
}
