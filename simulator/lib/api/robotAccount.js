'use strict';

// Robot accounts (reference 4.3): node side in nodes/UiPathIdentity/actions/robotAccount/.

const { problem } = require('../http');
const { parseJsonBody, paging, page } = require('../validate');
const { nowIso, robotAccountDto, newId } = require('../store');
const { GUIDISH, ok, noContent, partition, findRobot, addUnique, removeAll } = require('./common');
const { unknownGroupIds, groupError } = require('./identityErrors');

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

const routes = [
	['GET', `^/RobotAccount/${GUIDISH}$`, 'RobotAccount', listRobots],
	['GET', `^/RobotAccount/${GUIDISH}/${GUIDISH}$`, 'RobotAccount', getRobot],
	['POST', '^/RobotAccount$', 'RobotAccount', createRobot],
	['PUT', `^/RobotAccount/${GUIDISH}$`, 'RobotAccount', updateRobot],
	['DELETE', `^/RobotAccount/${GUIDISH}/${GUIDISH}$`, 'RobotAccount', deleteRobot],
	['DELETE', `^/RobotAccount/${GUIDISH}$`, 'RobotAccount', deleteRobots],
];

module.exports = { routes };
