import type { INodeProperties } from 'n8n-workflow';

import { GUID_PATTERN } from '../transport/urls';

/**
 * Parameter blocks shared by several operations, so each one reads and behaves the same
 * everywhere. Pass the `displayOptions.show` of the operation(s) that use it.
 */
type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+$';

/** The user an operation acts on: picked from a list, typed as an ID, or found by email. */
export function userLocator(show: Show, description = 'The UiPath user to act on'): INodeProperties {
	return {
		displayName: 'User',
		name: 'userId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9d6f0a57-3c1e-4b7a-8f3e-2d1c0b9a8e7f',
				validation: [
					{ type: 'regex', properties: { regex: GUID_PATTERN, errorMessage: 'Not a UiPath ID (GUID)' } },
				],
			},
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
}

/** A multi-select of the organization's groups; expressions may give IDs as a list or comma-separated. */
export function groupIdsField(
	field: { name: string; displayName: string; description: string },
	show?: Show,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description: `${field.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		...(show ? { displayOptions: { show } } : {}),
	};
}

export function simplifyField(show: Show): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show },
	};
}

/** "Return All" plus "Limit", as every n8n list operation offers them. */
export function returnAllAndLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
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

/** Group picker: From list (searchable), By ID (GUID), By Name (exact, resolved at run time). */
export function groupLocator(show: Show, description: string): INodeProperties {
	return {
		displayName: 'Group',
		name: 'groupId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group...',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0b7c1a6e-5d4f-4e3a-9b2c-1d0e9f8a7b6c',
				validation: [
					{ type: 'regex', properties: { regex: GUID_PATTERN, errorMessage: 'Enter a group ID (a GUID)' } },
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Finance Robots',
				hint: 'The exact group name, including upper and lower case',
			},
		],
	};
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
export function searchTermFilter(show: Show, placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
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

/** The Options collection of an operation (n8n's name and placeholder for optional settings). */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}
