'use strict';

// One throw-away n8n "installation": a fresh N8N_USER_FOLDER with our packed package installed
// the way n8n's community-package installer does it, plus helpers for the CLI and the REST API.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const { run, npm } = require('./install');

const PACKAGE_NAME = 'n8n-nodes-uipath-identity';
const NODE_TYPE = `${PACKAGE_NAME}.uiPathIdentity`;
const CLI_TIMEOUT_MS = 3 * 60 * 1000;
/** REST routes the tests use: present once n8n registered all its controllers. */
const READY_ROUTES = ['/rest/credentials', '/rest/workflows'];

async function routesReady(url) {
	const settings = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
	await settings.arrayBuffer();
	if (!settings.ok) return false;
	for (const route of READY_ROUTES) {
		const response = await fetch(`${url}${route}`, { signal: AbortSignal.timeout(5000) });
		await response.arrayBuffer();
		if (response.status === 404) return false;
	}
	return true;
}

/** Environment that keeps n8n quiet, local and offline. */
function n8nEnv(userFolder, extra = {}) {
	const env = {
		PATH: process.env.PATH,
		HOME: userFolder,
		LANG: 'C.UTF-8',
		TZ: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: crypto.createHash('sha256').update(userFolder).digest('hex'),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_LICENSE_SERVER_URL: 'http://127.0.0.1:9/license',
		N8N_DEPLOYMENT_TYPE: 'default',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_LOG_LEVEL: 'warn',
		N8N_LOG_OUTPUT: 'console',
		N8N_PUBLIC_API_DISABLED: 'true',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_SENTRY_DSN: '',
		N8N_FRONTEND_SENTRY_DSN: '',
		N8N_METRICS: 'false',
		N8N_TEMPLATES_HOST: 'http://127.0.0.1:9/',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_DIAGNOSTICS_POSTHOG_API_HOST: '',
		DB_TYPE: 'sqlite',
		EXECUTIONS_DATA_PRUNE: 'false',
		NO_COLOR: '1',
		NODE_OPTIONS: '--max-old-space-size=2048',
		...extra,
	};
	return env;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Parses the JSON that `n8n execute --rawOutput` prints after any log lines. */
function parseRunOutput(stdout) {
	const start = stdout.search(/^\{/m);
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		const end = stdout.lastIndexOf('}');
		try {
			return JSON.parse(stdout.slice(start, end + 1));
		} catch {
			return undefined;
		}
	}
}

class N8nInstance {
	/**
	 * @param {object} install result of ensureN8n()
	 * @param {object} [options]
	 * @param {string[]} [options.secrets] strings to mask in any output we show
	 */
	constructor(install, options = {}) {
		this.install = install;
		this.secrets = options.secrets || [];
		this.userFolder = options.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `n8n-uipath-e2e-${install.major}x-`));
		this.keepUserFolder = Boolean(options.userFolder);
		this.nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		this.children = new Set();
	}

	env(extra) {
		return n8nEnv(this.userFolder, { ...(this.install.env || {}), ...extra });
	}

	/** Replaces known secrets with *** in text that may be printed. */
	mask(text) {
		let clean = String(text);
		for (const secret of this.secrets) if (secret) clean = clean.split(secret).join('***');
		return clean.replace(/Bearer\s+[A-Za-z0-9\-._~+/]+=*/g, 'Bearer ***');
	}

	/**
	 * Installs a packed tarball like n8n's community installer (community-packages.service
	 * downloadPackage in 1.123 and 2.41): unpack into nodes/node_modules/<name>, drop dev, peer and
	 * optional dependencies, `npm install` with scripts disabled, record it in nodes/package.json.
	 */
	async installPackage(tarball) {
		const packageDir = path.join(this.nodesDir, 'node_modules', PACKAGE_NAME);
		fs.mkdirSync(packageDir, { recursive: true });
		const untar = await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { timeoutMs: 60000 });
		if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);
		const packageJsonPath = path.join(packageDir, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
		void devDependencies;
		void peerDependencies;
		void optionalDependencies;
		fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
		await npm(['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--offline'], {
			cwd: packageDir,
			timeoutMs: 120000,
		});
		fs.writeFileSync(
			path.join(this.nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: packageJson.version } }, null, 2),
		);
		return packageDir;
	}

	/** Runs the n8n CLI with a timeout. Output is kept in memory, never printed unmasked. */
	async cli(args, { timeoutMs = CLI_TIMEOUT_MS, env } = {}) {
		const started = Date.now();
		// Every n8n process (execute too, in 2.x) opens a task broker port, default 5679: use a free
		// one so parallel n8n instances on the machine cannot collide.
		const brokerPort = await freePort();
		const result = await run(this.install.nodeBinary, [this.install.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
			timeoutMs,
		});
		return { ...result, seconds: (Date.now() - started) / 1000 };
	}

	async cliOk(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(`n8n ${args[0]} exited ${result.code}:\n${this.mask(result.stderr + result.stdout).slice(-4000)}`);
		}
		return result;
	}

	writeJson(name, data) {
		const file = path.join(this.userFolder, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials) {
		const file = this.writeJson(`credentials-${Date.now()}.json`, credentials);
		try {
			return await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	async importWorkflows(workflows) {
		const file = this.writeJson(`workflows-${Date.now()}.json`, workflows);
		try {
			return await this.cliOk(['import:workflow', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** `n8n execute --id`: {code, run (parsed IRun or undefined), stdout, stderr, seconds}. */
	async execute(workflowId, options) {
		// Both majors print the run through logger.info, so the level must be info here.
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { ...options, env: { N8N_LOG_LEVEL: 'info', ...(options && options.env) } });
		return { ...result, run: parseRunOutput(result.stdout) };
	}

	/**
	 * Starts `n8n start` on 127.0.0.1 and a free port; resolves once n8n finished starting up.
	 * @returns {Promise<{url, port, stop, output}>}
	 */
	async start({ timeoutMs = 4 * 60 * 1000, maxLifetimeMs = 30 * 60 * 1000, port, env = {} } = {}) {
		const listenPort = port || (await freePort());
		// n8n's task broker listens too (default 5679): give it its own free port.
		let brokerPort = await freePort();
		while (brokerPort === listenPort) brokerPort = await freePort();
		const child = spawn(this.install.nodeBinary, [this.install.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env({ N8N_PORT: String(listenPort), N8N_RUNNERS_BROKER_PORT: String(brokerPort), N8N_EDITOR_BASE_URL: `http://127.0.0.1:${listenPort}`, WEBHOOK_URL: `http://127.0.0.1:${listenPort}/`, ...env }),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.children.add(child);
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
		});
		child.stderr.on('data', (chunk) => {
			output += chunk;
		});
		let exited = false;
		const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
			exited = true;
			this.children.delete(child);
			resolve({ code, signal });
		}));
		const kill = (signal) => {
			try {
				process.kill(-child.pid, signal);
			} catch {
				/* already gone */
			}
		};
		const stop = async () => {
			if (exited) return;
			kill('SIGTERM');
			const timer = setTimeout(() => kill('SIGKILL'), 20000);
			await exitPromise;
			clearTimeout(timer);
		};
		const lifetime = setTimeout(stop, maxLifetimeMs);
		lifetime.unref();
		const url = `http://127.0.0.1:${listenPort}`;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited) throw new Error(`n8n start exited early:\n${this.mask(output).slice(-4000)}`);
			try {
				// /healthz answers before the REST routes exist, and on a loaded machine n8n 2.x answered
				// /rest/settings and owner setup while /rest/credentials still said 404: ready is when
				// the routes the tests use exist (401 without a session, never 404).
				if (await routesReady(url)) break;
			} catch {
				/* not up yet */
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		if (Date.now() >= deadline) {
			await stop();
			throw new Error(`n8n start did not become ready within ${timeoutMs / 1000} s:\n${this.mask(output).slice(-4000)}`);
		}
		return {
			url,
			port: listenPort,
			pid: child.pid,
			output: () => output,
			stop: async () => {
				clearTimeout(lifetime);
				await stop();
			},
		};
	}

	async cleanup() {
		for (const child of this.children) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
		if (!process.env.E2E_KEEP_USER_FOLDER && !this.keepUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

module.exports = { N8nInstance, NODE_TYPE, PACKAGE_NAME, n8nEnv, parseRunOutput, freePort };
