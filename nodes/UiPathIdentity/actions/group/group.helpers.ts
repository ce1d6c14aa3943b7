import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { groupTypeName } from '../../shared/enums';
import { pickFields } from '../../shared/readers';
import type { OutputShape } from '../../shared/descriptions';
import type { GroupRef } from '../../shared/groups';

/** Output of Group → Get and Get Many: Simplified keeps what identifies a group. */
export const GROUP_OUTPUT: OutputShape = {
	simplified: ['id', 'name', 'type'],
	all: ['creationTime', 'displayName', 'id', 'lastModificationTime', 'members', 'name', 'type'],
};

/** Group as output: readable `type`; with `simplify`, only the simplified fields (tool runs). */
export function groupOutput(group: IDataObject, simplify = false): IDataObject {
	const output: IDataObject = { ...group, type: groupTypeName(group.type) as IDataObject[string] };
	return simplify ? pickFields(output, GROUP_OUTPUT.simplified) : output;
}

/** The group's current name; UiPath rejects group updates without one. */
export async function currentGroupName(ctx: IExecuteFunctions, itemIndex: number, group: GroupRef): Promise<string> {
	if (group.name) return group.name;
	const answer = (await identityRequest.call(ctx, itemIndex, {
		...endpoint(endpoints.groupGet, group.id),
		answer: 'object',
	})) as IDataObject;
	return String(answer.name ?? '');
}
