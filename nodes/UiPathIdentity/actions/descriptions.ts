import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Parameter blocks several operations share, so they read and behave the same everywhere. */

type Show = NonNullable<IDisplayOptions['show']>;

const GUID_PATTERN = '^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';

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
					{
						type: 'regex',
						properties: { regex: GUID_PATTERN, errorMessage: 'Enter a group ID (a GUID)' },
					},
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

/** Return All + Limit; the limit field only shows while Return All is off. */
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

/** For an Options collection of a delete: succeed when the object is already gone. */
export function ignoreMissingOption(noun: string): INodeProperties {
	return {
		displayName: 'Succeed If Already Deleted',
		name: 'ignoreMissing',
		type: 'boolean',
		default: false,
		description: `Whether to succeed with alreadyDeleted: true when the ${noun} does not exist (e.g. removed by an earlier run), so re-running a flow is safe`,
	};
}

/**
 * Multi-select of the organization's groups (loaded by `getGroups`); an expression may give IDs as
 * an array or a comma-separated text. Read it with `guidList`.
 */
export function groupPicker(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}
