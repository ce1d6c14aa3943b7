import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { directoryOperations } from './directory/Directory.resource';
import { groupOperations } from './group/Group.resource';
import type { IdentityOperation, IdentityResource, OperationTables } from './node.type';
import { robotAccountOperations } from './robotAccount/RobotAccount.resource';
import { runBulk, runItems, runWhole } from './runner';
import { dryRunDescription } from '../shared/dryRun';
import type { ParameterRules } from '../shared/parameterTypes';
import { refusalItems, toolRefusal } from '../shared/tool';
import { settingOperations } from './setting/Setting.resource';
import { userOperations } from './user/User.resource';
import { requestOptionsDescription } from '../transport/options';

const operations: OperationTables = {
	directory: directoryOperations,
	group: groupOperations,
	robotAccount: robotAccountOperations,
	setting: settingOperations,
	user: userOperations,
};

/** The operation for a resource and operation value, or undefined for a value the node does not have. */
export function findOperation(resource: string, operation: string): IdentityOperation | undefined {
	if (!Object.prototype.hasOwnProperty.call(operations, resource)) return undefined;
	const table: Record<string, IdentityOperation> = operations[resource as IdentityResource];
	return Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
}

/**
 * Picks the operation of the node (resource and operation are fixed per node, so item 0 names
 * them) and hands it to the runner: per item, or all items at once for bulk operations.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getInputData().length === 0) return [[]];
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = findOperation(resource, operation);
	// As an AI agent's tool, some operations refuse before anything is sent (shared/tool.ts).
	const refusal = toolRefusal(this.getNode(), resource, operation);
	if (refusal) return [refusalItems(this, refusal)];
	// What the runner checks every item's parameter types against: the operation's own fields and
	// the node-wide ones every operation shows.
	const rules: ParameterRules = {
		properties: [...(handler?.description ?? []), dryRunDescription, requestOptionsDescription],
		alsoAccepts: handler?.alsoAccepts ?? {},
	};
	if (handler?.executeItems) return [await runWhole.call(this, handler.executeItems, rules)];
	if (handler?.executeAll) return [await runBulk.call(this, handler.executeAll, rules)];
	return [await runItems.call(this, handler?.execute ?? unsupported(resource, operation), rules)];
}

/** Fails every item, as a workflow saved with an operation this version does not have should. */
function unsupported(resource: string, operation: string): NonNullable<IdentityOperation['execute']> {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
			{ itemIndex },
		);
	};
}
