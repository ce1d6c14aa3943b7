/**
 * UiPath's OpenAPI definition declares its enums as strings (`user`, `builtIn`), its docs and SDKs
 * show numbers (`0`), and either may arrive (reference 0.1 item 8). This is the one reader: a
 * number, a numeric string or a name in any letter case all read as the same name. A value it
 * does not know passes through unchanged.
 */
export function enumNamer(names: readonly string[]) {
	const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
	return (value: unknown): unknown => {
		const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
		if (Number.isInteger(number) && names[number] !== undefined) return names[number];
		if (typeof value === 'string') return byLowerCase.get(value.trim().toLowerCase()) ?? value;
		return value;
	};
}

/** GroupType: 0 builtIn, 1 custom (documented on the enumeration-list page). */
export const groupTypeName = enumNamer(['builtIn', 'custom']);

/** UserType: 0 user, 1 robot, 2 directoryUser, 3 directoryGroup, 4 robotAccount, 5 application. */
export const userTypeName = enumNamer(['user', 'robot', 'directoryUser', 'directoryGroup', 'robotAccount', 'application']);

/** UserCategory: 0 local, 1 linkedLocal, 2 directory. */
export const userCategoryName = enumNamer(['local', 'linkedLocal', 'directory']);

/** Directory entity `type` as sent on the wire: 0 user, 1 group, 2 application. */
export const directoryEntityTypeName = enumNamer(['user', 'group', 'application']);
