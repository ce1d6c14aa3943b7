'use strict';

// Response helpers producing the body shapes UiPath Identity uses (reference section 5.1).

const crypto = require('node:crypto');

const MAX_BODY_BYTES = 1024 * 1024;

function traceId() {
	return `00-${crypto.randomBytes(16).toString('hex')}-${crypto.randomBytes(8).toString('hex')}-00`;
}

class HttpError extends Error {
	constructor(status, body, headers) {
		super(`HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers || {};
	}
}

/** ASP.NET Core validation ProblemDetails (HTTP 400). `errors` maps field → [messages]. */
function problem(errors) {
	return new HttpError(400, {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		errors,
		traceId: traceId(),
	});
}

function notFound() {
	return new HttpError(404, {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
		title: 'Not Found',
		status: 404,
		traceId: traceId(),
	});
}

/** The scope rejection body recorded from live UiPath (reference 2.6 / 5.1 item 4). */
function scopeRejected(tokenScopes, parentScope, directionScope) {
	return new HttpError(403, {
		errorMessage: `Scope(s) '${tokenScopes.join(' ')}' is(are) invalid. Expect to have '${parentScope}' or '${directionScope}'. `,
	});
}

function forbidden(message) {
	return new HttpError(403, { errorMessage: message });
}

function identityFailure(status, errors) {
	return new HttpError(status, { succeeded: false, errors });
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new HttpError(413, { title: 'Payload Too Large', status: 413 }));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res, status, body, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	const hasBody = body !== undefined && body !== null && status !== 204;
	const payload = hasBody ? (typeof body === 'string' ? body : JSON.stringify(body)) : '';
	const head = { ...headers };
	if (hasBody && !Object.keys(head).some((key) => key.toLowerCase() === 'content-type')) {
		head['Content-Type'] =
			status === 400 && body && body.title ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
	}
	head['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(status, head);
	res.end(payload);
}

module.exports = { HttpError, problem, notFound, scopeRejected, forbidden, identityFailure, readBody, send, traceId };
