import { contractValidator } from './validator';

// The contract itself: every operation says which scopes it needs and where UiPath describes it.

const SOURCES = ['public', 'internal-2023', 'undocumented'];

describe('contract (test/contract/identity-api.yaml)', () => {
	const { operations } = contractValidator();

	it('names scopes and source for every operation', () => {
		const incomplete = operations
			.filter((operation) => {
				const scopes = operation['x-scopes'] as unknown;
				return !Array.isArray(scopes) || scopes.length === 0 || !SOURCES.includes(String(operation['x-source']));
			})
			.map((operation) => operation.operationId);
		expect(incomplete).toEqual([]);
	});

	it('marks the endpoints missing from the external definition', () => {
		const sourceOf = Object.fromEntries(operations.map((operation) => [operation.operationId, operation['x-source']]));
		expect(sourceOf).toMatchObject({
			inviteUsers: 'internal-2023',
			listPartitionUsers: 'internal-2023',
			searchDirectory: 'internal-2023',
			checkGroupMembership: 'internal-2023',
			listGroupMembers: 'undocumented',
			listUsers: 'public',
		});
	});

	it('resolves request paths of every deployment shape to the same operation', () => {
		const { matchOperation } = contractValidator();
		const id = '7e1b3c52-1f0a-4a4b-9d0e-2f0c1b2a3d4e';
		const found = [
			`https://cloud.uipath.com/acme/identity_/api/User/users/${id}`,
			`https://suite.example.com/identity_/api/User/users/${id}`,
			`https://orch.example.com/identity/api/User/users/${id}?top=10`,
		].map((url) => matchOperation('GET', url)?.operationId);
		expect(found).toEqual(['listUsers', 'listUsers', 'listUsers']);
		expect(matchOperation('GET', `/identity/api/UserPartition/users/${id}`)?.operationId).toBe('listPartitionUsers');
	});
});
