'use strict';

// Helpers shared by the resource modules of the simulated Identity API: answer shapes, the
// partition check, lookups that answer 404 and the group ID lists of users and robots. The
// IdentityResult errors of a refused change are in identityErrors.js.

const { notFound, forbidden } = require('../http');
const { guidParam } = require('../validate');

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

function ok(body, status = 200) {
	return { status, body };
}

function noContent() {
	return { status: 204 };
}

/** The partition in a path or body must be the organization of the token. */
function partition(ctx, value, name = 'partitionGlobalId') {
	const id = guidParam(value, name);
	if (id !== ctx.org.id) {
		throw forbidden(`The caller is not allowed to access partition '${id}'.`);
	}
	return id;
}

/** The entry under GUID `id` in one of the organization's maps: 400 when `id` is no GUID, 404 when absent. */
function findById(map, id, paramName) {
	const found = map.get(guidParam(id, paramName));
	if (!found) throw notFound();
	return found;
}

const findUser = (ctx, id) => findById(ctx.org.users, id, 'userId');
const findGroup = (ctx, id) => findById(ctx.org.groups, id, 'groupId');
const findRobot = (ctx, id) => findById(ctx.org.robotAccounts, id, 'robotAccountId');

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

module.exports = { EMPTY_GUID, GUIDISH, ok, noContent, partition, findUser, findGroup, findRobot, addUnique, removeAll };
