import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { groupTypeName } from '../../shared/enums';
import type { GroupRef } from '../../shared/groups';

/** Group as output: readable `type`; Simplify keeps what identifies a group. */
export function groupOutput(group: IDataObject, simplify = false): IDataObject {
	const output: IDataObject = { ...group, type: groupTypeName(group.type) as IDataObject[string] };
	if (!simplify) return output;
	return { id: output.id, name: output.name, type: output.type };
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
