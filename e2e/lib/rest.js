'use strict';

// Minimal client for n8n's internal REST API (/rest), as the editor uses it: owner setup, login
// with the auth cookie bound to a browser-id header, then authenticated calls.

const crypto = require('node:crypto');

class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.browserId = crypto.randomUUID();
		this.cookie = '';
	}

	async request(method, path, body) {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookie = response.headers.getSetCookie ? response.headers.getSetCookie() : [];
		const auth = setCookie.map((line) => line.split(';')[0]).find((pair) => pair.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, body: json, text };
	}

	async ok(method, path, body) {
		const result = await this.request(method, path, body);
		if (result.status >= 300) throw new Error(`${method} /rest${path} answered ${result.status}: ${result.text.slice(0, 500)}`);
		return result.body && result.body.data !== undefined ? result.body.data : result.body;
	}

	/** Creates the instance owner (first start) and logs in. */
	async setupOwner(owner) {
		// Right after start some controllers may not be mounted yet (seen on 2.x): retry 404s.
		const deadline = Date.now() + 90000;
		for (;;) {
			const result = await this.request('POST', '/owner/setup', owner);
			if (result.status < 300) break;
			if (result.status !== 404 || Date.now() > deadline) {
				throw new Error(`POST /rest/owner/setup answered ${result.status}: ${result.text.slice(0, 300)}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		await this.login(owner.email, owner.password);
	}

	async login(email, password) {
		return this.ok('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** The editor's credential "Test" button: POST /rest/credentials/test. */
	async testCredential(credential) {
		return this.ok('POST', '/credentials/test', { credentials: credential });
	}
}

function makeOwner() {
	return {
		email: 'owner@contoso.example',
		firstName: 'E2E',
		lastName: 'Owner',
		password: `Owner-${crypto.randomBytes(8).toString('hex')}-A1`,
	};
}

module.exports = { N8nRest, makeOwner };
