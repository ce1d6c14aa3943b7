'use strict';

// PostgreSQL and Redis for the queue-mode end-to-end test and bench: throw-away instances bound to
// 127.0.0.1 on free ports, data under /tmp, stopped by stop() (also call it on failure).
// Debian packages: installed with apt-get when missing and running as root; otherwise one clear error.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const { freePort } = require('./n8n');

const PG_BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

function findPostgresBin() {
	return PG_BIN_DIRS.find((dir) => fs.existsSync(path.join(dir, 'postgres')) && fs.existsSync(path.join(dir, 'initdb')));
}

function findRedis() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

function aptInstall(packages) {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(
			`queue mode needs ${packages.join(' and ')} (Debian packages); they are missing and this is not root: ` +
				`install them (apt-get install ${packages.join(' ')}) and run again`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, encoding: 'utf8' });
	if (result.status !== 0) {
		spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
		result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, encoding: 'utf8' });
	}
	if (result.status !== 0) {
		throw new Error(`apt-get install ${packages.join(' ')} failed (needed for queue mode):\n${String(result.stderr).slice(-2000)}`);
	}
}

/** Makes sure PostgreSQL server binaries and redis-server exist; returns their paths. */
function ensureServices() {
	const missing = [];
	if (!findPostgresBin()) missing.push('postgresql');
	if (!findRedis()) missing.push('redis-server');
	if (missing.length) aptInstall(missing);
	const pgBin = findPostgresBin();
	const redis = findRedis();
	if (!pgBin || !redis) throw new Error('queue mode needs PostgreSQL and Redis: installed, but their binaries were not found');
	return { pgBin, redis };
}

/** Runs a command as an unprivileged user when we are root (PostgreSQL refuses to run as root). */
function asUser(command, args) {
	if (typeof process.getuid === 'function' && process.getuid() === 0) {
		return { command: 'setpriv', args: ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', command, ...args] };
	}
	return { command, args };
}

function runSync(command, args, options = {}) {
	const wrapped = asUser(command, args);
	const result = spawnSync(wrapped.command, wrapped.args, { encoding: 'utf8', ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
	return result;
}

async function waitFor(check, what, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

function spawnService(command, args, cwd) {
	const wrapped = asUser(command, args);
	const child = spawn(wrapped.command, wrapped.args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	let exited = false;
	const exit = new Promise((resolve) => child.on('exit', () => ((exited = true), resolve())));
	return {
		child,
		output: () => output,
		exited: () => exited,
		stop: async () => {
			if (exited) return;
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				/* gone */
			}
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					/* gone */
				}
			}, 10000);
			await exit;
			clearTimeout(timer);
		},
	};
}

/**
 * Starts PostgreSQL (trust auth, database `n8n`) and Redis on 127.0.0.1.
 * @returns {Promise<{postgres: {host, port, user, database}, redis: {host, port}, env, stop}>}
 */
async function startServices() {
	const { pgBin, redis } = ensureServices();
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-queue-'));
	fs.chmodSync(root, 0o777);
	const dataDir = path.join(root, 'pg');
	const started = [];
	const stop = async () => {
		for (const service of started.reverse()) await service.stop();
		fs.rmSync(root, { recursive: true, force: true });
	};
	try {
		runSync(path.join(pgBin, 'initdb'), ['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
		const pgPort = await freePort();
		const postgres = spawnService(
			path.join(pgBin, 'postgres'),
			['-D', dataDir, '-h', '127.0.0.1', '-p', String(pgPort), '-k', root, '-c', 'fsync=off', '-c', 'max_connections=200'],
			root,
		);
		started.push(postgres);
		const psql = (sql) =>
			spawnSync(path.join(pgBin, 'psql'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', 'postgres', '-tAc', sql], { encoding: 'utf8' });
		await waitFor(() => !postgres.exited() && psql('select 1').status === 0, `PostgreSQL (${postgres.output().slice(-500)})`);
		const created = psql('create database n8n');
		if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`);

		const redisPort = await freePort();
		const redisServer = spawnService(
			redis,
			['--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no', '--dir', root],
			root,
		);
		started.push(redisServer);
		const net = require('node:net');
		await waitFor(
			() =>
				new Promise((resolve) => {
					const socket = net.connect(redisPort, '127.0.0.1');
					socket.once('connect', () => (socket.end(), resolve(true)));
					socket.once('error', () => resolve(false));
				}),
			'Redis',
		);
		const pgQuery = (sql) => {
			const result = psql.call(null, sql);
			return result;
		};
		return {
			postgres: { host: '127.0.0.1', port: pgPort, user: 'n8n', database: 'n8n' },
			redis: { host: '127.0.0.1', port: redisPort },
			/** Runs SQL against the n8n database; returns rows as arrays of strings. */
			query: (sql) => {
				const result = spawnSync(
					path.join(pgBin, 'psql'),
					['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', 'n8n', '-tA', '-F', '\t', '-c', sql],
					{ encoding: 'utf8' },
				);
				if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
				return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
			},
			pgQuery,
			/** Environment for n8n main and workers. */
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pgPort),
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: '',
				DB_POSTGRESDB_DATABASE: 'n8n',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
				QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startServices, ensureServices };
