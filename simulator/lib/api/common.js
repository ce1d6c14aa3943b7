'use strict';

// Helpers shared by the resource modules of the simulated Identity API: answer shapes, the
// partition check, lookups that answer 404, and the IdentityResult error lists UiPath returns.

const { notFound, forbidden } = require('../http');
const { guidParam } = require('../validate');

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


/** A request path segment written as a route regex group (ASP.NET routes ignore case). */
const GUIDISH = '([^/]+)';

module.exports = {
	EMPTY_GUID,
	GUIDISH,
	ok,
	noContent,
	identityResult,
	partition,
	findUser,
	findGroup,
	findRobot,
	unknownGroupIds,
	groupError,
	duplicateErrors,
	userNameErrors,
	emailErrors,
	addUnique,
	removeAll,
};
