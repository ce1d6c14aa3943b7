import nock from 'nock';

import { contractValidator, formatViolation } from './validator';
import type { ContractOperation, ContractViolation } from './validator';

/*
 * Every request the node sends to a nock interceptor and every answer a test fakes is checked against
 * the project's contract (test/contract/identity-api.yaml), so the unit tests cannot drift from what the
 * simulator and UiPath answer. test/setup.ts fails a test that leaves violations behind.
 *
 * Tests that fake a hostile or malformed answer on purpose say so with offContractReply() (one answer)
 * or offContract() (everything of a scope), both re-exported by test/fixtures.ts.
 */

/**
 * Requests of the node that break the contract and cannot be fixed in the unit tests' area (node code
 * is changed only with its own issue). Each entry names why; the check ignores exactly these.
 */
export const KNOWN_NODE_DIVERGENCES: Array<{ operation: string; field: string; rule: string; reason: string }> = [];

/**
 * Unit tests that fake an answer outside the contract on purpose (a missing body, malformed JSON, an
 * unknown enum number) or drive the transport with synthetic requests. They live in folders this
 * check may not edit, so they are listed here by test name (describe blocks and title joined by
 * spaces; a prefix exempts every test under it). New tests use offContractReply()/offContract().
 */
export const EXEMPT_TESTS: Array<{ test: string; reason: string }> = [
	{ test: 'Robot Account → Update answers {id, updated: true} when UiPath returns no body', reason: 'fakes an empty 200 on purpose' },
	{ test: 'Robot Account → Create says what was created when UiPath answers without a body', reason: 'fakes an empty 201 on purpose' },
	{ test: 'Group → Update answers with the ID and name when UiPath returns no body', reason: 'fakes an empty 200 on purpose' },
	{ test: 'Group → Create answers with the sent ID and name when UiPath returns no body', reason: 'fakes an empty 201 on purpose' },
	{ test: 'Setting → Update reports what was sent when UiPath answers without a list', reason: 'fakes an empty 200 on purpose' },
	{ test: 'User → Get keeps an unknown enum number as it came', reason: 'fakes an enum number outside the contract on purpose' },
	{
		test: 'Group → Get Members stops at a short page when totalCount is missing, and names unknown types by number',
		reason: 'fakes a page without totalCount and an unknown member type on purpose (its member IDs are not GUIDs either)',
	},
	{ test: 'Fault matrix: Change Password × continue-on-fail', reason: 'the fault matrix fakes hostile answers by design' },
	{ test: 'n8n core on its own (no gate)', reason: 'token single-flight test: answers GET User with {} (no user), only the token traffic matters' },
	{ test: 'Retries by method', reason: 'retry mechanics driven by synthetic requests (POST on a user path, unknown query parameters) through the transport probe' },
];

interface Recorded extends ContractViolation {
	direction: 'request' | 'response';
	request: string;
}

const OFF_CONTRACT = Symbol('offContract');
const offBodies = new WeakSet<object>();
const offScopes = new WeakSet<object>();
let recorded: Recorded[] = [];
let installed = false;

/** Marks a reply body the test fakes on purpose although it breaks the contract. Returns it unchanged. */
export function offContractReply<T extends object>(body: T): T {
	offBodies.add(body);
	return body;
}

/** Exempts every request and answer of a nock scope from the contract check (say why in the test). */
export function offContract<T extends nock.Scope>(scope: T): T {
	offScopes.add(scope);
	return scope;
}

function isKnown(violation: ContractViolation): boolean {
	return KNOWN_NODE_DIVERGENCES.some(
		(known) => known.operation === violation.operation && known.field === violation.field && violation.rule.startsWith(known.rule),
	);
}

function record(direction: Recorded['direction'], request: string, violations: ContractViolation[]) {
	for (const violation of violations) {
		if (direction === 'request' && isKnown(violation)) continue;
		recorded.push({ direction, request, ...violation });
	}
}

interface InterceptorLike {
	statusCode: number | null;
	body?: unknown;
	replyFunction?: (...args: unknown[]) => unknown;
	fullReplyFunction?: (...args: unknown[]) => unknown;
	scope: object;
	[OFF_CONTRACT]?: boolean;
}

interface RequestLike {
	method?: string;
	path?: string;
	host?: string;
}

function checkReply(label: string, operation: ContractOperation, status: number, body: unknown) {
	if (body !== null && typeof body === 'object' && offBodies.has(body)) return;
	record('response', label, contractValidator().validateResponse(operation, status, body));
}

/** Checks the answer of a reply function once it is known; keeps the function's arity for nock. */
function wrapReplyFunction(interceptor: InterceptorLike, key: 'replyFunction' | 'fullReplyFunction', label: string, operation: ContractOperation) {
	const original = interceptor[key];
	if (!original || (original as { [OFF_CONTRACT]?: boolean })[OFF_CONTRACT]) return;
	const inspect = (result: unknown) => {
		if (key === 'fullReplyFunction' || Array.isArray(result)) {
			const [status, body] = result as [number, unknown];
			checkReply(label, operation, status, body);
		} else {
			checkReply(label, operation, interceptor.statusCode ?? 200, result);
		}
		return result;
	};
	const wrapped =
		original.length === 3
			? function (this: unknown, uri: unknown, body: unknown, callback: (error: unknown, result?: unknown) => void) {
					original.call(this, uri, body, (error: unknown, result?: unknown) => callback(error, error ? result : inspect(result)));
				}
			: function (this: unknown, uri: unknown, body: unknown) {
					const result = original.call(this, uri, body);
					return result instanceof Promise ? result.then(inspect) : inspect(result);
				};
	(wrapped as unknown as { [OFF_CONTRACT]: boolean })[OFF_CONTRACT] = true;
	interceptor[key] = wrapped as unknown as (...args: unknown[]) => unknown;
}

function onRequest(req: RequestLike, interceptor: InterceptorLike, bodyText: string) {
	if (offScopes.has(interceptor.scope)) return;
	const url = String(req.path ?? '');
	if (!/\/api\//i.test(url)) return; // the token endpoint and other non-API calls
	const method = String(req.method ?? 'GET');
	const label = `${method} ${url}`;
	const validator = contractValidator();
	record('request', label, validator.validateRequest(method, url, undefined, bodyText));
	const operation = validator.matchOperation(method, url);
	if (!operation || interceptor[OFF_CONTRACT]) return;
	if (interceptor.replyFunction) wrapReplyFunction(interceptor, 'replyFunction', label, operation);
	else if (interceptor.fullReplyFunction) wrapReplyFunction(interceptor, 'fullReplyFunction', label, operation);
	else if (interceptor.statusCode !== null) {
		const raw = interceptor.body;
		checkReply(label, operation, interceptor.statusCode, typeof raw === 'string' && raw ? safeJson(raw) : raw === '' ? undefined : raw);
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Hooks the check into nock (once per test file: jest gives each file its own nock). nock reports
 * each matched request as a `request` event of its scope; the hook listens to all scopes.
 */
export function installNockContractCheck(): void {
	if (installed) return;
	installed = true;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Scope } = require('nock/lib/scope') as { Scope: { prototype: { emit: (event: string, ...args: unknown[]) => boolean } } };
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Interceptor = require('nock/lib/interceptor') as { prototype: { reply: (...args: unknown[]) => unknown } };
	const emit = Scope.prototype.emit;
	Scope.prototype.emit = function (this: object, event: string, ...args: unknown[]) {
		if (event === 'request') onRequest(args[0] as RequestLike, args[1] as InterceptorLike, String(args[2] ?? ''));
		return emit.call(this, event, ...args);
	};
	// nock turns object bodies into JSON text in reply(): remember the test's marking before that.
	const reply = Interceptor.prototype.reply;
	Interceptor.prototype.reply = function (this: InterceptorLike, ...args: unknown[]) {
		const body = args[1];
		if (body !== null && typeof body === 'object' && offBodies.has(body)) this[OFF_CONTRACT] = true;
		return reply.apply(this, args);
	};
}

function isExempt(testName: string | undefined): boolean {
	const name = testName ?? '';
	return EXEMPT_TESTS.some((entry) => name === entry.test || name.startsWith(`${entry.test} `));
}

/** The violations since the last call, as one line each; none for a test listed in EXEMPT_TESTS. */
export function takeContractViolations(testName?: string): string[] {
	const taken = recorded;
	recorded = [];
	if (isExempt(testName)) return [];
	return taken.map((violation) => `${violation.direction} of ${violation.request}: ${formatViolation(violation)}`);
}
