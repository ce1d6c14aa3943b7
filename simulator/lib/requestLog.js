'use strict';

// The simulator's request log: one entry per request outside /__control (bodies redacted), kept
// for the tests to read through `log()` or GET /__control/log.

const MAX_LOG_ENTRIES = 10000;

class RequestLog {
	/** @param {(line: string) => void} [onRequest] receives one line per recorded request (no bodies) */
	constructor(onRequest) {
		this.onRequest = onRequest;
		this.entries = [];
		this.sequence = 0;
	}

	/** The sequence number of the next request; `since` values of the tests count these. */
	nextSeq() {
		return ++this.sequence;
	}

	lastSeq() {
		return this.sequence;
	}

	record(entry) {
		this.entries.push(entry);
		if (this.entries.length > MAX_LOG_ENTRIES) this.entries = this.entries.slice(-MAX_LOG_ENTRIES);
		if (this.onRequest) {
			this.onRequest(`${entry.method} ${entry.path} -> ${entry.status ?? 'dropped'}${entry.fault ? ` (fault ${entry.fault})` : ''}`);
		}
	}

	since(seq = 0) {
		return this.entries.filter((entry) => entry.seq > seq);
	}

	/** Drops the entries; sequence numbers go on, so a test's `since` stays valid. */
	clear() {
		this.entries = [];
	}

	/** Drops the entries and starts the sequence again, as after a fresh start. */
	reset() {
		this.entries = [];
		this.sequence = 0;
	}
}

module.exports = { RequestLog };
