'use strict';

// Settings (reference 4.5): node side in nodes/UiPathIdentity/actions/setting/.

const { problem, forbidden } = require('../http');
const { parseJsonBody, guidParam } = require('../validate');
const { settingDto } = require('../store');
const { ok, partition } = require('./common');

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

const routes = [
	['GET', '^/Setting$', 'Setting', getSettings],
	['PUT', '^/Setting$', 'Setting', updateSettings],
];

module.exports = { routes };
