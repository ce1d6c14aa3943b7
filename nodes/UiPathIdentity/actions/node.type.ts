import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ParameterRules } from '../shared/parameterTypes';

/** One operation of one resource: its fields and what it does for one input item. */
export interface IdentityOperation {
	description: INodeProperties[];
	/**
	 * Fields whose reader takes more than their declared type, by name (e.g. Setting → Get's Keys
	 * as a list). Every other value of the wrong type fails its item before the operation runs.
	 */
	alsoAccepts?: ParameterRules['alsoAccepts'];
	/** Per-item work; bulk operations have `executeAll` instead. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Bulk operations (Create Many, Delete Many) combine input items into a few requests. When
	 * present, the router calls this once instead of `execute` per item, with the indexes of the
	 * items whose parameters passed the type check (in input order; run-wide options are read from
	 * the first). It returns an entry per given index, at that index: the item's output, or the
	 * error that belongs to that item (only under continue-on-fail; otherwise it throws the first
	 * error before sending anything further).
	 */
	executeAll?(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<IDataObject | Error>>;
	/**
	 * Operations whose output is not one item per input item (User → Sync adds one item per
	 * account it acts on outside the input) build the output items themselves, pairing them.
	 */
	executeItems?(this: IExecuteFunctions, itemCount: number): Promise<INodeExecutionData[]>;
}

/**
 * Every resource of the node and its operation values. The resource files type their operation
 * tables with `OperationTable<'...'>`, so an operation listed here but not implemented (or the
 * other way round) fails to compile, and the router looks operations up through this map.
 */
export interface IdentityNodeMap {
	directory: 'checkGroupMembership' | 'search';
	group: 'create' | 'delete' | 'get' | 'getAll' | 'getMembers' | 'update';
	robotAccount: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	setting: 'get' | 'update';
	user:
		| 'activate'
		| 'addToGroups'
		| 'changePassword'
		| 'create'
		| 'createMany'
		| 'deactivate'
		| 'delete'
		| 'deleteMany'
		| 'get'
		| 'getAll'
		| 'invite'
		| 'removeFromGroups'
		| 'resetPassword'
		| 'sync'
		| 'update';
}

export type IdentityResource = keyof IdentityNodeMap;

/** The operations of one resource, keyed by operation value. */
export type OperationTable<R extends IdentityResource> = Record<IdentityNodeMap[R], IdentityOperation>;

/** All operation tables, keyed by resource value. */
export type OperationTables = { [R in IdentityResource]: OperationTable<R> };
