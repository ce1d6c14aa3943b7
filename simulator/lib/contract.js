'use strict';

// Checks every API request the simulator receives and every answer it sends against the project's
// contract (test/contract/identity-api.yaml) and keeps the violations for the tests to read
// (GET /__control/contract-violations). Nothing is refused because of a violation: the simulator
// still answers as UiPath would, and the test that caused it fails on the record.

const { contractValidator } = require('../../test/contract/validator');

const MAX_VIOLATIONS = 1000;

class ContractCheck {
	constructor() {
		this.validator = contractValidator();
		this.violations = [];
	}

	add(entry, direction, violation) {
		if (this.violations.length >= MAX_VIOLATIONS) return;
		this.violations.push({ seq: entry.seq, method: entry.method, path: entry.path, direction, ...violation });
	}

	/** Checks a request; returns the matched operation (for the answer) or undefined. */
	checkRequest(entry, identityPath, searchParams, rawBody, contentType) {
		try {
			if (rawBody && !/json/i.test(contentType || '')) {
				this.add(entry, 'request', { operation: '(request)', field: 'content-type', rule: 'application/json', message: String(contentType || 'none') });
			}
			for (const violation of this.validator.validateRequest(entry.method, identityPath, searchParams, rawBody)) {
				this.add(entry, 'request', violation);
			}
			return this.validator.matchOperation(entry.method, identityPath);
		} catch (error) {
			this.add(entry, 'request', { operation: '(validator)', field: '', rule: 'validator failed', message: String(error && error.message) });
			return undefined;
		}
	}

	checkResponse(entry, operation, status, body) {
		try {
			for (const violation of this.validator.validateResponse(operation, status, body)) this.add(entry, 'response', violation);
		} catch (error) {
			this.add(entry, 'response', { operation: operation.operationId, field: '', rule: 'validator failed', message: String(error && error.message) });
		}
	}

	list() {
		return this.violations.map((violation) => ({ ...violation }));
	}

	clear() {
		this.violations = [];
	}
}

module.exports = { ContractCheck };
