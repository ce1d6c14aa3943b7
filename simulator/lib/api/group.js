'use strict';

// Groups (reference 4.2): node side in nodes/UiPathIdentity/actions/group/.

const { problem } = require('../http');
const { parseJsonBody, paging, page } = require('../validate');
const { USER_TYPE, GROUP_TYPE, nowIso, groupDto } = require('../store');
const { GUIDISH, ok, noContent, partition, findGroup, addUnique, removeAll } = require('./common');

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

const routes = [
	['GET', `^/Group/${GUIDISH}$`, 'Group', listGroups],
	['GET', `^/Group/${GUIDISH}/${GUIDISH}/Members$`, 'Group', listGroupMembers],
	['GET', `^/Group/${GUIDISH}/${GUIDISH}$`, 'Group', getGroup],
	['POST', '^/Group$', 'Group', createGroup],
	['PUT', `^/Group/${GUIDISH}$`, 'Group', updateGroup],
	['DELETE', `^/Group/${GUIDISH}/${GUIDISH}$`, 'Group', deleteGroup],
	['DELETE', `^/Group/${GUIDISH}$`, 'Group', deleteGroups],
];

module.exports = { routes };
