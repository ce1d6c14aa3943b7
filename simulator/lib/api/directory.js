'use strict';

// Directory (reference 4.4): node side in nodes/UiPathIdentity/actions/directory/.

const { HttpError, problem, notFound } = require('../http');
const { parseJsonBody } = require('../validate');
const { USER_CATEGORY } = require('../store');
const { GUIDISH, ok, partition } = require('./common');

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

const routes = [
	['GET', `^/Directory/Search/${GUIDISH}$`, 'User', directorySearch],
	['POST', `^/Directory/GroupMembership/${GUIDISH}$`, 'User', groupMembership],
	['POST', `^/Directory/ResolveByName/${GUIDISH}$`, 'User', resolveByName],
	['POST', `^/Directory/BulkResolveByName/${GUIDISH}$`, 'User', bulkResolveByName],
];

module.exports = { routes };
