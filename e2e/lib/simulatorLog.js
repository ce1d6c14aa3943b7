'use strict';

// Reading the simulator's request log (docs/simulator.md, "Request log") in the end-to-end tests.

/** The entries of Identity API requests. */
function apiCalls(entries) {
	return entries.filter((entry) => entry.kind === 'api');
}

/** The entries of token requests. */
function tokenCalls(entries) {
	return entries.filter((entry) => entry.kind === 'token');
}

/** How many entries have each value of `field`: `{ [value]: count }`. */
function countBy(entries, field) {
	const counts = {};
	for (const entry of entries) counts[entry[field]] = (counts[entry[field]] || 0) + 1;
	return counts;
}

module.exports = { apiCalls, tokenCalls, countBy };
