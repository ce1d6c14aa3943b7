// Types of validator.js (plain JavaScript, shared with the simulator and the end-to-end tests).

export interface ContractViolation {
	operation: string;
	field: string;
	rule: string;
	message?: string;
}

export interface ContractOperation {
	operationId: string;
	method: string;
	path: string;
	[key: string]: unknown;
}

export interface ContractValidator {
	definition: Record<string, unknown>;
	operations: ContractOperation[];
	matchOperation(method: string, urlOrPath: string): ContractOperation | undefined;
	validateRequest(method: string, urlOrPath: string, query: unknown, body: unknown): ContractViolation[];
	validateResponse(operation: ContractOperation | string, status: number, body: unknown): ContractViolation[];
}

export const CONTRACT_FILE: string;
export function loadContract(file?: string): Record<string, unknown>;
export function createValidator(definition?: Record<string, unknown>): ContractValidator;
export function contractValidator(): ContractValidator;
export function formatViolation(violation: ContractViolation): string;
export function apiPathOf(urlOrPath: string): { path: string; search: string } | undefined;
