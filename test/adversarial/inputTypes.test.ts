import type { IDataObject } from 'n8n-workflow';
import fc from 'fast-check';
import nock from 'nock';

import { USER_ID } from '../fixtures';
import { CLIENT_SECRET, GROUP_ID, TOKEN, byId } from './data';
import { FC_SEED, runAndScan } from './scan';

/**
 * Class 4 (input side): every parameter is checked for its type after expressions resolve. A value
 * of the wrong type fails the item with the parameter's name and [item N], before any request
 * (no interceptor is set up: nock refuses every request, and the token request would change the
 * error). Dropping such a value silently wrote the organization's setting, or created a user
 * without groups.
 */

const once = { attemptsPerRequest: 1 };
const settingUpdate = { resource: 'setting', operation: 'update', settings: { setting: [{ key: 'UserLanguage.Language', value: 'de' }] } };
const userCreate = { resource: 'user', operation: 'create', userName: 'jane.doe@example.com', additionalFields: {} };

type Case = [string, IDataObject, IDataObject[string], RegExp];

const cases: Case[] = [
	['Setting → Update, User an object', { ...settingUpdate, options: { userId: byId('={{ $json.v }}') } }, { id: USER_ID }, /^'User' must be text, not an object/],
	['Setting → Update, User a number', { ...settingUpdate, options: { userId: byId('={{ $json.v }}') } }, 42, /^'User' must be text, not a number/],
	['Setting → Update, User a list', { ...settingUpdate, options: { userId: byId('={{ $json.v }}') } }, [USER_ID], /^'User' must be .*, not a list/],
	['Setting → Update, whole User an object', { ...settingUpdate, options: { userId: '={{ $json.v }}' } }, { id: USER_ID }, /^'User' must be .*, not an object/],
	['Setting → Get, User a number', { resource: 'setting', operation: 'get', keys: 'UserLanguage.Language', options: { userId: byId('={{ $json.v }}') } }, 7, /^'User' must be .*, not a number/],
	['Setting → Get, User true', { resource: 'setting', operation: 'get', keys: 'UserLanguage.Language', options: { userId: byId('={{ $json.v }}') } }, true, /^'User' must be .*, not true or false/],
	['User → Create, Group Names or IDs a number', { ...userCreate, additionalFields: { groupIds: '={{ $json.v }}' } }, 5, /^'Group Names or IDs' must be a list of IDs or text of comma-separated IDs, not a number/],
	['User → Create, Group Names or IDs an object', { ...userCreate, additionalFields: { groupIds: '={{ $json.v }}' } }, { id: GROUP_ID }, /^'Group Names or IDs' must be .*, not an object/],
	['User → Create, Group Names or IDs a list of objects', { ...userCreate, additionalFields: { groupIds: '={{ $json.v }}' } }, [{ id: GROUP_ID }], /^'Group Names or IDs' must be a list of IDs \(text\), not an object/],
	['User → Add to Groups, a number', { resource: 'user', operation: 'addToGroups', userId: byId(USER_ID), groupIds: '={{ $json.v }}' }, 3, /^'Group Names or IDs' must be .*, not a number/],
	['User → Remove From Groups, an object', { resource: 'user', operation: 'removeFromGroups', userId: byId(USER_ID), removeFrom: 'selectedGroups', groupIds: '={{ $json.v }}' }, { a: 1 }, /^'Group Names or IDs' must be .*, not an object/],
	['User → Update, Add to Group Names or IDs a number', { resource: 'user', operation: 'update', userId: byId(USER_ID), updateFields: { groupIdsToAdd: '={{ $json.v }}' } }, 9, /^'Add to Group Names or IDs' must be .*, not a number/],
	['Group → Create, Member Names or IDs a number', { resource: 'group', operation: 'create', name: 'Finance', additionalFields: { memberIds: '={{ $json.v }}' } }, 1, /^'Member Names or IDs' must be .*, not a number/],
	['Group → Create, Name a number', { resource: 'group', operation: 'create', name: '={{ $json.v }}' }, 42, /^'Name' must be text, not a number/],
	['Group → Create, Name an object', { resource: 'group', operation: 'create', name: '={{ $json.v }}' }, { name: 'x' }, /^'Name' must be text, not an object/],
	['User → Get, User a number', { resource: 'user', operation: 'get', userId: byId('={{ $json.v }}') }, 12, /^'User' must be .*, not a number/],
	['User → Delete, User an object', { resource: 'user', operation: 'delete', userId: byId('={{ $json.v }}') }, { id: USER_ID }, /^'User' must be .*, not an object/],
	['User → Reset Password, New Password a number', { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID), password: '={{ $json.v }}' }, 123456, /^'New Password' must be text, not a number/],
	['User → Invite, Email a list', { resource: 'user', operation: 'invite', email: '={{ $json.v }}' }, ['a@example.com'], /^'Email' must be text, not a list/],
	['Robot Account → Create, Name true', { resource: 'robotAccount', operation: 'create', name: '={{ $json.v }}' }, true, /^'Name' must be text, not true or false/],
	['User → Create, Email a number', { ...userCreate, additionalFields: { email: '={{ $json.v }}' } }, 5, /^'Email' must be text, not a number/],
	['User → Create, First Name an object', { ...userCreate, additionalFields: { firstName: '={{ $json.v }}' } }, { a: 1 }, /^'First Name' must be text, not an object/],
	['User → Update, Display Name a number', { resource: 'user', operation: 'update', userId: byId(USER_ID), updateFields: { displayName: '={{ $json.v }}' } }, 3, /^'Display Name' must be text, not a number/],
	['User → Update, Active the text "false"', { resource: 'user', operation: 'update', userId: byId(USER_ID), updateFields: { isActive: '={{ $json.v }}' } }, 'false', /^'Active' must be true or false, not a string/],
	['User → Invite, Last Name a list', { resource: 'user', operation: 'invite', email: 'a@example.com', additionalFields: { lastName: '={{ $json.v }}' } }, ['Doe'], /^'Last Name' must be text, not a list/],
	['Group → Update, New Name a number', { resource: 'group', operation: 'update', groupId: byId(GROUP_ID), updateFields: { name: '={{ $json.v }}' } }, 4, /^'New Name' must be text, not a number/],
	['Robot Account → Update, Display Name an object', { resource: 'robotAccount', operation: 'update', robotAccountId: '5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59', updateFields: { displayName: '={{ $json.v }}' } }, { a: 1 }, /^'Display Name' must be text, not an object/],
	['User → Delete Many, Batch Size true', { resource: 'user', operation: 'deleteMany', userId: byId(USER_ID), options: { batchSize: '={{ $json.v }}' } }, true, /^'Batch Size' must be a whole number from 1 to 1000/],
	['User → Delete Many, Batch Size a list', { resource: 'user', operation: 'deleteMany', userId: byId(USER_ID), options: { batchSize: '={{ $json.v }}' } }, [5], /^'Batch Size' must be a whole number from 1 to 1000/],
];

describe('Class 4 (input): a value of the wrong type fails the item, nothing is sent', () => {
	it.each(cases)('%s', async (_name, parameters, value, message) => {
		const { error, leaks } = await runAndScan(
			{ parameters: { ...parameters, requestHandling: once }, items: [{ v: value }] },
			[TOKEN, CLIENT_SECRET],
		);

		expect(error?.message).toMatch(message);
		expect(error?.message).toMatch(/ \[item 0\]$/);
		expect(error?.message).not.toMatch(/\[item 0\].*\[item 0\]/);
		expect(leaks).toEqual([]);
	});

	it('under continue-on-fail the mistyped item becomes an error item, the others are untouched', async () => {
		const { outputs, error } = await runAndScan(
			{
				parameters: { ...cases[1][1], requestHandling: once },
				items: [{ v: 42 }, { v: { id: USER_ID } }],
				onError: 'continueRegularOutput',
			},
			[],
		);

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.error, item.pairedItem])).toEqual([
			[expect.stringMatching(/^'User' must be .*, not a number \[item 0\]$/), { item: 0 }],
			[expect.stringMatching(/^'User' must be .*, not an object \[item 1\]$/), { item: 1 }],
		]);
	});
});

describe('Class 4 (input): property over string parameters', () => {
	const stringParameters: Array<[string, string, IDataObject]> = [
		['Username', 'userName', userCreate],
		['Name', 'name', { resource: 'group', operation: 'create' }],
		['New Password', 'password', { resource: 'user', operation: 'resetPassword', userId: byId(USER_ID) }],
		['Email', 'email', { resource: 'user', operation: 'invite' }],
		['Name', 'name', { resource: 'robotAccount', operation: 'create' }],
	];
	const notText = fc.jsonValue().filter((value) => value !== null && typeof value !== 'string');

	it.each(stringParameters)('%s (%s): a non-string value never produces a request', async (label, name, parameters) => {
		await fc.assert(
			fc.asyncProperty(notText, async (value) => {
				const { error } = await runAndScan(
					{ parameters: { ...parameters, [name]: '={{ $json.v }}', requestHandling: once }, items: [{ v: value }] },
					[],
				);
				expect(nock.pendingMocks()).toEqual([]);
				expect(error?.message).toMatch(new RegExp(`^'${label}' must be text, not .* \\[item 0\\]$`));
			}),
			{ seed: FC_SEED, numRuns: 15 },
		);
	});
});
