'use strict';

// Users (reference 4.1): node side in nodes/UiPathIdentity/actions/user/.

const { problem, notFound } = require('../http');
const { parseJsonBody, paging, page } = require('../validate');
const { USER_TYPE, USER_CATEGORY, isGuid, nowIso, userDto, passwordErrors, newId } = require('../store');
const { EMPTY_GUID, GUIDISH, ok, noContent, partition, findUser, addUnique, removeAll } = require('./common');
const { identityResult, unknownGroupIds, groupError, duplicateErrors, userNameErrors, emailErrors } = require('./identityErrors');

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

// Standalone Orchestrator lists users through UserPartition (reference 0.1 item 1: UiPath's
// PowerShell module says standalone requires it); it does not answer the Cloud route, so the
// simulator's standalone shape answers 404 there and a node that uses the wrong route fails.
const listPartitionUsers = listUsers;

function listCloudUsers(ctx, params) {
	if (ctx.shape === 'standalone') throw notFound();
	return listUsers(ctx, params);
}

const routes = [
	['GET', `^/User/users/${GUIDISH}$`, 'User', listCloudUsers],
	['GET', `^/UserPartition/users/${GUIDISH}$`, 'User', listPartitionUsers],
	['POST', '^/User/BulkCreate$', 'User', bulkCreateUsers],
	['POST', '^/User/InviteUsers$', 'User', inviteUsers],
	['GET', `^/User/${GUIDISH}/loginAttempts$`, 'UserLoginAttempt', loginAttempts],
	['POST', `^/User/${GUIDISH}/changepassword$`, 'User', changePassword],
	['GET', `^/User/${GUIDISH}$`, 'User', getUser],
	['PUT', `^/User/${GUIDISH}$`, 'User', updateUser],
	['DELETE', `^/User/${GUIDISH}$`, 'User', deleteUser],
	['POST', '^/User$', 'User', createUser],
	['DELETE', '^/User$', 'User', deleteUsers],
];

module.exports = { routes, newUser };
