#!/usr/bin/env node
'use strict';

// Command line entry: node simulator/cli.js [--port 0] [--seed file.json] [--max-lifetime-minutes 240]
//   [--token-lifetime-seconds 3600] [--no-control] [--quiet]
// Prints the base URL on the first line ("UiPath Identity simulator listening on http://127.0.0.1:PORT")
// and stops on Ctrl-C, SIGTERM or when its lifetime ends.

const { startSimulator, DEMO_SEED } = require('./index');

function parseArgs(argv) {
	const options = { port: 0, seed: DEMO_SEED, maxLifetimeMinutes: 240, control: true, quiet: false };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		const next = () => {
			const value = argv[++index];
			if (value === undefined) throw new Error(`${arg} needs a value`);
			return value;
		};
		if (arg === '--port') options.port = Number(next());
		else if (arg === '--seed') options.seed = next();
		else if (arg === '--max-lifetime-minutes') options.maxLifetimeMinutes = Number(next());
		else if (arg === '--token-lifetime-seconds') options.tokenLifetimeSeconds = Number(next());
		else if (arg === '--no-control') options.control = false;
		else if (arg === '--quiet') options.quiet = true;
		else if (arg === '--help' || arg === '-h') options.help = true;
		else throw new Error(`Unknown argument ${arg} (try --help)`);
	}
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be 0-65535');
	if (!(options.maxLifetimeMinutes > 0)) throw new Error('--max-lifetime-minutes must be positive');
	return options;
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		process.exit(2);
	}
	if (options.help) {
		process.stdout.write(
			'Usage: node simulator/cli.js [--port N] [--seed FILE] [--max-lifetime-minutes N]\n' +
				'                             [--token-lifetime-seconds N] [--no-control] [--quiet]\n',
		);
		return;
	}
	const simulator = await startSimulator({
		port: options.port,
		seed: options.seed,
		control: options.control,
		tokenLifetimeSeconds: options.tokenLifetimeSeconds,
		maxLifetimeMs: options.maxLifetimeMinutes * 60 * 1000,
		onRequest: options.quiet ? undefined : (line) => process.stdout.write(`[simulator] ${line}\n`),
		onStop: () => process.stdout.write('[simulator] stopped\n'),
	});
	process.stdout.write(`UiPath Identity simulator listening on ${simulator.url}\n`);
	const shutdown = () => {
		simulator.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error) => {
	process.stderr.write(`Simulator failed: ${error.message}\n`);
	process.exit(1);
});
