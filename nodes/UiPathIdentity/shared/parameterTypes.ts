import { NodeHelpers, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	NodeParameterValueType,
} from 'n8n-workflow';

import { describeType, wrongType } from './readers';

/**
 * What an operation's reader takes beyond the declared type of a parameter, on purpose:
 * - `number` for text: a number is its text (an employee number, a setting value);
 * - `list` for text: a list of texts, as well as text separated by commas (keys, group names);
 * - `booleanText` for a boolean: the text "true" or "false", as spreadsheets and CSV files give it;
 * - `any`: every JSON value (a setting value is stored as JSON text).
 */
export type Lenience = 'number' | 'list' | 'booleanText' | 'any';

/** The fields of an operation to check, and what its readers accept beyond their types, by name. */
export interface ParameterRules {
	properties: INodeProperties[];
	alsoAccepts: Partial<Record<string, Lenience[]>>;
}

interface Check {
	ctx: IExecuteFunctions;
	itemIndex: number;
	alsoAccepts: ParameterRules['alsoAccepts'];
}

/** Whether a reader with this lenience takes the value although its type is not the declared one. */
export function acceptedBeyondType(lenience: Lenience[], value: unknown): boolean {
	if (lenience.includes('any')) return true;
	if (lenience.includes('number') && typeof value === 'number' && Number.isFinite(value)) return true;
	if (lenience.includes('booleanText') && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return true;
	return (
		lenience.includes('list') &&
		Array.isArray(value) &&
		value.every((entry) => typeof entry === 'string' || (typeof entry === 'number' && Number.isFinite(entry)))
	);
}

/**
 * Every parameter an operation shows, checked against the type its description declares once
 * expressions have resolved, before the operation reads anything or sends a request. One place
 * for the whole node: an expression that resolved to a number where text belongs, an object where
 * a list of IDs belongs, or `"false"` where a boolean belongs fails the item naming the parameter,
 * instead of being dropped, coerced or replaced by a default (issue 9, class 4).
 *
 * Only types are checked here. What a value means (an ID being a GUID, a number being in range,
 * a required text being set) stays with the operation's readers, which give the precise message.
 * `undefined` and `null` count as not set, as they do for the readers.
 */
export function checkParameterTypes(ctx: IExecuteFunctions, itemIndex: number, rules: ParameterRules): void {
	const { properties, alsoAccepts } = rules;
	const node = ctx.getNode();
	for (const [name, raw] of Object.entries(node.parameters)) {
		if (name === 'resource' || name === 'operation') continue;
		const property = shownProperty(properties, name, node);
		if (!property) continue;
		// Values without an expression are what was saved: no need to resolve them again.
		const value = hasExpression(raw) ? ctx.getNodeParameter(name, itemIndex) : raw;
		checkValue({ ctx, itemIndex, alsoAccepts }, property, value);
	}
}

/**
 * The property a saved parameter belongs to. Two properties may share a name (Sync's `key` is
 * Email or Username): then the one n8n shows for the node's values, by n8n's own display rules.
 */
function shownProperty(properties: INodeProperties[], name: string, node: INode): INodeProperties | undefined {
	const candidates = properties.filter((property) => property.name === name);
	if (candidates.length < 2) return candidates[0];
	return candidates.find((property) => NodeHelpers.displayParameter(node.parameters, property, node, null));
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function checkValue(check: Check, property: INodeProperties, value: unknown): void {
	if (value === undefined || value === null) return;
	if (acceptedBeyondType(check.alsoAccepts[property.name] ?? [], value)) return;
	const { ctx, itemIndex } = check;
	const label = property.displayName;
	const fail = (expected: string) => wrongType(ctx, label, itemIndex, value, expected);
	switch (property.type) {
		case 'string':
			if (typeof value !== 'string') throw fail('text');
			return;
		case 'boolean':
			if (typeof value !== 'boolean') throw fail('true or false');
			return;
		case 'number':
			if (!isNumberLike(value)) throw fail(numberKind(property));
			return;
		case 'options':
			checkChoice(check, property, value);
			return;
		case 'multiOptions':
			checkChoices(check, property, value);
			return;
		case 'resourceLocator':
			checkLocator(check, property, value);
			return;
		case 'collection':
			if (!isPlainObject(value)) throw fail('a set of fields');
			checkFields(check, property.options as INodeProperties[], value);
			return;
		case 'fixedCollection':
			if (!isPlainObject(value)) throw fail('a set of fields');
			for (const group of property.options as INodePropertyCollection[]) {
				const entries = value[group.name];
				if (entries === undefined || entries === null) continue;
				const list = Array.isArray(entries) ? entries : [entries];
				for (const entry of list) {
					if (!isPlainObject(entry)) throw wrongType(ctx, group.displayName, itemIndex, entry, 'a set of fields');
					checkFields(check, group.values, entry);
				}
			}
			return;
		default:
			// notice, hidden, json: nothing the node reads as a typed value.
			return;
	}
}

/** A number, or numeric text typed into an expression; the readers parse it and check the range. */
function isNumberLike(value: unknown): boolean {
	if (typeof value === 'number') return !Number.isNaN(value);
	return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function checkFields(check: Check, fields: INodeProperties[], values: Record<string, unknown>) {
	for (const field of fields) checkValue(check, field, values[field.name]);
}

/** "a whole number from 1 to 1000", from the limits the UI enforces. */
function numberKind(property: INodeProperties): string {
	const { minValue: min, maxValue: max } = property.typeOptions ?? {};
	if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
	if (min === 1) return 'a positive whole number';
	if (min === 0) return 'a whole number of 0 or more';
	return 'a number';
}

const choiceValues = (property: INodeProperties) =>
	((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value as NodeParameterValueType);

/** The values of a list of choices, quoted, for a message: `"asc" or "desc"`. */
function quotedChoices(property: INodeProperties): string {
	const quoted = choiceValues(property).map((value) => `"${String(value)}"`);
	return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted.join('');
}

/**
 * A value outside the list is refused without echoing it: an expression can resolve to anything,
 * a password included, and the list of choices says all the user needs.
 */
function notAChoice(ctx: IExecuteFunctions, itemIndex: number, property: INodeProperties, value: unknown) {
	const label = property.displayName;
	return new NodeOperationError(ctx.getNode(), `'${label}' must be ${property.type === 'multiOptions' ? 'a list of' : 'one of'} ${quotedChoices(property)}`, {
		itemIndex,
		description: `Check the expression mapped into '${label}': it resolved to ${typeof value === 'string' ? 'text that is not one of these' : describeType(value)}`,
	});
}

function checkChoice({ ctx, itemIndex }: Check, property: INodeProperties, value: unknown) {
	if (property.typeOptions?.loadOptionsMethod) {
		if (typeof value !== 'string' && typeof value !== 'number') throw wrongType(ctx, property.displayName, itemIndex, value, 'text');
		return;
	}
	if (!choiceValues(property).includes(value as NodeParameterValueType)) throw notAChoice(ctx, itemIndex, property, value);
}

function checkChoices({ ctx, itemIndex }: Check, property: INodeProperties, value: unknown) {
	const label = property.displayName;
	if (property.typeOptions?.loadOptionsMethod) {
		// The pickers list IDs; an expression may give them as a list or as comma-separated text.
		if (typeof value === 'string') return;
		if (!Array.isArray(value)) throw wrongType(ctx, label, itemIndex, value, 'a list of IDs or text of comma-separated IDs');
		const wrong = value.find((entry) => typeof entry !== 'string');
		if (wrong !== undefined) throw wrongType(ctx, label, itemIndex, wrong, 'a list of IDs (text)');
		return;
	}
	const allowed = choiceValues(property);
	if (!Array.isArray(value)) throw notAChoice(ctx, itemIndex, property, value);
	const wrong = value.find((entry) => !allowed.includes(entry as NodeParameterValueType));
	if (wrong !== undefined) throw notAChoice(ctx, itemIndex, property, wrong);
}

/** A locator is text (an ID from an expression over the whole parameter) or `{mode, value}`. */
function checkLocator({ ctx, itemIndex }: Check, property: INodeProperties, value: unknown) {
	const label = property.displayName;
	if (typeof value === 'string') return;
	if (!isPlainObject(value) || !('mode' in value)) throw wrongType(ctx, label, itemIndex, value, 'text');
	const modes = (property.modes ?? []).map((mode) => mode.name);
	if (!modes.includes(String(value.mode))) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' has a mode this node does not know`, {
			itemIndex,
			description: `Choose '${label}' by one of: ${(property.modes ?? []).map((mode) => mode.displayName).join(', ')}`,
		});
	}
	if (value.value !== undefined && value.value !== null && typeof value.value !== 'string') {
		throw wrongType(ctx, label, itemIndex, value.value, 'text');
	}
}
