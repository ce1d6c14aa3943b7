'use strict';

// Request validation that answers like ASP.NET Core model binding: HTTP 400 ProblemDetails whose
// `errors` map names the camelCase field (reference section 5.1, item 1).

const { problem } = require('./http');
const { isGuid } = require('./store');

const TYPE_NAMES = {
	string: 'System.String',
	boolean: 'System.Boolean',
	guid: 'System.Guid',
	int: 'System.Int32',
	'guid[]': 'System.Collections.Generic.List`1[System.Guid]',
	'string[]': 'System.Collections.Generic.List`1[System.String]',
	map: 'System.Collections.Generic.Dictionary`2[System.String,System.String]',
	array: 'System.Collections.Generic.List`1[System.Object]',
	object: 'System.Object',
};

function matches(type, value) {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'boolean':
			return typeof value === 'boolean';
		case 'int':
			return Number.isInteger(value);
		case 'guid':
			return isGuid(value);
		case 'guid[]':
			return Array.isArray(value) && value.every(isGuid);
		case 'string[]':
			return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
		case 'map':
			return typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((entry) => typeof entry === 'string');
		case 'array':
			return Array.isArray(value);
		case 'object':
			return typeof value === 'object' && !Array.isArray(value);
		default:
			return true;
	}
}

function capitalize(name) {
	return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Parses a JSON body and checks field types. `schema` maps field → type; `required` lists fields
 * that must be present (null counts as absent). Unknown fields are ignored, as ASP.NET does.
 */
function parseJsonBody(raw, { schema = {}, required = [], kind = 'object' } = {}) {
	if (!raw || !raw.trim()) {
		throw problem({ '': ['A non-empty request body is required.'] });
	}
	let body;
	try {
		body = JSON.parse(raw);
	} catch (error) {
		throw problem({ '$': [`Unexpected character encountered while parsing value. ${String(error.message).split('\n')[0]}`] });
	}
	if (kind === 'array') {
		if (!Array.isArray(body)) {
			throw problem({ '$': [`Cannot deserialize the current JSON object into type '${TYPE_NAMES.array}'. Path ''.`] });
		}
		return body;
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw problem({ '$': ['The JSON value could not be converted to the command type. Path: $.'] });
	}
	checkFields(body, schema, required, '');
	return body;
}

function checkFields(body, schema, required, prefix) {
	const errors = {};
	for (const [field, type] of Object.entries(schema)) {
		const value = body[field];
		if (value === undefined || value === null) continue;
		if (!matches(type, value)) {
			errors[prefix + field] = [
				`Error converting value ${JSON.stringify(value)} to type '${TYPE_NAMES[type] || type}'. Path '${prefix + field}'.`,
			];
		}
	}
	for (const field of required) {
		const value = body[field];
		if (value === undefined || value === null || value === '') {
			errors[prefix + field] = [`The ${capitalize(field)} field is required.`];
		}
	}
	if (Object.keys(errors).length) throw problem(errors);
}

/** `top` (default 10, 0–1000) and `skip` (≥ 0) as UiPath pages lists (reference 4.0). */
function paging(query) {
	const errors = {};
	const read = (name, fallback, min, max) => {
		const raw = query.get(name);
		if (raw === null || raw === '') return fallback;
		const value = Number(raw);
		if (!Number.isInteger(value)) {
			errors[name] = [`The value '${raw}' is not valid for ${capitalize(name)}.`];
			return fallback;
		}
		if (value < min || value > max) {
			errors[name] = [`The field ${capitalize(name)} must be between ${min} and ${max}.`];
			return fallback;
		}
		return value;
	};
	const top = read('top', 10, 0, 1000);
	const skip = read('skip', 0, 0, 2147483647);
	const sortOrder = (query.get('sortOrder') || 'asc').toLowerCase();
	if (!['asc', 'desc'].includes(sortOrder)) {
		errors.sortOrder = [`The value '${query.get('sortOrder')}' is not valid for SortOrder.`];
	}
	if (Object.keys(errors).length) throw problem(errors);
	return { top, skip, sortBy: query.get('sortBy') || '', sortOrder };
}

function page(items, { top, skip, sortBy, sortOrder }) {
	let sorted = items;
	if (sortBy) {
		const key = Object.keys(items[0] || {}).find((name) => name.toLowerCase() === sortBy.toLowerCase());
		if (key) {
			sorted = [...items].sort((a, b) => {
				const left = a[key] ?? '';
				const right = b[key] ?? '';
				const order = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
				return sortOrder === 'desc' ? -order : order;
			});
		}
	}
	return { totalCount: sorted.length, results: sorted.slice(skip, skip + top) };
}

function guidParam(value, name) {
	if (!isGuid(value)) throw problem({ [name]: [`The value '${value}' is not valid.`] });
	return value.toLowerCase();
}

module.exports = { parseJsonBody, checkFields, paging, page, guidParam };
