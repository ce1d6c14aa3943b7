'use strict';

// A long-running child (`n8n start`, `n8n worker`) spawned detached, so that it leads a process
// group: a signal goes to the whole group and ends what n8n started too (task runners, npm).

/**
 * Collects the output of `child` (spawned with `detached: true` and piped stdout/stderr) and
 * offers its exit and the ways to end it.
 */
function watchProcessGroup(child) {
	let output = '';
	let exited = false;
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exit = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = true;
			resolve({ code, signal });
		}),
	);
	const signalGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			/* already gone */
		}
	};
	return {
		pid: child.pid,
		output: () => output,
		exited: () => exited,
		/** Resolves with `{code, signal}` once the process has exited. */
		exit,
		signalGroup,
		/** SIGTERM, then SIGKILL when it is still running 20 s later. */
		stop: async () => {
			if (exited) return;
			signalGroup('SIGTERM');
			const timer = setTimeout(() => signalGroup('SIGKILL'), 20000);
			await exit;
			clearTimeout(timer);
		},
		/** Dies at once, as a crashed or OOM-killed process does. */
		kill: async () => {
			if (exited) return;
			signalGroup('SIGKILL');
			await exit;
		},
	};
}

module.exports = { watchProcessGroup };
