'use strict';

// The request log must never hold secrets: passwords, client secrets and tokens are replaced.

const SECRET_KEY = /pass(word)?|secret|token|authorization|credential/i;
const REDACTED = '[redacted]';

function redactValue(value) {
	if (Array.isArray(value)) return value.map(redactValue);
	if (value && typeof value === 'object') {
		const clean = {};
		for (const [key, entry] of Object.entries(value)) {
			clean[key] = SECRET_KEY.test(key) && entry !== null && entry !== undefined && entry !== '' ? REDACTED : redactValue(entry);
		}
		return clean;
	}
	return value;
}

/** Parses a request body (JSON or form) into a redacted object; unparsable text is dropped. */
function redactBody(raw, contentType) {
	if (!raw) return undefined;
	if (/application\/x-www-form-urlencoded/i.test(contentType || '')) {
		return redactValue(Object.fromEntries(new URLSearchParams(raw)));
	}
	try {
		return redactValue(JSON.parse(raw));
	} catch {
		return { unparsable: true, length: raw.length };
	}
}

module.exports = { redactBody, redactValue, REDACTED };
