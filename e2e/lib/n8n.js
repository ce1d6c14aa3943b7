'use strict';

// One throw-away n8n "installation": a fresh N8N_USER_FOLDER with our packed package installed
// the way n8n's community-package installer does it, plus helpers for the CLI and the REST API.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');

const { run, npm } = require('./install');
const { n8nEnv } = require('./n8nEnv');
const { watchProcessGroup } = require('./processGroup');

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
		/** The long-running n8n processes (start, worker) not exited yet: cleanup() kills them. */
		this.processes = new Set();
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

	/** `n8n import:<kind> --input=<file>` with `data` written to a temporary file of the user folder. */
	async importFile(kind, data) {
		const file = path.join(this.userFolder, `${kind}-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		try {
			return await this.cliOk([`import:${kind}`, `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	async importCredentials(credentials) {
		return await this.importFile('credentials', credentials);
	}

	async importWorkflows(workflows) {
		return await this.importFile('workflow', workflows);
	}

	/** `n8n execute --id`: {code, run (parsed IRun or undefined), stdout, stderr, seconds}. */
	async execute(workflowId, options) {
		// Both majors print the run through logger.info, so the level must be info here.
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { ...options, env: { N8N_LOG_LEVEL: 'info', ...(options && options.env) } });
		return { ...result, run: parseRunOutput(result.stdout) };
	}

	/** Spawns `n8n <args>` as a process group with this installation's environment plus `env`. */
	spawnN8n(args, env) {
		const child = spawn(this.install.nodeBinary, [this.install.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env(env),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const running = watchProcessGroup(child);
		this.processes.add(running);
		running.exit.then(() => this.processes.delete(running));
		return running;
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
		const serverProcess = this.spawnN8n(['start'], { N8N_PORT: String(listenPort), N8N_RUNNERS_BROKER_PORT: String(brokerPort), N8N_EDITOR_BASE_URL: `http://127.0.0.1:${listenPort}`, WEBHOOK_URL: `http://127.0.0.1:${listenPort}/`, ...env });
		const lifetime = setTimeout(serverProcess.stop, maxLifetimeMs);
		lifetime.unref();
		const url = `http://127.0.0.1:${listenPort}`;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (serverProcess.exited()) throw new Error(`n8n start exited early:\n${this.mask(serverProcess.output()).slice(-4000)}`);
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
			await serverProcess.stop();
			throw new Error(`n8n start did not become ready within ${timeoutMs / 1000} s:\n${this.mask(serverProcess.output()).slice(-4000)}`);
		}
		return {
			url,
			port: listenPort,
			pid: serverProcess.pid,
			output: serverProcess.output,
			stop: async () => {
				clearTimeout(lifetime);
				await serverProcess.stop();
			},
		};
	}

	async cleanup() {
		for (const running of this.processes) running.signalGroup('SIGKILL');
		if (!process.env.E2E_KEEP_USER_FOLDER && !this.keepUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

module.exports = { N8nInstance, NODE_TYPE, PACKAGE_NAME, n8nEnv, parseRunOutput, freePort };
