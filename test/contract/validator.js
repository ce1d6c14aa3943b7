'use strict';

// Checks requests and answers against the project's contract (identity-api.yaml) with openapi-backend,
// a maintained OpenAPI 3 validator (Ajv underneath). Used by the simulator (every request and every
// answer), by the unit tests' nock check and by the end-to-end gate. docs/contract.md explains it.
//
// A violation is { operation, field, rule, message }: the operation ID of the contract, the field as a
// path (`requestBody.users[0].email`, `query.top`, `response.results[2].id`) and the failed rule.

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
// The router and validator modules are loaded directly: the package entry also loads a JSON-schema
// reference parser that is not needed here, because the contract is dereferenced below.
const { OpenAPIRouter } = require('openapi-backend/router');
const { OpenAPIValidator } = require('openapi-backend/validation');

const CONTRACT_FILE = path.join(__dirname, 'identity-api.yaml');

// Deliberately small format checks: just what the contract uses.
const FORMATS = {
	email: /^[^@\s]+@[^@\s]+$/,
	'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i,
};

/** Replaces every internal `$ref` by (a copy of) its target. The contract has no cycles. */
function dereference(root) {
	const resolve = (pointer) =>
		pointer
			.replace(/^#\//, '')
			.split('/')
			.reduce((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
	const walk = (node, seen) => {
		if (Array.isArray(node)) return node.map((entry) => walk(entry, seen));
		if (!node || typeof node !== 'object') return node;
		if (typeof node.$ref === 'string') {
			if (seen.includes(node.$ref)) throw new Error(`Cyclic $ref ${node.$ref} in the contract`);
			const { $ref, ...rest } = node;
			return { ...walk(resolve($ref), [...seen, $ref]), ...walk(rest, seen) };
		}
		return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, seen)]));
	};
	return walk(root, []);
}

function loadContract(file = CONTRACT_FILE) {
	return YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true });
}

/** `/requestBody/users/0/email` → `requestBody.users[0].email`. */
function fieldName(instancePath, extra) {
	const parts = instancePath.split('/').filter(Boolean);
	if (extra !== undefined) parts.push(String(extra));
	return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function describeError(error, prefix = '') {
	const extra = error.params && (error.params.missingProperty ?? error.params.additionalProperty);
	const field = fieldName(prefix + error.instancePath, extra);
	let rule = error.keyword;
	if (error.keyword === 'enum') rule = `enum (${error.params.allowedValues.join(', ')})`;
	else if (error.keyword === 'type') rule = `type ${error.params.type}`;
	else if (error.keyword === 'format') rule = `format ${error.params.format}`;
	else if (error.keyword === 'required') rule = 'required';
	else if (error.keyword === 'additionalProperties') rule = 'additionalProperties (not in the contract)';
	return { field: field || '(body)', rule, message: error.message };
}

/** Ajv reports every failed branch of a oneOf; keep one violation per oneOf, naming the branches. */
function collapse(errors, prefix = '') {
	const isUnion = (error) => error.keyword === 'oneOf' || error.keyword === 'anyOf';
	const oneOfPaths = errors.filter(isUnion).map((error) => error.schemaPath);
	const kept = [];
	for (const error of errors) {
		const branchOf = oneOfPaths.find((schemaPath) => !isUnion(error) && error.schemaPath.startsWith(`${schemaPath}/`));
		if (branchOf) continue;
		if (isUnion(error)) {
			const branches = errors
				.filter((other) => other !== error && other.schemaPath.startsWith(error.schemaPath + '/'))
				.map((other) => `${fieldName(prefix + other.instancePath) || '(body)'} ${other.message}`);
			kept.push({ ...error, message: `matches none of the accepted forms: ${[...new Set(branches)].join('; ')}` });
			continue;
		}
		kept.push(error);
	}
	return kept;
}

/** The part of a URL or path from `/api/` on, and its query, or undefined when it is not an API call. */
function apiPathOf(urlOrPath) {
	const text = String(urlOrPath);
	const index = text.search(/\/api\//i);
	if (index < 0) return undefined;
	const rest = text.slice(index);
	const queryAt = rest.indexOf('?');
	return queryAt < 0 ? { path: rest, search: '' } : { path: rest.slice(0, queryAt), search: rest.slice(queryAt + 1) };
}

function queryObject(query, search) {
	const result = {};
	const add = (key, value) => {
		if (value === undefined || value === null) return;
		const values = Array.isArray(value) ? value.map(String) : [String(value)];
		result[key] = result[key] === undefined ? values : [].concat(result[key], values);
	};
	if (search) for (const [key, value] of new URLSearchParams(search)) add(key, value);
	if (query instanceof URLSearchParams) for (const [key, value] of query) add(key, value);
	else if (query && typeof query === 'object') for (const [key, value] of Object.entries(query)) add(key, value);
	for (const key of Object.keys(result)) if (result[key].length === 1) result[key] = result[key][0];
	return result;
}

function parseBody(body) {
	if (typeof body !== 'string') return body;
	if (!body.trim()) return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Builds a validator for a contract (the project's by default).
 * @returns {{ definition: object, operations: object[], matchOperation: Function, validateRequest: Function, validateResponse: Function }}
 */
function createValidator(definition = loadContract()) {
	const dereferenced = dereference(definition);
	const router = new OpenAPIRouter({ definition: dereferenced });
	const validator = new OpenAPIValidator({
		definition: dereferenced,
		router,
		lazyCompileValidators: true,
		ajvOpts: { allErrors: true },
		customizeAjv: (ajv) => {
			for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern);
			return ajv;
		},
	});

	function matchOperation(method, urlOrPath) {
		const target = apiPathOf(urlOrPath);
		if (!target) return undefined;
		return router.matchOperation({ method: String(method).toLowerCase(), path: target.path, headers: {} }) || undefined;
	}

	/** Violations of one request (method, URL or path, query object, body object or JSON text). */
	function validateRequest(method, urlOrPath, query, body) {
		const target = apiPathOf(urlOrPath);
		if (!target) return [{ operation: '(none)', field: 'path', rule: 'path outside /api/', message: String(urlOrPath) }];
		const operation = matchOperation(method, urlOrPath);
		if (!operation) {
			return [{ operation: '(none)', field: 'path', rule: 'no operation in the contract', message: `${String(method).toUpperCase()} ${target.path}` }];
		}
		const parsed = parseBody(body);
		const request = {
			method: String(method).toLowerCase(),
			path: target.path,
			query: queryObject(query, target.search),
			headers: parsed === undefined ? {} : { 'content-type': 'application/json' },
			body: parsed,
		};
		const violations = [];
		if (operation.requestBody && operation.requestBody.required && parsed === undefined) {
			violations.push({ operation: operation.operationId, field: 'requestBody', rule: 'required', message: 'the request has no body' });
		}
		if (!operation.requestBody && parsed !== undefined) {
			violations.push({ operation: operation.operationId, field: 'requestBody', rule: 'no body in the contract', message: 'the request has a body' });
		}
		const result = validator.validateRequest(request, operation);
		for (const error of collapse(result.errors || [])) {
			violations.push({ operation: operation.operationId, ...describeError(error) });
		}
		return violations;
	}

	/**
	 * Violations of one answer. Success statuses must be in the contract; refusals (4xx/5xx) are only
	 * checked where the contract describes them (for example IdentityResult on 400).
	 */
	function validateResponse(operationOrId, status, body) {
		const operation = typeof operationOrId === 'string' ? router.getOperation(operationOrId) : operationOrId;
		if (!operation) return [{ operation: String(operationOrId), field: 'operation', rule: 'unknown operation', message: 'not in the contract' }];
		const declared = operation.responses || {};
		const response = declared[String(status)];
		if (!response) {
			if (status >= 200 && status < 300) {
				return [{ operation: operation.operationId, field: 'status', rule: 'status not in the contract', message: `HTTP ${status} (declared: ${Object.keys(declared).join(', ')})` }];
			}
			return [];
		}
		const schema = response.content && response.content['application/json'] && response.content['application/json'].schema;
		const parsed = parseBody(body);
		if (!schema) {
			return parsed === undefined || parsed === '' ? [] : [{ operation: operation.operationId, field: 'response', rule: 'no body in the contract', message: `HTTP ${status} has a body` }];
		}
		if (parsed === undefined) return [{ operation: operation.operationId, field: 'response', rule: 'required', message: `HTTP ${status} has no body` }];
		const result = validator.validateResponse(parsed, operation, status);
		return collapse(result.errors || [], '/response').map((error) => ({ operation: operation.operationId, ...describeError(error, '/response') }));
	}

	return { definition: dereferenced, operations: router.getOperations(), matchOperation, validateRequest, validateResponse };
}

let shared;
/** One validator per process for the project's contract. */
function contractValidator() {
	if (!shared) shared = createValidator();
	return shared;
}

/** `createUser requestBody.users[0].email: format email (must match format "email")` */
function formatViolation(violation) {
	return `${violation.operation} ${violation.field}: ${violation.rule}${violation.message ? ` (${violation.message})` : ''}`;
}

module.exports = { CONTRACT_FILE, loadContract, createValidator, contractValidator, formatViolation, apiPathOf };
