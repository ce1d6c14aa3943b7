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

	/**
	 * Activates (publishes) a workflow and resolves once its triggers are live.
	 * n8n 1.x activates synchronously. n8n 2.x (workflows.useWorkflowPublicationService, on by
	 * default) only records the publication in an outbox and returns; a background consumer
	 * registers the webhooks a moment later, so a form or webhook URL answers 404 until then.
	 * 2.x reports progress at GET /rest/workflows/:id/publication-status
	 * (in_progress -> published | partial | failed); 1.x has no such route (404).
	 */
	async activateWorkflow(workflowId, { timeoutMs = 60000 } = {}) {
		const workflow = await this.ok('GET', `/workflows/${workflowId}`);
		await this.ok('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const result = await this.request('GET', `/workflows/${workflowId}/publication-status`);
			if (result.status === 404) return { status: 'activated' };
			if (result.status >= 300) throw new Error(`GET /rest/workflows/${workflowId}/publication-status answered ${result.status}: ${result.text.slice(0, 300)}`);
			const publication = result.body && result.body.data !== undefined ? result.body.data : result.body;
			if (publication.status === 'published') return publication;
			if (publication.status === 'partial' || publication.status === 'failed') {
				throw new Error(`publishing ${workflowId} ended ${publication.status}: ${JSON.stringify(publication.triggers)}`);
			}
			if (Date.now() > deadline) throw new Error(`publishing ${workflowId} still ${publication.status} after ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
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
