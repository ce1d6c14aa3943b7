import type { IDataObject, INode } from 'n8n-workflow';

export interface IdentityResultBody {
	succeeded: boolean;
	errors: Array<{ code?: string; description?: string }>;
}

export function isIdentityResult(value: unknown): value is IdentityResultBody {
	const body = value as IDataObject | undefined;
	return typeof body?.succeeded === 'boolean' && Array.isArray(body.errors);
}

/**
 * A secret at least this long is masked wherever it occurs. A shorter one may be an ordinary
 * word or letter (masking every `a` of a one-letter password garbles the text and shows where
 * the letter was), so in text from outside only its quoted echoes (`'x'`, `"x"`) are masked, and
 * a text that holds it standing alone anywhere else is withheld as a whole (see `redactExternal`).
 */
export const MIN_MASKABLE_SECRET_LENGTH = 8;

/** Shown in place of UiPath's own words when they may quote a secret too short to mask. */
export const WITHHELD = "UiPath's explanation is withheld because it may quote a password";

const MASK = '***';

/** `Bearer x`, `bearer x`, `Bearer:x`, `Authorization=Bearer x`: the credential after the word. */
const BEARER = /\b(bearer)(\s*[:=]?\s*)[A-Za-z0-9\-._~+/]+=*/gi;

/** A JSON Web Token (three base64url parts, the first one a JSON object): any access token. */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways a secret can be written in text that travelled through JSON, a URL or HTML. */
function spellings(secret: string): string[] {
	const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
	forms.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
	return [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
}

function distinctSecrets(secrets: ReadonlyArray<unknown>): string[] {
	return [...new Set(secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== ''))];
}

/** The secret standing alone: not part of a longer word on either side. */
function standingAlone(form: string): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu');
}

/** The secret quoted as a value: `'x'`, `"x"`, `` `x` ``, `&#39;x&#39;`, `&quot;x&quot;`. */
function quoted(form: string): RegExp {
	const quote = `(['"\`]|&#39;|&quot;|\\\\")`;
	return new RegExp(`${quote}${escapeRegExp(form)}\\1`, 'gu');
}

/**
 * Cleans text that came from outside (UiPath's answer, a proxy's page, an error of the HTTP
 * client) before it is shown or stored. Bearer credentials and JWTs in any spelling are masked,
 * every occurrence of a long secret, and quoted echoes of a short one. Returns `undefined` when a
 * short secret stands alone elsewhere in the text: the caller must then drop the text, not show
 * it. Never apply it to the node's own sentences, only to the outside text placed in them.
 */
export function redactExternal(text: string, secrets: ReadonlyArray<unknown> = []): string | undefined {
	let clean = text.replace(BEARER, `$1$2${MASK}`).replace(JWT, MASK);
	const known = distinctSecrets(secrets);
	for (const secret of known.filter((entry) => entry.length >= MIN_MASKABLE_SECRET_LENGTH)) {
		for (const form of spellings(secret)) clean = clean.split(form).join(MASK);
	}
	for (const secret of known.filter((entry) => entry.length < MIN_MASKABLE_SECRET_LENGTH)) {
		for (const form of spellings(secret)) {
			clean = clean.replace(quoted(form), `$1${MASK}$1`);
			if (standingAlone(form).test(clean)) return undefined;
		}
	}
	return clean;
}

/** `redactExternal`, with the withheld notice in place of text that had to be dropped. */
export function redact(text: string, secrets: ReadonlyArray<unknown> = []): string {
	return redactExternal(text, secrets) ?? WITHHELD;
}

/**
 * Cleans an answer UiPath sent before it becomes output. IdentityResult texts are UiPath's
 * words (treated as text, withheld if need be); in any other answer, string values that hold
 * a secret are masked: whole values for short secrets, occurrences for long ones.
 */
export function redactAnswer<T>(answer: T, secrets: ReadonlyArray<unknown>): T {
	const known = distinctSecrets(secrets);
	if (known.length === 0) return answer;
	const long = known.filter((secret) => secret.length >= MIN_MASKABLE_SECRET_LENGTH);
	// Values of one to three characters ("90", "yes") are too common to treat as a secret's echo.
	const short = new Set(known.filter((secret) => secret.length < MIN_MASKABLE_SECRET_LENGTH && secret.length >= 4));
	const cleanText = (text: string): string => {
		if (short.has(text.trim())) return MASK;
		let clean = text;
		for (const secret of long) for (const form of spellings(secret)) clean = clean.split(form).join(MASK);
		return clean;
	};
	const walk = (value: unknown, depth: number): unknown => {
		if (typeof value === 'string') return cleanText(value);
		if (value === null || typeof value !== 'object' || depth > 64) return value;
		if (Array.isArray(value)) return value.map((entry) => walk(entry, depth + 1));
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = walk(entry, depth + 1);
		return copy;
	};
	if (isIdentityResult(answer)) {
		const result = answer as IdentityResultBody;
		return {
			...(walk(result, 0) as IdentityResultBody),
			errors: result.errors.map((entry) => {
				const cleaned = { ...(walk(entry, 0) as IDataObject) };
				for (const key of ['code', 'description'] as const) {
					if (typeof entry?.[key] === 'string') cleaned[key] = redact(entry[key] as string, known);
				}
				return cleaned;
			}),
		} as T;
	}
	return walk(answer, 0) as T;
}

/** Parameter names whose values are secrets (Current Password, New Password, Password, ...). */
const SECRET_PARAMETER = /password|secret|token/i;

function maskSecretParameters(value: unknown, depth: number): unknown {
	if (value === null || typeof value !== 'object' || depth > 20) return value;
	if (Array.isArray(value)) return value.map((entry) => maskSecretParameters(entry, depth + 1));
	const masked: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		masked[key] =
			SECRET_PARAMETER.test(key) && typeof entry === 'string' && entry !== ''
				? MASK
				: (maskSecretParameters(entry, depth + 1) as IDataObject);
	}
	return masked;
}

/**
 * The node as an error carries it into the stored execution: n8n keeps `error.node` with its
 * parameters, so password parameters typed in as plain text are masked there.
 */
export function safeNode(node: INode): INode {
	return { ...node, parameters: maskSecretParameters(node.parameters, 0) as INode['parameters'] };
}

/** UiPath's error answer for the error details: secrets and bearer tokens removed; nothing when empty. */
export function redactedAnswer(answer: unknown, secrets: string[] = []): unknown {
	if (answer === undefined || answer === null || answer === '') return undefined;
	const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
	// An answer that may quote a secret too short to mask is left out, as its text is in the message.
	if (text === undefined || redactExternal(text, secrets) === undefined) return undefined;
	return typeof answer === 'string' ? redact(answer, secrets).slice(0, 4000) : redactAnswer(answer, secrets);
}
