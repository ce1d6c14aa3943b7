import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { findOperation } from '../../nodes/UiPathIdentity/actions/router';
import { acceptedBeyondType } from '../../nodes/UiPathIdentity/shared/parameterTypes';
import { USER_ID } from '../fixtures';
import { CLIENT_SECRET, GROUP_ID, TOKEN, byId } from './data';
import { runAndScan } from './scan';

/**
 * Class 4 (input side), generated from the node's own description: every parameter of every
 * operation (top level, inside collections and fixed collections, and the value of every resource
 * locator mode) is set through `={{ $json.v }}` to values of the wrong type for it. Each wrong
 * value is its own input item: under continue-on-fail each item must become one error item naming
 * the parameter and `[item N]`; stopped, the first one fails the run with `[item 0]`. No
 * interceptor is set up, so any request (token included) would fail with another message.
 */

const ROBOT_ID = '5f2d8c1a-7b3e-4c9d-8a6f-0e1d2c3b4a59';
const once = { attemptsPerRequest: 1 };
const description = new UiPathIdentity().description;
const properties = description.properties;

/** Minimal valid parameters per operation; a second entry for an operation shows other fields. */
const minimal: Record<string, IDataObject[]> = {
	'directory.checkGroupMembership': [{ userId: byId(USER_ID), groupIds: [GROUP_ID] }],
	'directory.search': [{ startsWith: 'ja' }],
	'group.create': [{ name: 'Finance' }],
	'group.delete': [{ groupId: byId(GROUP_ID) }],
	'group.get': [{ groupId: byId(GROUP_ID), output: 'fields', fields: ['id'] }],
	'group.getAll': [{ output: 'fields', fields: ['id'] }],
	'group.getMembers': [{ groupId: byId(GROUP_ID) }],
	'group.update': [{ groupId: byId(GROUP_ID), updateFields: { name: 'Finance 2' } }],
	'robotAccount.create': [{ name: 'bot-1' }],
	'robotAccount.delete': [{ robotAccountId: byId(ROBOT_ID) }],
	'robotAccount.get': [{ robotAccountId: byId(ROBOT_ID), output: 'fields', fields: ['id'] }],
	'robotAccount.getAll': [{ output: 'fields', fields: ['id'] }],
	'robotAccount.update': [{ robotAccountId: byId(ROBOT_ID), updateFields: { displayName: 'Bot 2' } }],
	'setting.get': [{ keys: 'UserLanguage.Language' }],
	'setting.update': [{ settings: { setting: [{ key: 'UserLanguage.Language', value: 'de' }] } }],
	'user.activate': [{ userId: byId(USER_ID) }],
	'user.addToGroups': [{ userId: byId(USER_ID), groupIds: [GROUP_ID] }],
	'user.changePassword': [{ userId: byId(USER_ID), oldPassword: 'old-Pass-1', newPassword: 'new-Pass-2' }],
	'user.create': [{ userName: 'jane.doe@example.com' }],
	'user.createMany': [{ userName: 'jane.doe@example.com' }],
	'user.deactivate': [{ userId: byId(USER_ID) }],
	'user.delete': [{ userId: byId(USER_ID) }],
	'user.deleteMany': [{ userId: byId(USER_ID) }],
	'user.get': [{ userId: byId(USER_ID), output: 'fields', fields: ['id'] }],
	'user.getAll': [{ output: 'fields', fields: ['id'] }],
	'user.invite': [{ email: 'jane.doe@example.com' }],
	'user.removeFromGroups': [{ userId: byId(USER_ID), removeFrom: 'selectedGroups', groupIds: [GROUP_ID] }],
	'user.resetPassword': [{ userId: byId(USER_ID), password: 'new-Pass-2' }],
	'user.sync': [
		{ keyField: 'email', key: 'jane.doe@example.com', groupMode: 'exact', groups: GROUP_ID },
		{ keyField: 'userName', key: 'jane.doe', email: 'jane.doe@example.com' },
	],
	'user.update': [{ userId: byId(USER_ID), updateFields: { displayName: 'Jane D.' } }],
};

/** Parameters that hold no value the node reads, with the reason. */
const notValues = (property: INodeProperties) => property.type === 'notice';

type Wrong = [string, unknown];
function wrongValues(property: INodeProperties): Wrong[] {
	switch (property.type) {
		case 'string':
			return [['a number', 42], ['an object', { a: 1 }], ['a list', ['x']], ['true', true]];
		case 'boolean':
			return [['the text "false"', 'false'], ['the text "no"', 'no'], ['a number', 1]];
		case 'number':
			return [['a text', 'ten'], ['a list', [5]], ['NaN', Number.NaN]];
		case 'options':
			return [['a value not in the list', 'notAnOption'], ['a number', 7]];
		case 'multiOptions':
			return [['a number', 7], ['an object', { a: 1 }]];
		case 'resourceLocator':
			return [['a number', 42], ['an object', { id: USER_ID }], ['a list', [USER_ID]], ['true', true]];
		default:
			throw new Error(`no wrong values for type ${property.type}`);
	}
}

function shown(property: INodeProperties, values: IDataObject): boolean {
	const matches = (rule: Record<string, unknown[] | undefined> | undefined, whenEmpty: boolean) => {
		if (!rule) return whenEmpty;
		return Object.entries(rule).every(([key, allowed]) => {
			if (key === '@tool') return (allowed ?? []).includes(false);
			return (allowed ?? []).includes(values[key] as never);
		});
	};
	const { show, hide } = property.displayOptions ?? {};
	if (show && !matches(show as never, true)) return false;
	if (hide && Object.entries(hide).some(([key, hidden]) => (hidden ?? []).includes(values[key] as never))) return false;
	return true;
}

interface Cell {
	/** e.g. `User → Update: 'Display Name'` */
	name: string;
	label: string;
	/** The operation's parameters with `={{ $json.v }}` in this parameter's place. */
	parameters: IDataObject;
	wrong: Wrong[];
}

const operationKey = (resource: string, operation: string) => `${resource}.${operation}`;
const resources = (properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]);
const EXPRESSION = '={{ $json.v }}';

const cells: Cell[] = [];
const present: Record<string, { present: Set<string>; covered: Set<string> }> = {};

for (const resource of resources) {
	const operationProperty = properties.find((p) => p.name === 'operation' && shown(p, { resource: resource.value }))!;
	for (const operation of operationProperty.options as INodePropertyOptions[]) {
		const key = operationKey(String(resource.value), String(operation.value));
		const title = `${resource.name} → ${operation.name}`;
		const lenient = findOperation(String(resource.value), String(operation.value))?.alsoAccepts ?? {};
		// Values the operation's reader takes on purpose (e.g. Setting → Get's Keys as a list) are not wrong.
		const wrongFor = (property: INodeProperties) =>
			wrongValues(property).filter(([, value]) => !acceptedBeyondType(lenient[property.name] ?? [], value));
		const tally = (present[title] = { present: new Set<string>(), covered: new Set<string>() });
		for (const base of minimal[key] ?? []) {
			const fixed: IDataObject = { resource: resource.value, operation: operation.value, ...base, requestHandling: once };
			const values: IDataObject = {};
			for (const property of properties) if (property.default !== undefined && typeof property.default !== 'object') values[property.name] = property.default;
			Object.assign(values, fixed);
			const visible = properties.filter((p) => p.name !== 'resource' && p.name !== 'operation' && shown(p, values));
			const add = (label: string, path: string, parameters: IDataObject, property: INodeProperties) => {
				tally.present.add(path);
				if (notValues(property)) return;
				tally.covered.add(path);
				if (property.type === 'resourceLocator') {
					for (const mode of property.modes ?? []) {
						const withMode = JSON.parse(JSON.stringify(parameters).replace(`"${EXPRESSION}"`, JSON.stringify({ __rl: true, mode: mode.name, value: EXPRESSION })));
						cells.push({ name: `${title}: '${label}' (${mode.displayName})`, label, parameters: withMode, wrong: wrongFor(property) });
					}
					cells.push({ name: `${title}: '${label}' (whole locator)`, label, parameters, wrong: wrongFor(property) });
					return;
				}
				const wrong = wrongFor(property);
				// Setting → Update's Value takes every JSON value: nothing is wrong for it.
				if (wrong.length) cells.push({ name: `${title}: '${label}'`, label, parameters, wrong });
			};
			for (const property of visible) {
				if (property.name === 'toolDescription') continue; // shown only to the AI tool variant, never read by execute()
				if (property.type === 'collection') {
					for (const field of property.options as INodeProperties[]) {
						const inner = { ...((fixed[property.name] as IDataObject) ?? {}), [field.name]: EXPRESSION };
						add(field.displayName, `${property.displayName} › ${field.displayName}`, { ...fixed, [property.name]: inner }, field);
					}
				} else if (property.type === 'fixedCollection') {
					for (const group of property.options as Array<{ name: string; values: INodeProperties[] }>) {
						const valid = ((fixed[property.name] as IDataObject)[group.name] as IDataObject[])[0];
						for (const field of group.values) {
							const entry = { ...valid, [field.name]: EXPRESSION };
							add(field.displayName, `${property.displayName} › ${field.displayName}`, { ...fixed, [property.name]: { [group.name]: [entry] } }, field);
						}
					}
				} else {
					add(property.displayName, property.name === 'key' ? `${property.displayName} (key)` : property.displayName, { ...fixed, [property.name]: EXPRESSION }, property);
				}
			}
		}
	}
}

const errorText = (json: IDataObject) => String(json.error ?? json.message ?? '');

describe('Class 4 (input), every parameter of every operation: a wrong-typed value fails its item', () => {
	it('covers every operation', () => {
		const missing = Object.entries(present).filter(([, tally]) => tally.present.size === 0).map(([title]) => title);
		expect(missing).toEqual([]);
	});

	describe.each(cells.map((cell) => [cell.name, cell] as const))('%s', (_name, cell) => {
		it(`given ${cell.wrong.map(([what]) => what).join(', ')}: one error item each, nothing sent`, async () => {
			const { outputs, error, leaks } = await runAndScan(
				{ parameters: cell.parameters, items: cell.wrong.map(([, v]) => ({ v }) as IDataObject), onError: 'continueRegularOutput' },
				[TOKEN, CLIENT_SECRET],
			);
			expect(error).toBeUndefined();
			expect(leaks).toEqual([]);
			const main = outputs[0] ?? [];
			expect(main.map((item) => item.pairedItem)).toEqual(cell.wrong.map((_w, item) => ({ item })));
			main.forEach((item, index) => {
				const message = errorText(item.json);
				expect(message).toContain(`'${cell.label}'`);
				expect(message).toMatch(new RegExp(` \\[item ${index}\\]$`));
				expect(message).not.toMatch(/\n\s+at /);
			});
		});

		it(`stopped: ${cell.wrong[0][0]} fails the run with [item 0]`, async () => {
			const { error, leaks } = await runAndScan({ parameters: cell.parameters, items: [{ v: cell.wrong[0][1] as never }] }, [TOKEN, CLIENT_SECRET]);
			expect(leaks).toEqual([]);
			expect(error?.message).toContain(`'${cell.label}'`);
			expect(error?.message).toMatch(/ \[item 0\]$/);
			expect(error?.message).not.toMatch(/\n\s+at /);
		});
	});
});

export const parameterTypeCounts = { cells, present };
