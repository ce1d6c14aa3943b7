'use strict';

// The IDs in demo.json that tests and example scenarios refer to, looked up by name so that
// they cannot drift from the seed.

const seed = require('./demo.json');

function idOf(list, field, value) {
	const entry = list.find((candidate) => candidate[field] === value);
	if (!entry) throw new Error(`demo.json has no entry with ${field} ${value}`);
	return entry.id;
}

const acme = seed.organizations.find((org) => org.name === 'acme');
const globex = seed.organizations.find((org) => org.name === 'globex');
const user = (userName) => idOf(acme.users, 'userName', userName);
const group = (name) => idOf(acme.groups, 'name', name);

const DEMO_IDS = {
	ORG: acme.id,
	OTHER_ORG: globex.id,
	ALICE: user('alice.johnson@acme.example'),
	BOB: user('bob.smith@acme.example'),
	CAROL: user('carol.lee@acme.example'),
	DAVE: user('dave.miller@acme.example'),
	ERIN: user('erin.garcia@acme.example'),
	EVERYONE: group('Everyone'),
	FINANCE: group('Finance'),
	HR: group('HR'),
	SALES: group('Sales'),
	ROBOT: idOf(acme.robotAccounts, 'name', 'invoice-bot'),
};

module.exports = { DEMO_IDS };
