'use strict';

// Minimal HS256 JSON Web Tokens. UiPath signs with RS256; clients (and our node) only decode the
// payload, so the algorithm does not matter for them. The simulator verifies its own signature.

const crypto = require('node:crypto');

function b64url(input) {
	return Buffer.from(input).toString('base64url');
}

function sign(payload, key) {
	const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'simulator' }));
	const body = b64url(JSON.stringify(payload));
	const signature = crypto.createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
	return `${header}.${body}.${signature}`;
}

/** Returns the payload when the signature is ours, else undefined. Expiry is checked by the caller. */
function verify(token, key) {
	const parts = String(token).split('.');
	if (parts.length !== 3) return undefined;
	const expected = crypto.createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
	let given;
	try {
		given = Buffer.from(parts[2], 'base64url');
	} catch {
		return undefined;
	}
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return undefined;
	try {
		return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
}

function decode(token) {
	try {
		return JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
}

module.exports = { sign, verify, decode };
