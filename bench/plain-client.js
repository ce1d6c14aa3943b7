'use strict';

// The floor of the benchmark: the same Change Password work with nothing but node:http. One
// client-credentials token, then a sliding window of N requests in flight (keep-alive sockets).
// Run as its own process so its memory can be measured like n8n's:
//   node bench/plain-client.js <json config>   → prints {"ok":N,"failed":N,"peakRssKb":N}

const http = require('node:http');

function request(agent, url, { method, headers, body }) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined }));
		});
		req.on('error', reject);
		if (body) req.write(body);
		req.end();
	});
}

async function main() {
	const config = JSON.parse(process.argv[2]);
	const agent = new http.Agent({ keepAlive: true, maxSockets: config.concurrency });
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: config.clientId,
		client_secret: config.clientSecret,
		scope: config.scope,
	}).toString();
	const token = await request(agent, config.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form) },
		body: form,
	});
	const authorization = `Bearer ${token.body.access_token}`;

	let next = 0;
	let ok = 0;
	let failed = 0;
	async function worker() {
		while (next < config.items.length) {
			const item = config.items[next++];
			const body = JSON.stringify({ oldPassword: item.oldPassword, newPassword: item.newPassword });
			const answer = await request(agent, `${config.apiBase}/api/User/${item.userId}/changepassword`, {
				method: 'POST',
				headers: { authorization, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
				body,
			});
			if (answer.status === 200 && answer.body && answer.body.succeeded) ok++;
			else failed++;
		}
	}
	await Promise.all(Array.from({ length: config.concurrency }, worker));
	agent.destroy();
	process.stdout.write(`${JSON.stringify({ ok, failed, peakRssKb: Math.round(process.resourceUsage().maxRSS) })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exit(1);
});
