'use strict';

// The simulator's HTTP server on 127.0.0.1: timeouts, a stop that also ends kept-alive
// connections, and a lifetime after which it stops by itself (a forgotten simulator must not run
// for days on a developer's or CI machine).

const http = require('node:http');

const { send } = require('./http');

const HOST = '127.0.0.1';

/**
 * @param {(req, res) => Promise<void>} handle answers one request
 * @param {object} options
 * @param {number} [options.port] 0 or absent picks a free one
 * @param {number} options.maxLifetimeMs stops by itself after this long (0 = never)
 * @param {() => void} [options.onStop] called once the server has stopped
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>}>}
 */
async function listen(handle, { port, maxLifetimeMs, onStop }) {
	const server = http.createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) send(res, 500, { message: 'An error has occurred.' });
		});
	});
	server.requestTimeout = 30000;
	server.headersTimeout = 20000;
	server.keepAliveTimeout = 5000;
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port || 0, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const listening = server.address().port;

	let stopped;
	const stop = () => {
		if (!stopped) {
			clearTimeout(lifetimeTimer);
			stopped = new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			if (onStop) stopped.then(() => onStop());
		}
		return stopped;
	};
	const lifetimeTimer = maxLifetimeMs > 0 ? setTimeout(stop, maxLifetimeMs) : undefined;
	if (lifetimeTimer) lifetimeTimer.unref();

	return { url: `http://${HOST}:${listening}`, port: listening, stop };
}

module.exports = { listen };
