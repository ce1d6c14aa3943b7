import type { IdentityOperation } from './types';

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
