import { NodeApiError, NodeOperationError, UserError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { classifyFailure } from './retry';
import { TOKEN_ERROR_PREFIX } from './token';
import { isIdentityResult, redact, redactExternal, redactedAnswer, safeNode } from './redact';
import type { IdentityResultBody } from './redact';

/** What a request was about, so a failure can be explained in the user's terms. */
export interface RequestSubject {
	/** The scope the endpoint needs, named in 403 messages, e.g. `PM.User`. */
	scope: string;
	/** What a 404 means, e.g. `User "1234" was not found`. */
	notFound?: string;
	/** Values that must never appear in a message (passwords sent in the body). */
	secrets?: string[];
	/** Where the endpoint is described (transport/endpoints.ts); refusals of unpublished ones say so. */
	source?: 'public' | 'internal-2023' | 'undocumented';
	method?: string;
	path?: string;
}

/**
 * A 401, 403 or 404 from an endpoint outside UiPath's public definition: most likely the
 * deployment does not open it to external applications, which no scope or ID can fix.
 */
function unpublishedRefusal(status: number, reason: string | undefined, subject: Partial<RequestSubject>) {
	const where = subject.source === 'internal-2023' ? "only in UiPath's internal API definition of 2023" : "in none of UiPath's API definitions";
	const endpoint = [subject.method, subject.path].filter(Boolean).join(' ') || 'this endpoint';
	const because = reason ? `: ${reason}` : '';
	const message =
		status === 404 && subject.notFound
			? `${subject.notFound}, or this endpoint (${endpoint}) may not be open to external applications on this deployment (HTTP 404${because})`
			: `UiPath refused ${endpoint} (HTTP ${status}${because}): this endpoint may not be open to external applications on this deployment`;
	return {
		message,
		description: `The endpoint is described ${where}, and UiPath may refuse it to external applications (client credentials) while the portal can use it.${status === 403 ? ` Check that the external application has ${subject.scope ?? 'the needed scope'} as an application scope;` : ''} If it stays refused, use the UiPath portal for this step; the README lists these endpoints`,
	};
}

/** `PasswordMismatch: Incorrect password.; PasswordTooShort: ...` */
export function describeIdentityErrors(result: IdentityResultBody): string {
	const parts = result.errors.map((entry) =>
		[entry.code, entry.description].filter(Boolean).join(': '),
	);
	return parts.filter(Boolean).join('; ') || 'no reason given';
}

/** ASP.NET ProblemDetails `errors` map flattened to `field: message; field: message`. */
function describeProblemDetails(body: IDataObject): string | undefined {
	const errors = body.errors;
	if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
	const parts: string[] = [];
	for (const [field, messages] of Object.entries(errors as IDataObject)) {
		for (const message of Array.isArray(messages) ? messages : [messages]) {
			parts.push(field ? `${field}: ${String(message)}` : String(message));
		}
	}
	return parts.length ? parts.join('; ') : undefined;
}

function bodyReason(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body : undefined;
	const data = body as IDataObject;
	if (typeof data.errorMessage === 'string') return data.errorMessage;
	if (isIdentityResult(data)) return describeIdentityErrors(data);
	if (isIdentityResult(data.result)) return describeIdentityErrors(data.result);
	const problem = describeProblemDetails(data);
	if (problem) return problem;
	for (const key of ['message', 'Message', 'title', 'error_description']) {
		if (typeof data[key] === 'string' && data[key]) return data[key] as string;
	}
	return undefined;
}

interface CaughtError {
	httpCode?: string | null;
	message?: string;
	description?: string | null;
	code?: string;
	context?: { data?: unknown };
	cause?: { code?: string; isAxiosError?: boolean; message?: string; description?: string };
}

/** Codes Node.js and axios use when no HTTP answer arrived (connection, DNS, TLS, timeout). */
const NETWORK_CODES =
	/^(ECONN(REFUSED|RESET|ABORTED)|ETIMEDOUT|ESOCKETTIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_[A-Z_]+|ERR_TLS_[A-Z_]+|CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+)$/;

function explainStatus(status: number, reason: string | undefined, subject: Partial<RequestSubject>) {
	const because = reason ? `: ${reason}` : '';
	if ((status === 401 || status === 403 || status === 404) && subject.source && subject.source !== 'public') {
		return unpublishedRefusal(status, reason, subject);
	}
	switch (status) {
		case 400:
			return {
				message: `UiPath rejected the request${because || ' (HTTP 400)'}`,
				description: 'Correct the fields named in the message and run the node again',
			};
		case 401:
			return {
				message: 'UiPath did not accept the access token (HTTP 401)',
				description:
					'n8n fetched a new token and retried once. Check that the external application still exists and is enabled, then press Test in the UiPath Identity credential',
			};
		case 403:
			return {
				message: reason ?? `UiPath refused access (HTTP 403): the token lacks the ${subject.scope ?? 'needed'} scope or the external application lacks permission`,
				description: `Grant ${subject.scope ?? 'the scope the endpoint needs'} to the external application as an application scope in UiPath Admin → External Applications, add it to Scopes in the credential, then press Test in the credential to fetch a token with the new scope`,
			};
		case 404:
			return {
				message: subject.notFound ?? `UiPath could not find what was requested (HTTP 404)${because}`,
				description:
					'Check the ID (UiPath IDs are GUIDs) and that the credential points to the organization that owns it',
			};
		case 409:
			return {
				message: `UiPath reported a conflict (HTTP 409)${because}`,
				description: 'Someone else changed the same data; read it again and retry',
			};
		case 429:
			return {
				message: 'UiPath rate limit reached (HTTP 429)',
				description:
					'Automation Cloud allows per organization and 5 minutes 300 GET and 160 PUT/DELETE Identity calls. Turn on Request Handling → Pace Requests to UiPath Rate Limits, process fewer items per run, or use bulk operations',
			};
		default:
			return {
				message: `UiPath Identity answered HTTP ${status}${because}`,
				description:
					status >= 500
						? 'UiPath had a temporary problem; try again later'
						: 'Check the node parameters and the credential',
			};
	}
}

/**
 * `NodeOperationError` replaces any message that mentions a Node.js error code (ECONNRESET,
 * ECONNREFUSED, ...) with n8n's generic text for that code; keep the message that names UiPath.
 */
function operationError(
	node: INode,
	message: string,
	options: { itemIndex: number; description?: string },
): NodeOperationError {
	const error = new NodeOperationError(safeNode(node), message, options);
	error.message = message;
	return error;
}

/**
 * A `NodeApiError` with exactly this message (n8n would replace a message naming ECONNRESET etc.
 * with its generic text) and, as n8n's own nodes keep it, UiPath's answer in the error details
 * (`context.data`), already redacted.
 */
export function apiError(
	node: INode,
	message: string,
	options: { itemIndex: number; description?: string; httpCode?: string | null; answer?: unknown },
): NodeApiError {
	const httpCode = options.httpCode ?? undefined;
	const error = new NodeApiError(safeNode(node), { message, ...(httpCode ? { httpCode } : {}) } as JsonObject, {
		itemIndex: options.itemIndex,
		message,
		description: options.description,
		...(httpCode ? { httpCode } : {}),
	});
	error.message = message;
	if (options.description !== undefined) error.description = options.description;
	if (options.answer !== undefined) error.context.data = options.answer;
	return error;
}

/** How the transport tried, so the error can say it (none of it is secret). */
export interface FailureContext {
	/** The Timeout option in force, to name it when it fired. */
	timeoutMs?: number;
	/** Why retrying stopped or was not allowed, appended to the description. */
	retryNote?: string;
}

function withNote(description: string | undefined, note: string | undefined): string | undefined {
	if (!note) return description;
	return description ? `${description.replace(/\.?$/, '.')} ${note}` : note;
}

/** UiPath answered with a success status but a body that is not the JSON it always sends. */
export function malformedAnswerError(node: INode, itemIndex: number, status: number, method: string) {
	return operationError(
		node,
		withItem(`UiPath answered HTTP ${status} with a body that is not valid JSON`, itemIndex),
		{
			itemIndex,
			description:
				method === 'GET'
					? 'A proxy or gateway may have answered instead of UiPath; check the Base URL in the credential and run the node again'
					: 'The request may have been applied although its answer could not be read; check the result in UiPath before running this item again',
		},
	);
}

/** Adds `[item N]` so a failure in a batch of items can be found. */
export function withItem(message: string, itemIndex: number): string {
	return /\[item \d+\]$/.test(message) ? message : `${message} [item ${itemIndex}]`;
}

/**
 * The single translation from whatever a request threw into an n8n error that says what happened
 * (message) and how to fix it (description), without leaking secrets or the raw request.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	subject: Partial<RequestSubject> = {},
	context: FailureContext = {},
): NodeApiError | NodeOperationError {
	const caught = (error ?? {}) as CaughtError;
	const secrets = subject.secrets ?? [];
	const status = Number(caught.httpCode);

	// The node's own sentences are never rewritten: they quote no secret, and masking a short
	// password in them would reveal it. Outside text inside them was cleaned where it was added.
	if (error instanceof NodeOperationError) {
		return operationError(node, withItem(error.message, itemIndex), {
			itemIndex,
			description: error.description ?? undefined,
		});
	}

	if (status >= 400) {
		const raw = bodyReason(caught.context?.data);
		const reason = raw === undefined ? undefined : redact(raw, secrets);
		const { message, description } = explainStatus(status, reason, subject);
		// Only UiPath's words were redacted above: the node's own sentence stays as written.
		return apiError(node, withItem(message, itemIndex), {
			itemIndex,
			httpCode: String(status),
			description: withNote(description, context.retryNote) ?? '',
			answer: redactedAnswer(caught.context?.data, secrets),
		});
	}

	const networkCode = [caught.code, caught.cause?.code].find(
		(code) => typeof code === 'string' && NETWORK_CODES.test(code),
	);
	if (networkCode && classifyFailure(error, 0).timedOut) {
		const limit = context.timeoutMs ? `within ${context.timeoutMs} ms` : 'in time';
		return apiError(node, withItem(`UiPath Identity did not answer ${limit} (timeout)`, itemIndex), {
			itemIndex,
			description: withNote(
				'Raise Request Handling → Timeout if UiPath is slow, or check the network between n8n and UiPath. A create, change password or invite request that timed out may still have been applied: check in UiPath before running it again',
				context.retryNote,
			),
		});
	}
	if (networkCode) {
		const message = `Could not reach UiPath Identity (${networkCode})`;
		return apiError(node, withItem(message, itemIndex), {
			itemIndex,
			description: withNote(
				'Check that the Base URL in the credential is reachable from n8n and that its certificate is trusted (or enable Ignore SSL Issues for private certificate authorities)',
				context.retryNote,
			),
		});
	}

	// Configuration problems raised while fetching a token or building URLs keep their own words;
	// they may carry outside text (an HTTP client message), so they are cleaned as such.
	const ownWords =
		error instanceof UserError ||
		caught.cause instanceof UserError ||
		String(caught.message ?? '').startsWith(TOKEN_ERROR_PREFIX);
	const text = caught.message || '';
	const message = (ownWords ? text : redactExternal(text, secrets)) || 'UiPath Identity request did not complete';
	const description = caught.description ?? caught.cause?.description;
	return operationError(node, withItem(message, itemIndex), {
		itemIndex,
		description: description ? redact(description, secrets) : undefined,
	});
}
