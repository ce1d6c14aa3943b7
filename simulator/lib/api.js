'use strict';

// The Identity API endpoints of reference sections 4.1–4.5, relative to an Identity API base
// (`/{org}/identity_`, `/identity_` or `/identity`). Each route names the scope family it needs;
// the server checks bearer token and scope before calling the handler.

const { HttpError, problem, notFound, forbidden } = require('./http');
const { parseJsonBody, paging, page, guidParam } = require('./validate');
const {
	USER_TYPE,
	USER_CATEGORY,
	GROUP_TYPE,
	isGuid,
	nowIso,
	userDto,
	groupDto,
	robotAccountDto,
	settingDto,
	passwordErrors,
	newId,
} = require('./store');

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

function ok(body, status = 200) {
	return { status, body };
}

function noContent() {
	return { status: 204 };
}

function identityResult(errors) {
	return { succeeded: errors.length === 0, errors };
}

/** The partition in a path or body must be the organization of the token. */
function partition(ctx, value, name = 'partitionGlobalId') {
	const id = guidParam(value, name);
	if (id !== ctx.org.id) {
		throw forbidden(`The caller is not allowed to access partition '${id}'.`);
	}
	return id;
}

function findUser(ctx, id) {
	const user = ctx.org.users.get(guidParam(id, 'userId'));
	if (!user) throw notFound();
	return user;
}

function findGroup(ctx, id) {
	const group = ctx.org.groups.get(guidParam(id, 'groupId'));
	if (!group) throw notFound();
	return group;
}

function findRobot(ctx, id) {
	const robot = ctx.org.robotAccounts.get(guidParam(id, 'robotAccountId'));
	if (!robot) throw notFound();
	return robot;
}

function unknownGroupIds(ctx, ids) {
	return (ids || []).filter((id) => !ctx.org.groups.has(id.toLowerCase()));
}

function groupError(ids) {
	return { code: 'InvalidGroup', description: `Group(s) '${ids.join(', ')}' do(es) not exist in the organization.` };
}

function duplicateErrors(ctx, { userName, email }, exceptId) {
	const errors = [];
	for (const user of ctx.org.users.values()) {
		if (user.id === exceptId) continue;
		if (userName && user.userName.toLowerCase() === userName.toLowerCase()) {
			errors.push({ code: 'DuplicateUserName', description: `Username '${userName}' is already taken.` });
		}
		if (email && user.email && user.email.toLowerCase() === email.toLowerCase()) {
			errors.push({ code: 'DuplicateEmail', description: `Email '${email}' is already taken.` });
		}
	}
	return errors;
}

function userNameErrors(userName) {
	if (!userName || /\s/.test(userName)) {
		return [{ code: 'InvalidUserName', description: `Username '${userName || ''}' is invalid, can only contain letters or digits.` }];
	}
	return [];
}

function emailErrors(email) {
	if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
		return [{ code: 'InvalidEmail', description: `Email '${email}' is invalid.` }];
	}
	return [];
}

function addUnique(list, ids) {
	for (const id of ids || []) {
		const lower = id.toLowerCase();
		if (!list.includes(lower)) list.push(lower);
	}
}

function removeAll(list, ids) {
	const drop = new Set((ids || []).map((id) => id.toLowerCase()));
	return list.filter((id) => !drop.has(id));
}

function newUser(ctx, fields) {
	const time = nowIso();
	return {
		id: (fields.id || newId()).toLowerCase(),
		userName: fields.userName || fields.email || '',
		email: fields.email || '',
		emailConfirmed: false,
		name: fields.name || '',
		surname: fields.surname || '',
		displayName: fields.displayName || [fields.name, fields.surname].filter(Boolean).join(' ') || fields.userName || fields.email || '',
		creationTime: time,
		lastModificationTime: time,
		lastLoginTime: null,
		groupIDs: [],
		legacyId: ctx.org.nextLegacyId++,
		isActive: true,
		bypassBasicAuthRestriction: Boolean(fields.bypassBasicAuthRestriction),
		type: typeof fields.type === 'number' ? fields.type : USER_TYPE.user,
		category: USER_CATEGORY.local,
		invitationAccepted: fields.invitationAccepted !== undefined ? Boolean(fields.invitationAccepted) : false,
		extensionUserAttributes: {},
		password: null,
		loginAttempts: [],
	};
}

const USER_BASE_SCHEMA = {
	id: 'guid',
	userName: 'string',
	email: 'string',
	name: 'string',
	surname: 'string',
	displayName: 'string',
	type: 'int',
	bypassBasicAuthRestriction: 'boolean',
	legacyId: 'int',
	invitationAccepted: 'boolean',
};

// ---- Users (4.1) -------------------------------------------------------------------------------

function listUsers(ctx, [pgid]) {
	partition(ctx, pgid);
	const options = paging(ctx.query);
	const term = (ctx.query.get('searchTerm') || '').toLowerCase();
	const users = [...ctx.org.users.values()]
		.filter((user) => !term || [user.userName, user.email, user.name, user.surname, user.displayName].some((field) => String(field).toLowerCase().includes(term)))
		.map(userDto);
	return ok(page(users, options));
}

function getUser(ctx, [id]) {
	return ok(userDto(findUser(ctx, id)));
}

function createUser(ctx) {
	const body = parseJsonBody(ctx.rawBody, {
		schema: { ...USER_BASE_SCHEMA, partitionGlobalId: 'guid', password: 'string', validatePassword: 'boolean', groupIDs: 'guid[]', userLogins: 'array' },
		required: ['partitionGlobalId'],
	});
	partition(ctx, body.partitionGlobalId);
	const errors = [
		...userNameErrors(body.userName || body.email),
		...emailErrors(body.email),
		...duplicateErrors(ctx, { userName: body.userName || body.email, email: body.email }),
	];
	if (body.id && ctx.org.users.has(body.id.toLowerCase())) {
		errors.push({ code: 'DuplicateUserId', description: `A user with id '${body.id}' already exists.` });
	}
	const missingGroups = unknownGroupIds(ctx, body.groupIDs);
	if (missingGroups.length) errors.push(groupError(missingGroups));
	if (body.password && body.validatePassword !== false) errors.push(...passwordErrors(ctx.org.passwordPolicy, body.password));
	if (errors.length) return ok(identityResult(errors), 400);
	const user = newUser(ctx, body);
	if (body.password) user.password = body.password;
	addUnique(user.groupIDs, body.groupIDs);
	ctx.org.users.set(user.id, user);
	return ok(identityResult([]));
}

function bulkCreateUsers(ctx) {
	const body = parseJsonBody(ctx.rawBody, {
		schema: { users: 'array', partitionGlobalId: 'guid', groupIDs: 'guid[]' },
		required: ['partitionGlobalId', 'users'],
	});
	partition(ctx, body.partitionGlobalId);
	const errors = [];
	const seen = [];
	body.users.forEach((entry, index) => {
		if (!entry || typeof entry !== 'object') {
			errors.push({ code: 'DefaultError', description: `users[${index}] is not an object.` });
			return;
		}
		for (const [field, type] of Object.entries(USER_BASE_SCHEMA)) {
			const value = entry[field];
			if (value === undefined || value === null) continue;
			const bad =
				(type === 'string' && typeof value !== 'string') ||
				(type === 'boolean' && typeof value !== 'boolean') ||
				(type === 'int' && !Number.isInteger(value)) ||
				(type === 'guid' && !isGuid(value));
			if (bad) throw problem({ [`users[${index}].${field}`]: [`Error converting value ${JSON.stringify(value)}. Path 'users[${index}].${field}'.`] });
		}
		const userName = entry.userName || entry.email;
		errors.push(...userNameErrors(userName), ...emailErrors(entry.email), ...duplicateErrors(ctx, { userName, email: entry.email }));
		for (const other of seen) {
			if (userName && other.toLowerCase() === userName.toLowerCase()) {
				errors.push({ code: 'DuplicateUserName', description: `Username '${userName}' is already taken.` });
			}
		}
		seen.push(userName || '');
	});
	const missingGroups = unknownGroupIds(ctx, body.groupIDs);
	if (missingGroups.length) errors.push(groupError(missingGroups));
	// Live UiPath refuses the whole batch with HTTP 200 and reports why in `result` (reference 4.1).
	if (errors.length) return ok({ result: identityResult(errors), users: [] });
	const created = body.users.map((entry) => {
		const user = newUser(ctx, entry);
		addUnique(user.groupIDs, body.groupIDs);
		ctx.org.users.set(user.id, user);
		return userDto(user);
	});
	return ok({ result: identityResult([]), users: created });
}

function inviteUsers(ctx) {
	const invites = parseJsonBody(ctx.rawBody, { kind: 'array' });
	const users = invites.map((invite) => {
		const email = invite && typeof invite.email === 'string' ? invite.email : '';
		const fail = (errorMsg) => ({ email, id: EMPTY_GUID, errorMsg, success: false });
		if (!email || emailErrors(email).length) return fail(`Email '${email}' is invalid.`);
		if (typeof invite.redirectUrl !== 'string' || !/\/portal_\/acceptInvite\b/.test(invite.redirectUrl)) {
			return fail('Redirect URL is not valid');
		}
		if (duplicateErrors(ctx, { userName: email, email }).length) return fail(`User with email '${email}' already exists.`);
		const missingGroups = unknownGroupIds(ctx, invite.groupIDs);
		if (missingGroups.length) return fail(groupError(missingGroups).description);
		const user = newUser(ctx, { email, userName: email, name: invite.name, surname: invite.surname, invitationAccepted: false });
		addUnique(user.groupIDs, invite.groupIDs);
		ctx.org.users.set(user.id, user);
		return { email, id: user.id, errorMsg: null, success: true };
	});
	return ok({ result: identityResult([]), users });
}

function updateUser(ctx, [id]) {
	const user = findUser(ctx, id);
	const body = parseJsonBody(ctx.rawBody, {
		schema: {
			name: 'string',
			surname: 'string',
			displayName: 'string',
			email: 'string',
			isActive: 'boolean',
			password: 'string',
			groupIDsToAdd: 'guid[]',
			groupIDsToRemove: 'guid[]',
			bypassBasicAuthRestriction: 'boolean',
			invitationAccepted: 'boolean',
			extensionUserAttributesToAddOrUpdate: 'map',
			extensionUserAttributesToRemove: 'string[]',
		},
	});
	const errors = [];
	if (typeof body.email === 'string' && body.email !== user.email) {
		errors.push(...emailErrors(body.email), ...duplicateErrors(ctx, { email: body.email }, user.id));
	}
	const missingGroups = unknownGroupIds(ctx, body.groupIDsToAdd);
	if (missingGroups.length) errors.push(groupError(missingGroups));
	if (typeof body.password === 'string') errors.push(...passwordErrors(ctx.org.passwordPolicy, body.password));
	if (errors.length) return ok(identityResult(errors), 400);
	// null or absent means "unchanged" (reference 4.0).
	for (const field of ['name', 'surname', 'displayName', 'email', 'isActive', 'bypassBasicAuthRestriction', 'invitationAccepted']) {
		if (body[field] !== undefined && body[field] !== null) user[field] = body[field];
	}
	if (typeof body.password === 'string') user.password = body.password;
	addUnique(user.groupIDs, body.groupIDsToAdd);
	user.groupIDs = removeAll(user.groupIDs, body.groupIDsToRemove);
	Object.assign(user.extensionUserAttributes, body.extensionUserAttributesToAddOrUpdate || {});
	for (const key of body.extensionUserAttributesToRemove || []) delete user.extensionUserAttributes[key];
	user.lastModificationTime = nowIso();
	return ok(identityResult([]));
}

function changePassword(ctx, [id]) {
	const user = findUser(ctx, id);
	const body = parseJsonBody(ctx.rawBody, {
		schema: { oldPassword: 'string', newPassword: 'string' },
		required: ['oldPassword', 'newPassword'],
	});
	if (user.password === null || user.password !== body.oldPassword) {
		return ok(identityResult([{ code: 'PasswordMismatch', description: 'Incorrect password.' }]), 400);
	}
	const errors = passwordErrors(ctx.org.passwordPolicy, body.newPassword);
	if (errors.length) return ok(identityResult(errors), 400);
	user.password = body.newPassword;
	user.lastModificationTime = nowIso();
	return ok(identityResult([]));
}

function deleteUser(ctx, [id]) {
	const user = findUser(ctx, id);
	ctx.org.users.delete(user.id);
	return noContent();
}

function deleteUsers(ctx) {
	const body = parseJsonBody(ctx.rawBody, { schema: { partitionGlobalId: 'guid', userIds: 'guid[]' }, required: ['partitionGlobalId', 'userIds'] });
	partition(ctx, body.partitionGlobalId);
	for (const userId of body.userIds) ctx.org.users.delete(userId.toLowerCase());
	return noContent();
}

function loginAttempts(ctx, [id]) {
	const user = findUser(ctx, id);
	return ok(page(user.loginAttempts, paging(ctx.query)));
}

// ---- Groups (4.2) ------------------------------------------------------------------------------

function groupMembers(ctx, groupId) {
	const members = [];
	for (const user of ctx.org.users.values()) {
		if (user.groupIDs.includes(groupId)) members.push({ id: user.id, type: user.type });
	}
	for (const robot of ctx.org.robotAccounts.values()) {
		if (robot.groupIds.includes(groupId)) members.push({ id: robot.id, type: USER_TYPE.robotAccount });
	}
	return members;
}

function listGroups(ctx, [pgid]) {
	partition(ctx, pgid);
	return ok([...ctx.org.groups.values()].map(groupDto));
}

function getGroup(ctx, [pgid, groupId]) {
	partition(ctx, pgid);
	return ok(groupDto(findGroup(ctx, groupId)));
}

function listGroupMembers(ctx, [pgid, groupId]) {
	partition(ctx, pgid);
	const group = findGroup(ctx, groupId);
	return ok(page(groupMembers(ctx, group.id), paging(ctx.query)));
}

function nameTaken(ctx, name, exceptId) {
	return [...ctx.org.groups.values()].some((group) => group.id !== exceptId && group.name.toLowerCase() === name.toLowerCase());
}

function setMembership(ctx, groupId, addIds, removeIds) {
	for (const memberId of addIds || []) {
		const user = ctx.org.users.get(memberId.toLowerCase());
		const robot = ctx.org.robotAccounts.get(memberId.toLowerCase());
		if (user) addUnique(user.groupIDs, [groupId]);
		else if (robot) addUnique(robot.groupIds, [groupId]);
		else throw problem({ directoryUserIDs: [`Directory entity '${memberId}' was not found.`] });
	}
	for (const memberId of removeIds || []) {
		const user = ctx.org.users.get(memberId.toLowerCase());
		const robot = ctx.org.robotAccounts.get(memberId.toLowerCase());
		if (user) user.groupIDs = removeAll(user.groupIDs, [groupId]);
		if (robot) robot.groupIds = removeAll(robot.groupIds, [groupId]);
	}
}

function createGroup(ctx) {
	const body = parseJsonBody(ctx.rawBody, {
		schema: { partitionGlobalId: 'guid', id: 'guid', name: 'string', directoryUserMemberIDs: 'guid[]' },
		required: ['partitionGlobalId', 'id', 'name'],
	});
	partition(ctx, body.partitionGlobalId);
	const id = body.id.toLowerCase();
	if (ctx.org.groups.has(id)) throw problem({ id: [`A group with id '${body.id}' already exists.`] });
	if (nameTaken(ctx, body.name)) throw problem({ name: [`A group named '${body.name}' already exists.`] });
	const time = nowIso();
	const group = { id, name: body.name, type: GROUP_TYPE.custom, creationTime: time, lastModificationTime: time };
	ctx.org.groups.set(id, group);
	try {
		setMembership(ctx, id, body.directoryUserMemberIDs, []);
	} catch (error) {
		ctx.org.groups.delete(id);
		throw error;
	}
	return ok(groupDto(group), 201);
}

function updateGroup(ctx, [groupId]) {
	const group = findGroup(ctx, groupId);
	const body = parseJsonBody(ctx.rawBody, {
		schema: { partitionGlobalId: 'guid', name: 'string', directoryUserIDsToAdd: 'guid[]', directoryUserIDsToRemove: 'guid[]' },
		required: ['partitionGlobalId', 'name'],
	});
	partition(ctx, body.partitionGlobalId);
	if (group.type === GROUP_TYPE.builtIn && body.name !== group.name) {
		throw problem({ name: [`The built-in group '${group.name}' cannot be renamed.`] });
	}
	if (nameTaken(ctx, body.name, group.id)) throw problem({ name: [`A group named '${body.name}' already exists.`] });
	setMembership(ctx, group.id, body.directoryUserIDsToAdd, body.directoryUserIDsToRemove);
	group.name = body.name;
	group.lastModificationTime = nowIso();
	return ok(groupDto(group));
}

function dropGroup(ctx, group) {
	if (group.type === GROUP_TYPE.builtIn) {
		throw problem({ groupId: [`The built-in group '${group.name}' cannot be deleted.`] });
	}
	setMembership(ctx, group.id, [], groupMembers(ctx, group.id).map((member) => member.id));
	ctx.org.groups.delete(group.id);
}

function deleteGroup(ctx, [pgid, groupId]) {
	partition(ctx, pgid);
	dropGroup(ctx, findGroup(ctx, groupId));
	return noContent();
}

function deleteGroups(ctx, [pgid]) {
	partition(ctx, pgid);
	const body = parseJsonBody(ctx.rawBody, { schema: { groupIDs: 'guid[]' }, required: ['groupIDs'] });
	const groups = body.groupIDs.map((id) => ctx.org.groups.get(id.toLowerCase())).filter(Boolean);
	const builtIn = groups.find((group) => group.type === GROUP_TYPE.builtIn);
	if (builtIn) throw problem({ groupIDs: [`The built-in group '${builtIn.name}' cannot be deleted.`] });
	for (const group of groups) dropGroup(ctx, group);
	return noContent();
}

// ---- Robot accounts (4.3) ----------------------------------------------------------------------

function listRobots(ctx, [pgid]) {
	partition(ctx, pgid);
	const term = (ctx.query.get('searchTerm') || '').toLowerCase();
	const robots = [...ctx.org.robotAccounts.values()]
		.filter((robot) => !term || robot.name.toLowerCase().includes(term) || robot.displayName.toLowerCase().includes(term))
		.map(robotAccountDto);
	return ok(page(robots, paging(ctx.query)));
}

function getRobot(ctx, [pgid, robotId]) {
	partition(ctx, pgid);
	return ok(robotAccountDto(findRobot(ctx, robotId)));
}

function createRobot(ctx) {
	const body = parseJsonBody(ctx.rawBody, {
		schema: { partitionGlobalId: 'guid', name: 'string', displayName: 'string', groupIDsToAdd: 'guid[]' },
		required: ['partitionGlobalId', 'name'],
	});
	partition(ctx, body.partitionGlobalId);
	const taken = [...ctx.org.robotAccounts.values()].some((robot) => robot.name.toLowerCase() === body.name.toLowerCase());
	if (taken) throw problem({ name: [`A robot account named '${body.name}' already exists.`] });
	const missingGroups = unknownGroupIds(ctx, body.groupIDsToAdd);
	if (missingGroups.length) throw problem({ groupIDsToAdd: [groupError(missingGroups).description] });
	const robot = {
		id: newId(),
		name: body.name,
		displayName: body.displayName || body.name,
		creationTime: nowIso(),
		lastLoginTime: null,
		groupIds: [],
	};
	addUnique(robot.groupIds, body.groupIDsToAdd);
	ctx.org.robotAccounts.set(robot.id, robot);
	return ok(robotAccountDto(robot), 201);
}

function updateRobot(ctx, [robotId]) {
	const robot = findRobot(ctx, robotId);
	const body = parseJsonBody(ctx.rawBody, {
		schema: { partitionGlobalId: 'guid', displayName: 'string', groupIDsToAdd: 'guid[]', groupIDsToRemove: 'guid[]' },
		required: ['partitionGlobalId'],
	});
	partition(ctx, body.partitionGlobalId);
	const missingGroups = unknownGroupIds(ctx, body.groupIDsToAdd);
	if (missingGroups.length) throw problem({ groupIDsToAdd: [groupError(missingGroups).description] });
	if (typeof body.displayName === 'string') robot.displayName = body.displayName;
	addUnique(robot.groupIds, body.groupIDsToAdd);
	robot.groupIds = removeAll(robot.groupIds, body.groupIDsToRemove);
	return ok(robotAccountDto(robot));
}

function deleteRobot(ctx, [pgid, robotId]) {
	partition(ctx, pgid);
	const robot = findRobot(ctx, robotId);
	ctx.org.robotAccounts.delete(robot.id);
	return noContent();
}

function deleteRobots(ctx, [pgid]) {
	partition(ctx, pgid);
	const body = parseJsonBody(ctx.rawBody, { schema: { robotAccountIDs: 'guid[]' }, required: ['robotAccountIDs'] });
	for (const id of body.robotAccountIDs) ctx.org.robotAccounts.delete(id.toLowerCase());
	return noContent();
}

// ---- Directory (4.4) ---------------------------------------------------------------------------

function directoryEntries(ctx) {
	const entries = [];
	for (const user of ctx.org.users.values()) {
		entries.push({
			source: user.category === USER_CATEGORY.directory ? 'directory' : 'local',
			sourceFilter: user.category === USER_CATEGORY.directory ? 'directoryUsers' : 'localUsers',
			entityType: 'user',
			identifier: user.id,
			identityName: user.userName,
			displayName: user.displayName,
			email: user.email,
			domain: null,
			type: 0,
			objectType: 'DirectoryUser',
		});
	}
	for (const robot of ctx.org.robotAccounts.values()) {
		entries.push({
			source: 'local',
			sourceFilter: 'robotAccounts',
			entityType: 'user',
			identifier: robot.id,
			identityName: robot.name,
			displayName: robot.displayName,
			email: '',
			domain: null,
			type: 0,
			objectType: 'DirectoryRobotUser',
		});
	}
	for (const group of ctx.org.groups.values()) {
		entries.push({
			source: 'local',
			sourceFilter: 'localGroups',
			entityType: 'group',
			identifier: group.id,
			identityName: group.name,
			displayName: group.name,
			email: '',
			domain: null,
			type: 1,
			objectType: 'DirectoryGroup',
		});
	}
	return entries;
}

function publicEntry(entry) {
	const { sourceFilter, entityType, ...rest } = entry;
	void sourceFilter;
	void entityType;
	return rest;
}

const ENTITY_TYPES = ['user', 'group', 'application'];
const SOURCE_FILTERS = ['localUsers', 'directoryUsers', 'localGroups', 'directoryGroups', 'robotAccounts', 'applications'];

function directorySearch(ctx, [pgid]) {
	partition(ctx, pgid);
	const startsWith = (ctx.query.get('startsWith') || '').toLowerCase();
	const entityType = ctx.query.get('entityType');
	if (entityType && !ENTITY_TYPES.includes(entityType)) {
		throw problem({ entityType: [`The value '${entityType}' is not valid for EntityType.`] });
	}
	const sources = ctx.query.getAll('sourceFilter');
	const badSource = sources.find((source) => !SOURCE_FILTERS.includes(source));
	if (badSource) throw problem({ sourceFilter: [`The value '${badSource}' is not valid for SourceFilter.`] });
	const found = directoryEntries(ctx).filter(
		(entry) =>
			(!entityType || entry.entityType === entityType) &&
			(!sources.length || sources.includes(entry.sourceFilter)) &&
			(!startsWith || [entry.identityName, entry.displayName, entry.email].some((field) => String(field || '').toLowerCase().startsWith(startsWith))),
	);
	return ok(found.map(publicEntry));
}

function groupMembership(ctx, [pgid]) {
	partition(ctx, pgid);
	const body = parseJsonBody(ctx.rawBody, { schema: { userId: 'guid', groupIds: 'guid[]' }, required: ['userId', 'groupIds'] });
	const user = ctx.org.users.get(body.userId.toLowerCase());
	const robot = ctx.org.robotAccounts.get(body.userId.toLowerCase());
	const memberOf = user ? user.groupIDs : robot ? robot.groupIds : [];
	const groups = body.groupIds
		.map((id) => ctx.org.groups.get(id.toLowerCase()))
		.filter((group) => group && memberOf.includes(group.id));
	return ok(
		groups.map((group) => ({
			objectType: 'DirectoryGroup',
			externalId: null,
			source: 'local',
			identifier: group.id,
			name: group.name,
			email: '',
			displayName: group.name,
		})),
	);
}

function resolveName(ctx, name, entityType) {
	if (!ENTITY_TYPES.includes(entityType)) {
		throw problem({ entityType: [`Error converting value "${entityType}" to type 'EntityType'. Path 'entityType'.`] });
	}
	const entry = directoryEntries(ctx).find(
		(candidate) =>
			candidate.entityType === entityType &&
			[candidate.identityName, candidate.email].some((field) => field && String(field).toLowerCase() === String(name).toLowerCase()),
	);
	return entry ? publicEntry(entry) : null;
}

function resolveByName(ctx, [pgid]) {
	partition(ctx, pgid);
	const body = parseJsonBody(ctx.rawBody, { schema: { entityName: 'string', entityType: 'string' }, required: ['entityName', 'entityType'] });
	const entry = resolveName(ctx, body.entityName, body.entityType);
	if (!entry) throw notFound();
	return ok(entry);
}

function bulkResolveByName(ctx, [pgid]) {
	partition(ctx, pgid);
	const body = parseJsonBody(ctx.rawBody, { schema: { entityNames: 'string[]', entityType: 'string' }, required: ['entityNames', 'entityType'] });
	if (body.entityNames.length > 20) {
		throw new HttpError(400, {
			StatusCode: 400,
			StatusDescription: 'BadRequest',
			Message: 'entityNames size is larger that maximum supported value of 20',
		});
	}
	const result = {};
	for (const name of body.entityNames) result[name] = resolveName(ctx, name, body.entityType);
	return ok(result);
}

// ---- Settings (4.5) ----------------------------------------------------------------------------

function settingScope(ctx, partitionGlobalId, userId) {
	if (!partitionGlobalId) {
		// Without a partition the host partition is addressed, which an external app may not touch.
		throw forbidden('Access to the host partition is not allowed for this client.');
	}
	const pgid = partition(ctx, partitionGlobalId);
	const user = userId ? guidParam(userId, 'userId') : null;
	return { pgid, user };
}

function getSettings(ctx) {
	const { user } = settingScope(ctx, ctx.query.get('partitionGlobalId'), ctx.query.get('userId'));
	const keys = ctx.query.getAll('key');
	const found = ctx.org.settings.filter((setting) => keys.includes(setting.key) && setting.userId === user);
	return ok(found.map(settingDto));
}

function updateSettings(ctx) {
	const body = parseJsonBody(ctx.rawBody, {
		schema: { settings: 'array', partitionGlobalId: 'guid', userId: 'guid' },
		required: ['settings'],
	});
	const { pgid, user } = settingScope(ctx, body.partitionGlobalId, body.userId);
	const updated = body.settings.map((entry, index) => {
		if (!entry || typeof entry.key !== 'string' || !entry.key) {
			throw problem({ [`settings[${index}].key`]: ['The Key field is required.'] });
		}
		if (entry.value !== null && entry.value !== undefined && typeof entry.value !== 'string') {
			throw problem({ [`settings[${index}].value`]: [`Error converting value ${JSON.stringify(entry.value)} to type 'System.String'. Path 'settings[${index}].value'.`] });
		}
		let setting = ctx.org.settings.find((candidate) => candidate.key === entry.key && candidate.userId === user);
		if (!setting) {
			setting = { id: ctx.org.nextSettingId++, key: entry.key, value: '', partitionGlobalId: pgid, userId: user };
			ctx.org.settings.push(setting);
		}
		setting.value = entry.value === null || entry.value === undefined ? '' : entry.value;
		return settingDto(setting);
	});
	return ok(updated);
}

// ---- Route table -------------------------------------------------------------------------------

const GUIDISH = '([^/]+)';

/** [method, path regex relative to /api, scope family, handler]. ASP.NET routes ignore case. */
const ROUTES = [
	['GET', `^/User/users/${GUIDISH}$`, 'User', listUsers],
	['POST', '^/User/BulkCreate$', 'User', bulkCreateUsers],
	['POST', '^/User/InviteUsers$', 'User', inviteUsers],
	['GET', `^/User/${GUIDISH}/loginAttempts$`, 'UserLoginAttempt', loginAttempts],
	['POST', `^/User/${GUIDISH}/changepassword$`, 'User', changePassword],
	['GET', `^/User/${GUIDISH}$`, 'User', getUser],
	['PUT', `^/User/${GUIDISH}$`, 'User', updateUser],
	['DELETE', `^/User/${GUIDISH}$`, 'User', deleteUser],
	['POST', '^/User$', 'User', createUser],
	['DELETE', '^/User$', 'User', deleteUsers],

	['GET', `^/Group/${GUIDISH}$`, 'Group', listGroups],
	['GET', `^/Group/${GUIDISH}/${GUIDISH}/Members$`, 'Group', listGroupMembers],
	['GET', `^/Group/${GUIDISH}/${GUIDISH}$`, 'Group', getGroup],
	['POST', '^/Group$', 'Group', createGroup],
	['PUT', `^/Group/${GUIDISH}$`, 'Group', updateGroup],
	['DELETE', `^/Group/${GUIDISH}/${GUIDISH}$`, 'Group', deleteGroup],
	['DELETE', `^/Group/${GUIDISH}$`, 'Group', deleteGroups],

	['GET', `^/RobotAccount/${GUIDISH}$`, 'RobotAccount', listRobots],
	['GET', `^/RobotAccount/${GUIDISH}/${GUIDISH}$`, 'RobotAccount', getRobot],
	['POST', '^/RobotAccount$', 'RobotAccount', createRobot],
	['PUT', `^/RobotAccount/${GUIDISH}$`, 'RobotAccount', updateRobot],
	['DELETE', `^/RobotAccount/${GUIDISH}/${GUIDISH}$`, 'RobotAccount', deleteRobot],
	['DELETE', `^/RobotAccount/${GUIDISH}$`, 'RobotAccount', deleteRobots],

	['GET', `^/Directory/Search/${GUIDISH}$`, 'Directory', directorySearch],
	['POST', `^/Directory/GroupMembership/${GUIDISH}$`, 'Directory', groupMembership],
	['POST', `^/Directory/ResolveByName/${GUIDISH}$`, 'Directory', resolveByName],
	['POST', `^/Directory/BulkResolveByName/${GUIDISH}$`, 'Directory', bulkResolveByName],

	['GET', '^/Setting$', 'Setting', getSettings],
	['PUT', '^/Setting$', 'Setting', updateSettings],
].map(([method, pattern, scope, handler]) => ({ method, pattern: new RegExp(pattern, 'i'), scope, handler }));

/** Finds the route for `/api/...` (path after `/api`). `{ route, params }`, `{ methodNotAllowed }` or undefined. */
function matchRoute(method, apiPath) {
	let pathMatched = false;
	for (const route of ROUTES) {
		const match = route.pattern.exec(apiPath);
		if (!match) continue;
		pathMatched = true;
		if (route.method === method) return { route, params: match.slice(1).map(decodeURIComponent) };
	}
	return pathMatched ? { methodNotAllowed: true } : undefined;
}

module.exports = { matchRoute, ROUTES };
