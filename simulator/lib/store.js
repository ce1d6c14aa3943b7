'use strict';

// In-memory state of the simulated organizations, built from a seed (see seed/demo.json and
// docs/simulator.md for the format). Every public object is a deep copy, so callers cannot
// change state by accident.

const crypto = require('node:crypto');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const USER_TYPE = { user: 0, robot: 1, directoryUser: 2, directoryGroup: 3, robotAccount: 4, application: 5 };
const USER_CATEGORY = { local: 0, linkedLocal: 1, directory: 2 };
const GROUP_TYPE = { builtIn: 0, custom: 1 };

const DEFAULT_POLICY = {
	minLength: 8,
	requireDigit: true,
	requireLowercase: true,
	requireUppercase: true,
	requireNonAlphanumeric: true,
};

function isGuid(value) {
	return typeof value === 'string' && GUID.test(value);
}

function enumValue(value, table, fallback) {
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'number') return value;
	if (Object.prototype.hasOwnProperty.call(table, value)) return table[value];
	throw new Error(`Seed: unknown enum value "${value}" (expected one of ${Object.keys(table).join(', ')})`);
}

function nowIso() {
	return new Date().toISOString();
}

function clone(value) {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function requireGuid(value, what) {
	if (!isGuid(value)) throw new Error(`Seed: ${what} must be a GUID, got ${JSON.stringify(value)}`);
	return value.toLowerCase();
}

function buildOrganization(seedOrg) {
	const id = requireGuid(seedOrg.id, 'organization id');
	const created = seedOrg.creationTime || '2024-01-15T09:00:00Z';
	const org = {
		id,
		name: String(seedOrg.name || ''),
		passwordPolicy: { ...DEFAULT_POLICY, ...(seedOrg.passwordPolicy || {}) },
		groups: new Map(),
		users: new Map(),
		robotAccounts: new Map(),
		settings: [],
		nextSettingId: 1,
		nextLegacyId: 1000,
	};
	for (const group of seedOrg.groups || []) {
		const groupId = requireGuid(group.id, `group id of ${group.name}`);
		org.groups.set(groupId, {
			id: groupId,
			name: String(group.name),
			type: enumValue(group.type, GROUP_TYPE, GROUP_TYPE.custom),
			creationTime: group.creationTime || created,
			lastModificationTime: group.lastModificationTime || created,
		});
	}
	for (const user of seedOrg.users || []) {
		const userId = requireGuid(user.id, `user id of ${user.userName}`);
		org.users.set(userId, {
			id: userId,
			userName: String(user.userName || user.email || ''),
			email: String(user.email || ''),
			emailConfirmed: user.emailConfirmed !== undefined ? Boolean(user.emailConfirmed) : Boolean(user.email),
			name: user.name || '',
			surname: user.surname || '',
			displayName: user.displayName || [user.name, user.surname].filter(Boolean).join(' ') || user.userName || '',
			creationTime: user.creationTime || created,
			lastModificationTime: user.lastModificationTime || created,
			lastLoginTime: user.lastLoginTime === undefined ? null : user.lastLoginTime,
			groupIDs: (user.groupIDs || []).map((groupId) => requireGuid(groupId, `group of ${user.userName}`)),
			legacyId: user.legacyId || org.nextLegacyId++,
			isActive: user.isActive !== undefined ? Boolean(user.isActive) : true,
			bypassBasicAuthRestriction: Boolean(user.bypassBasicAuthRestriction),
			type: enumValue(user.type, USER_TYPE, USER_TYPE.user),
			category: enumValue(user.category, USER_CATEGORY, USER_CATEGORY.local),
			invitationAccepted: user.invitationAccepted !== undefined ? Boolean(user.invitationAccepted) : true,
			extensionUserAttributes: { ...(user.extensionUserAttributes || {}) },
			password: user.password === undefined ? null : String(user.password),
			loginAttempts: clone(user.loginAttempts || []),
		});
	}
	for (const robot of seedOrg.robotAccounts || []) {
		const robotId = requireGuid(robot.id, `robot account id of ${robot.name}`);
		org.robotAccounts.set(robotId, {
			id: robotId,
			name: String(robot.name),
			displayName: robot.displayName || robot.name,
			creationTime: robot.creationTime || created,
			lastLoginTime: robot.lastLoginTime === undefined ? null : robot.lastLoginTime,
			groupIds: (robot.groupIds || robot.groupIDs || []).map((groupId) => requireGuid(groupId, `group of ${robot.name}`)),
		});
	}
	for (const setting of seedOrg.settings || []) {
		org.settings.push({
			id: org.nextSettingId++,
			key: String(setting.key),
			value: String(setting.value),
			partitionGlobalId: id,
			userId: setting.userId ? requireGuid(setting.userId, `setting ${setting.key} userId`) : null,
		});
	}
	return org;
}

function buildState(seed) {
	const organizations = new Map();
	for (const seedOrg of seed.organizations || []) {
		const org = buildOrganization(seedOrg);
		organizations.set(org.id, org);
	}
	const clients = new Map();
	for (const client of seed.clients || []) {
		const org = findOrganization({ organizations }, client.organization || client.organizationId);
		if (!org) throw new Error(`Seed: client ${client.clientId} names unknown organization ${client.organization}`);
		clients.set(String(client.clientId), {
			clientId: String(client.clientId),
			clientSecret: String(client.clientSecret),
			organizationId: org.id,
			scopes: [...(client.scopes || [])],
		});
	}
	return {
		organizations,
		clients,
		tokenLifetimeSeconds: Number(seed.tokenLifetimeSeconds || 3600),
	};
}

/** By GUID or (case-insensitive) name. */
function findOrganization(state, nameOrId) {
	if (!nameOrId) return undefined;
	const key = String(nameOrId).toLowerCase();
	if (state.organizations.has(key)) return state.organizations.get(key);
	for (const org of state.organizations.values()) {
		if (org.name.toLowerCase() === key) return org;
	}
	return undefined;
}

function userDto(user) {
	return {
		id: user.id,
		userName: user.userName,
		email: user.email,
		emailConfirmed: user.emailConfirmed,
		name: user.name,
		surname: user.surname,
		displayName: user.displayName,
		creationTime: user.creationTime,
		lastModificationTime: user.lastModificationTime,
		lastLoginTime: user.lastLoginTime,
		groupIDs: [...user.groupIDs],
		legacyId: user.legacyId,
		isActive: user.isActive,
		bypassBasicAuthRestriction: user.bypassBasicAuthRestriction,
		type: user.type,
		category: user.category,
		invitationAccepted: user.invitationAccepted,
	};
}

function groupDto(group) {
	return {
		id: group.id,
		name: group.name,
		displayName: group.name,
		type: group.type,
		creationTime: group.creationTime,
		lastModificationTime: group.lastModificationTime,
		// Live UiPath returns `members` but always empty (reference 4.2); use /Members instead.
		members: [],
	};
}

function robotAccountDto(robot) {
	return {
		id: robot.id,
		name: robot.name,
		displayName: robot.displayName,
		creationTime: robot.creationTime,
		lastLoginTime: robot.lastLoginTime,
		groupIds: [...robot.groupIds],
	};
}

function settingDto(setting) {
	return { ...setting };
}

/** ASP.NET Identity style password validation; returns IdentityResult errors. */
function passwordErrors(policy, password) {
	const errors = [];
	const text = String(password ?? '');
	if (text.length < policy.minLength) {
		errors.push({ code: 'PasswordTooShort', description: `Passwords must be at least ${policy.minLength} characters.` });
	}
	if (policy.requireNonAlphanumeric && !/[^a-zA-Z0-9]/.test(text)) {
		errors.push({ code: 'PasswordRequiresNonAlphanumeric', description: 'Passwords must have at least one non alphanumeric character.' });
	}
	if (policy.requireDigit && !/[0-9]/.test(text)) {
		errors.push({ code: 'PasswordRequiresDigit', description: "Passwords must have at least one digit ('0'-'9')." });
	}
	if (policy.requireLowercase && !/[a-z]/.test(text)) {
		errors.push({ code: 'PasswordRequiresLower', description: "Passwords must have at least one lowercase ('a'-'z')." });
	}
	if (policy.requireUppercase && !/[A-Z]/.test(text)) {
		errors.push({ code: 'PasswordRequiresUpper', description: "Passwords must have at least one uppercase ('A'-'Z')." });
	}
	return errors;
}

function newId() {
	return crypto.randomUUID();
}

module.exports = {
	GUID,
	USER_TYPE,
	USER_CATEGORY,
	GROUP_TYPE,
	isGuid,
	nowIso,
	clone,
	buildState,
	findOrganization,
	userDto,
	groupDto,
	robotAccountDto,
	settingDto,
	passwordErrors,
	newId,
};
