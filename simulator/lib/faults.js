'use strict';

// Fault injection for tests. A fault matches requests by method and path pattern and fires a
// limited number of times. See docs/simulator.md ("Fault injection").

let nextId = 1;

function globToRegExp(glob) {
	const escaped = String(glob)
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${escaped}$`, 'i');
}

const ACTIONS = ['status', 'drop', 'delayMs', 'expireToken', 'revokeToken'];

/** Validates and normalises a fault definition; throws an Error with a readable message. */
function createFault(definition) {
	if (!definition || typeof definition !== 'object') throw new Error('fault must be a JSON object');
	const fault = {
		id: definition.id ? String(definition.id) : `fault-${nextId++}`,
		method: String(definition.method || '*').toUpperCase(),
		path: String(definition.path || '*'),
		// How many matching requests fire the fault; null = every one.
		count: definition.count === null ? null : Number(definition.count ?? 1),
		// Let this many matching requests through before firing.
		after: Number(definition.after || 0),
		status: definition.status === undefined ? undefined : Number(definition.status),
		body: definition.body,
		headers: definition.headers && typeof definition.headers === 'object' ? { ...definition.headers } : {},
		retryAfter: definition.retryAfter === undefined ? undefined : definition.retryAfter,
		drop: Boolean(definition.drop),
		delayMs: Number(definition.delayMs || 0),
		expireToken: Boolean(definition.expireToken),
		revokeToken: Boolean(definition.revokeToken),
		seen: 0,
		fired: 0,
	};
	fault.regex = definition.pathRegex ? new RegExp(String(definition.pathRegex), 'i') : globToRegExp(fault.path);
	if (!ACTIONS.some((action) => Boolean(fault[action]))) {
		throw new Error(`fault needs one of: ${ACTIONS.join(', ')}`);
	}
	if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
		throw new Error('fault status must be an HTTP status code');
	}
	if (fault.count !== null && (!Number.isInteger(fault.count) || fault.count < 1)) {
		throw new Error('fault count must be a positive integer or null');
	}
	return fault;
}

function publicFault(fault) {
	const { regex, ...rest } = fault;
	void regex;
	return rest;
}

class FaultList {
	constructor() {
		this.faults = [];
	}

	add(definition) {
		const fault = createFault(definition);
		this.faults.push(fault);
		return publicFault(fault);
	}

	clear() {
		this.faults = [];
	}

	list() {
		return this.faults.map(publicFault);
	}

	/** The first armed fault for this request, counting it as fired; undefined if none. */
	take(method, path) {
		for (const fault of this.faults) {
			if (fault.method !== '*' && fault.method !== method) continue;
			if (!fault.regex.test(path)) continue;
			if (fault.count !== null && fault.fired >= fault.count) continue;
			fault.seen += 1;
			if (fault.seen <= fault.after) continue;
			fault.fired += 1;
			return fault;
		}
		return undefined;
	}
}

module.exports = { FaultList, createFault };
