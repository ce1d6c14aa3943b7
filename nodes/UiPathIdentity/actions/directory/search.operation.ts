import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { optionsCollection, requiredText } from '../../shared/descriptions';
import { endpoint, endpoints } from '../../transport/endpoints';
import { directoryEntityTypeName } from '../../shared/enums';

const show = { resource: ['directory'], operation: ['search'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	requiredText({
		displayName: 'Starts With',
		name: 'startsWith',
		placeholder: 'e.g. jane',
		description: 'Beginning of the name or email address of the users, groups or applications to find',
	}),
	{
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Application', value: 'application' },
			{ name: 'Group', value: 'group' },
			{ name: 'User', value: 'user' },
		],
	},
	optionsCollection([
		{
			displayName: 'Sources',
			name: 'sources',
			type: 'multiOptions',
			default: [],
			description: 'Only entries from these sources; none means all',
			options: [
				{ name: 'Applications', value: 'applications' },
				{ name: 'Directory Groups', value: 'directoryGroups' },
				{ name: 'Directory Users', value: 'directoryUsers' },
				{ name: 'Local Groups', value: 'localGroups' },
				{ name: 'Local Users', value: 'localUsers' },
				{ name: 'Robot Accounts', value: 'robotAccounts' },
			],
		},
	]),
]);

/** `GET /api/Directory/Search/{organization}`: one output item per entry found. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const startsWith = String(this.getNodeParameter('startsWith', itemIndex, '')).trim();
	const entityType = this.getNodeParameter('entityType', itemIndex, 'any') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as { sources?: string[] };

	const qs: IDataObject = { startsWith };
	if (entityType !== 'any') qs.entityType = entityType;
	if (options.sources?.length) qs.sourceFilter = options.sources;

	const entries = (await identityRequest.call(this, itemIndex, {
		...endpoint(endpoints.directorySearch),
		qs,
		answer: 'list',
	})) as IDataObject[];
	return entries.map((entry) => ({
		...entry,
		type: directoryEntityTypeName(entry.type) as IDataObject[string],
	}));
}
