import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation of one resource: its fields and what it does for one input item. */
export interface IdentityOperation {
	description: INodeProperties[];
	/** Per-item work; bulk operations have `executeAll` instead. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Bulk operations (Create Many, Delete Many) combine all input items into a few requests. When
	 * present, the router calls this once instead of `execute` per item. It returns one entry per
	 * input item, in input order: the item's output, or the error that belongs to that item (only
	 * under continue-on-fail; otherwise it throws the first error before sending anything further).
	 */
	executeAll?(this: IExecuteFunctions, itemCount: number): Promise<Array<IDataObject | Error>>;
	/**
	 * Operations whose output is not one item per input item (User → Sync adds one item per
	 * account it acts on outside the input) build the output items themselves, pairing them.
	 */
	executeItems?(this: IExecuteFunctions, itemCount: number): Promise<INodeExecutionData[]>;
}
