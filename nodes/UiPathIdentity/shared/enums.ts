/**
 * UiPath sends its enums as numbers although its OpenAPI file declares strings (reference 4.0).
 * Output shows the names; a value that is already a string or unknown passes through unchanged.
 */
export function enumNamer(names: readonly string[]) {
	return (value: unknown): unknown =>
		typeof value === 'number' && Number.isInteger(value) && names[value] !== undefined ? names[value] : value;
}

/** GroupType: 0 builtIn, 1 custom (documented on the enumeration-list page). */
export const groupTypeName = enumNamer(['builtIn', 'custom']);

/** UserType: 0 user, 1 robot, 2 directoryUser, 3 directoryGroup, 4 robotAccount, 5 application. */
export const userTypeName = enumNamer(['user', 'robot', 'directoryUser', 'directoryGroup', 'robotAccount', 'application']);

/** UserCategory: 0 local, 1 linkedLocal, 2 directory. */
export const userCategoryName = enumNamer(['local', 'linkedLocal', 'directory']);

/** Directory entity `type` as sent on the wire: 0 user, 1 group, 2 application. */
export const directoryEntityTypeName = enumNamer(['user', 'group', 'application']);
