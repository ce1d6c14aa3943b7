import type { INodeProperties } from 'n8n-workflow';

import { GUID_PATTERN } from '../transport/urls';

/**
 * Parameter blocks shared by several operations, so each one reads and behaves the same
 * everywhere. They carry no resource/operation conditions: each operation wraps its description
 * in `updateDisplayOptions({ show }, ...)`.
 */

const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+$';

/**
 * The "From List" (searched by one of `methods.listSearch`) and "By ID" modes every locator has.
 * UiPath IDs are GUIDs: By ID refuses anything else before a request is sent.
 */
function listAndIdModes(
	list: { placeholder: string; searchListMethod: string },
	id: { placeholder: string; errorMessage: string },
): NonNullable<INodeProperties['modes']> {
	const locator: Pick<INodeProperties, 'modes'> = {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: list.placeholder,
				typeOptions: { searchListMethod: list.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: id.placeholder,
				validation: [{ type: 'regex', properties: { regex: GUID_PATTERN, errorMessage: id.errorMessage } }],
			},
		],
	};
	return locator.modes ?? [];
}

/**
 * A resource locator for one UiPath object: From List (searched by `searchListMethod`), By ID, and
 * any `extraModes` (By Email, By Name).
 */
export function idLocator(
	field: { displayName: string; name: string; description: string; searchListMethod: string; example: string },
	extraModes: NonNullable<INodeProperties['modes']> = [],
): INodeProperties {
	const noun = field.displayName.toLowerCase();
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: field.description,
		modes: [
			...listAndIdModes(
				{ placeholder: `Select a ${noun}...`, searchListMethod: field.searchListMethod },
				{ placeholder: `e.g. ${field.example}`, errorMessage: `Enter a ${noun} ID, e.g. ${field.example}` },
			),
			...extraModes,
		],
	};
}

/** The user an operation acts on: picked from a list, typed as an ID, or found by email. */
export function userLocator(description = 'The UiPath user to act on'): INodeProperties {
	const byEmail: Pick<INodeProperties, 'modes'> = {
		modes: [
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane.doe@example.com',
				validation: [
					{ type: 'regex', properties: { regex: EMAIL_PATTERN, errorMessage: 'Not an email address' } },
				],
			},
		],
	};
	return idLocator(
		{ displayName: 'User', name: 'userId', description, searchListMethod: 'searchUsers', example: '9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f' },
		byEmail.modes,
	);
}

/** A multi-select of the organization's groups; expressions may give IDs as a list or comma-separated. */
export function groupIdsField(field: { name: string; displayName: string; description: string }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description: `${field.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** What an Output choice offers: the simplified fields (at most 10) and every field one may select. */
export interface OutputShape {
	simplified: string[];
	all: string[];
}

/**
 * Output: Simplified (the fields of `shape.simplified`), Raw (all UiPath answers, readable enums) or
 * Selected Fields; the same three choices on every read operation.
 */
export function outputFields(noun: string, shape: OutputShape): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simple',
			options: [
				{ name: 'Raw', value: 'raw', description: `Return every field UiPath answers for the ${noun}` },
				{ name: 'Selected Fields', value: 'fields', description: 'Return only the fields you select' },
				{ name: 'Simplified', value: 'simple', description: `Return only ${shape.simplified.join(', ')}` },
			],
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			default: [],
			description: 'The fields to return (the ID is always returned)',
			displayOptions: { show: { output: ['fields'] } },
			options: [...shape.all].sort((a, b) => a.localeCompare(b)).map((field) => ({ name: field, value: field })),
		},
	];
}

/** "Return All" plus "Limit", as every n8n list operation offers them. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** How many input items bulk operations put into one request. */
export function batchSizeOption(maximum: number, fallback: number): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maximum },
		default: fallback,
		description: `How many input items go into one request to UiPath (at most ${maximum}). Fewer requests use less of the rate limit; a rejected request fails all items in it.`,
	};
}

/** Group picker: From List (searchable), By ID, By Name (exact, resolved at run time). */
export function groupLocator(description: string): INodeProperties {
	const byName: Pick<INodeProperties, 'modes'> = {
		modes: [
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Finance Robots',
				hint: 'The exact group name, including upper and lower case',
			},
		],
	};
	return idLocator(
		{ displayName: 'Group', name: 'groupId', description, searchListMethod: 'searchGroups', example: '0b7c1a6e-5d4f-4e3a-9b2c-1d0e9f8a7b6c' },
		byName.modes,
	);
}

/**
 * For the Options collection of every delete: succeed when the object is already gone. `missing`
 * says what counts as gone (default: the object does not exist).
 */
export function succeedIfAlreadyDeletedOption(noun: string, missing = `the ${noun} does not exist`): INodeProperties {
	return {
		displayName: 'Succeed If Already Deleted',
		name: 'succeedIfAlreadyDeleted',
		type: 'boolean',
		default: false,
		description: `Whether to succeed with alreadyDeleted: true when ${missing} (e.g. removed by an earlier run), so re-running a flow is safe`,
	};
}

/** Sorts collection options alphabetically, as n8n's UX guidelines ask. */
export function byDisplayName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A Filters collection with one Search Term, for list endpoints that take `searchTerm`. */
export function searchTermFilter(placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				placeholder,
				description,
			},
		],
	};
}

/** A text the operation cannot do without; `password` masks it in the editor. */
export function requiredText(field: { displayName: string; name: string; placeholder?: string; description: string; password?: boolean }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		...(field.password ? { typeOptions: { password: true } } : {}),
		required: true,
		default: '',
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		description: field.description,
	};
}

/** Optional fields of a record being created (n8n's name and placeholder). */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** Fields of a record being changed: only those added are sent (n8n's name and placeholder). */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** The Options collection of an operation (n8n's name and placeholder for optional settings). */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/**
 * Members of a group picked from the organization's users; an expression may give IDs of users,
 * robot accounts or directory groups.
 */
export function memberIdsField(field: { name: string; displayName: string; description: string }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		description: `${field.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}
