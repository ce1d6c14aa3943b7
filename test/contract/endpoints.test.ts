import { endpoints, type Endpoint } from '../../nodes/UiPathIdentity/transport/endpoints';
import { contractValidator } from './validator';

// The node's endpoint table and the contract describe the same endpoints: every entry of
// transport/endpoints.ts is an operation of test/contract/identity-api.yaml with the same method,
// the same source and one of its scopes. A new endpoint added to one and not the other fails here.

const SAMPLE_ID = '7e1b3c52-1f0a-4a4b-9d0e-2f0c1b2a3d4e';
const ORGANIZATION = '0f4c2b1a-3d2e-4f5a-8b9c-1d2e3f4a5b6c';

function samplePath(entry: Endpoint<[]> | Endpoint<[string]>): string {
	// Every path builder takes at most one ID; the organization placeholder is filled like a request would be.
	const path = (entry.path as (id: string) => string)(SAMPLE_ID);
	return path.replace(/\{organizationId\}|%7BorganizationId%7D/g, ORGANIZATION);
}

describe('endpoint table (transport/endpoints.ts) against the contract', () => {
	const { matchOperation } = contractValidator();
	const rows = Object.entries(endpoints).map(([name, entry]) => {
		const operation = matchOperation(entry.method, `https://cloud.uipath.com/acme/identity_${samplePath(entry)}`);
		return {
			name,
			operation: operation?.operationId,
			source: entry.source,
			contractSource: operation?.['x-source'],
			scopeKnown: ((operation?.['x-scopes'] as string[] | undefined) ?? []).includes(entry.scope),
		};
	});

	it('finds a contract operation for every endpoint the node calls', () => {
		expect(rows.filter((row) => !row.operation).map((row) => row.name)).toEqual([]);
	});

	it('gives every endpoint the source the contract gives it', () => {
		const mismatched = rows.filter((row) => row.source !== row.contractSource);
		expect(mismatched).toEqual([]);
	});

	it('asks for a scope the contract lists for the operation', () => {
		expect(rows.filter((row) => !row.scopeKnown).map((row) => `${row.name} (${row.operation})`)).toEqual([]);
	});

	it('maps distinct endpoints to distinct operations', () => {
		const operations = rows.map((row) => row.operation);
		expect(new Set(operations).size).toBe(operations.length);
	});
});
