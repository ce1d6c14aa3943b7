import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identityRequest } from '../../transport';
import { endpoint, endpoints } from '../../transport/endpoints';
import { EARLIER_ATTEMPT_NOTE, ORGANIZATION_ID, newObjectId } from '../../transport/urls';
import { additionalFieldsCollection, memberIdsField, requiredText } from '../../shared/descriptions';
import { guidList, requiredString } from '../../shared/readers';
import { forgetGroups } from '../../shared/groups';
import { runsAsTool } from '../../shared/tool';
import { groupOutput } from './group.helpers';

const show = { resource: ['group'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	requiredText({
		displayName: 'Name',
		name: 'name',
		placeholder: 'e.g. Finance Robots',
		description: 'Name of the new local group; it must be unique in the organization',
	}),
	additionalFieldsCollection([
		memberIdsField({ name: 'memberIds', displayName: 'Member Names or IDs', description: 'Members of the new group' }),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', 'Name', itemIndex, "Set 'Name' to the name of the new group").trim();
	const members = guidList(this, 'additionalFields.memberIds', 'Member Names or IDs', itemIndex);
	// UiPath rejects a create without an ID chosen by the caller; choosing it also tells us the ID.
	const id = newObjectId(this, itemIndex, name);

	const body: IDataObject = { id, partitionGlobalId: ORGANIZATION_ID, name };
	if (members.length) body.directoryUserMemberIDs = members;
	const sent = identityRequest.call(this, itemIndex, { ...endpoint(endpoints.groupCreate), body }) as Promise<IDataObject | undefined>;
	const outcome = await sent.then(
		(answer) => ({ answer, refusal: undefined }),
		(refusal: unknown) => ({ answer: undefined, refusal }),
	);
	forgetGroups(this);
	if (outcome.refusal !== undefined) {
		// A repeat of this execution meets the group its first attempt made (same ID and name).
		const existing = this.getExecutionId() ? await groupMadeEarlier(this, itemIndex, id, name) : undefined;
		// Not ours: fail with the refusal itself (awaiting the rejected request throws it as it was).
		if (!existing) return { ...(await sent) };
		return { alreadyCreated: true, note: EARLIER_ATTEMPT_NOTE, ...groupOutput(existing, runsAsTool(this.getNode())) };
	}
	return groupOutput(outcome.answer?.id ? outcome.answer : { id, name }, runsAsTool(this.getNode()));
}

async function groupMadeEarlier(ctx: IExecuteFunctions, itemIndex: number, id: string, name: string): Promise<IDataObject | undefined> {
	const found = (await identityRequest.call(ctx, itemIndex, {
		...endpoint(endpoints.groupGet, id),
		notFoundAsData: true,
	})) as IDataObject;
	const same = typeof found?.id === 'string' && found.id.toLowerCase() === id.toLowerCase() && String(found.name ?? '') === name;
	return same ? found : undefined;
}
