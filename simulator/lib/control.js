'use strict';

// The test-only side of the simulator: what a test may read (state snapshot, password check,
// request log, tokens, contract violations) and change (faults, tokens, reset), both through
// startSimulator()'s helpers and over HTTP under /__control/ (docs/simulator.md, "Control endpoints").

const { HttpError, notFound } = require('./http');
const { userDto, groupDto, robotAccountDto, settingDto } = require('./store');

/** Every organization and client as the API would answer them, plus what the API never shows. */
function stateSnapshot(state) {
	return {
		organizations: [...state.organizations.values()].map((org) => ({
			id: org.id,
			name: org.name,
			users: [...org.users.values()].map((user) => ({ ...userDto(user), hasPassword: user.password !== null, extensionUserAttributes: { ...user.extensionUserAttributes } })),
			groups: [...org.groups.values()].map(groupDto),
			robotAccounts: [...org.robotAccounts.values()].map(robotAccountDto),
			settings: org.settings.map(settingDto),
		})),
		clients: [...state.clients.values()].map((client) => ({ clientId: client.clientId, organizationId: client.organizationId, scopes: [...client.scopes] })),
	};
}

/** Whether `password` is the current password of the user, in whichever organization it is. */
function verifyPassword(state, userId, password) {
	for (const org of state.organizations.values()) {
		const user = org.users.get(String(userId).toLowerCase());
		if (user) return user.password !== null && user.password === password;
	}
	return false;
}

/**
 * Answers a /__control/ request as `{status, body}`.
 * @param {object} sim the running simulator's parts: state, log, faults, contract, tokens, reset
 */
function handleControl(sim, method, pathname, query, rawBody) {
	const body = rawBody ? JSON.parse(rawBody) : {};
	const route = `${method} ${pathname.replace(/\/+$/, '')}`;
	switch (route) {
		case 'GET /__control/health':
			return { status: 200, body: { ok: true } };
		case 'GET /__control/log':
			return { status: 200, body: { entries: sim.log.since(Number(query.get('since') || 0)) } };
		case 'DELETE /__control/log':
			sim.log.clear();
			return { status: 204 };
		case 'GET /__control/faults':
			return { status: 200, body: { faults: sim.faults.list() } };
		case 'POST /__control/faults': {
			const list = Array.isArray(body) ? body : [body];
			return { status: 201, body: { faults: list.map((definition) => sim.faults.add(definition)) } };
		}
		case 'DELETE /__control/faults':
			sim.faults.clear();
			return { status: 204 };
		case 'GET /__control/contract-violations':
			return { status: 200, body: { enabled: Boolean(sim.contract), violations: sim.contract ? sim.contract.list() : [] } };
		case 'DELETE /__control/contract-violations':
			if (sim.contract) sim.contract.clear();
			return { status: 204 };
		case 'GET /__control/tokens':
			return { status: 200, body: { tokens: sim.tokens.tokenList() } };
		case 'POST /__control/tokens': {
			if (!['expire', 'revoke'].includes(body.action)) throw new HttpError(400, { error: 'action must be expire or revoke' });
			return { status: 200, body: { affected: sim.tokens.changeTokens(body.action, body.clientId) } };
		}
		case 'POST /__control/reset':
			sim.reset();
			return { status: 204 };
		case 'GET /__control/state':
			return { status: 200, body: stateSnapshot(sim.state) };
		case 'POST /__control/verify-password':
			return { status: 200, body: { matches: verifyPassword(sim.state, body.userId, body.password) } };
		default:
			throw notFound();
	}
}

module.exports = { handleControl, stateSnapshot, verifyPassword };
