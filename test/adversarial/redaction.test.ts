import fc from 'fast-check';

import { MIN_MASKABLE_SECRET_LENGTH, WITHHELD, redact, redactAnswer, redactExternal } from '../../nodes/UiPathIdentity/transport/redact';
import { fakeToken } from '../fixtures';
import { FC_SEED, findLeaks } from './scan';

/**
 * Class 1 (secrets), at the level of the redaction functions: tables for the spellings the issue
 * names, fast-check properties for everything else. A fixed seed keeps CI deterministic.
 */

const token = fakeToken('T1');
const runs = { seed: FC_SEED, numRuns: 300 };

describe('redactExternal: spellings of the access token', () => {
	it.each([
		[`Bearer ${token}`],
		[`bearer ${token}`],
		[`BEARER ${token}`],
		[`Bearer:${token}`],
		[`Bearer=${token}`],
		[`Authorization: Bearer   ${token}`],
		[token],
		[`{"access_token":"${token}"}`],
		[`<html><body><pre>Authorization: bearer ${token}</pre></body></html>`],
		[`token=${encodeURIComponent(token)}`],
	])('masks %s', (text) => {
		expect(findLeaks(redactExternal(text, [token]) ?? '', [token])).toEqual([]);
		// Masked even when the transport does not know the token (an older one, another app's).
		expect(redactExternal(text, [])).not.toContain(token.split('.')[1]);
	});
});

describe('redactExternal: passwords', () => {
	it('masks quoted echoes of a short password and keeps the rest of the text', () => {
		expect(redactExternal("PasswordTooShort: 'Pw-1' is too short.", ['Pw-1'])).toBe("PasswordTooShort: '***' is too short.");
		expect(redactExternal('password: "e" was used before', ['e'])).toBe('password: "***" was used before');
	});

	it('withholds a text in which a short password stands alone unquoted', () => {
		expect(redactExternal('Password e is not allowed', ['e'])).toBeUndefined();
		expect(redact('Password e is not allowed', ['e'])).toBe(WITHHELD);
	});

	it('does not touch letters of other words that happen to equal a short password', () => {
		expect(redactExternal('Passwords need a digit', ['e'])).toBe('Passwords need a digit');
		expect(redactExternal('The password is too weak', ['word'])).toBe('The password is too weak');
	});

	it('masks a long password wherever it occurs, in JSON, URL and HTML spellings', () => {
		const password = 'Pa"ss<&>word-1';
		const text = `a ${password} b ${JSON.stringify(password)} c ${encodeURIComponent(password)} d Pa&quot;ss&lt;&amp;&gt;word-1`;
		expect(findLeaks(redactExternal(text, [password]) ?? '', [password])).toEqual([]);
	});
});

describe('redactAnswer', () => {
	it('masks secrets in every string of an answer, and quoted echoes in IdentityResult texts', () => {
		const answer = {
			name: `x ${token} y`,
			list: ['Long-secret-1', { deep: 'Pw-1' }],
			count: 90,
		};
		expect(redactAnswer(answer, [token, 'Long-secret-1', 'Pw-1'])).toEqual({
			name: 'x *** y',
			list: ['***', { deep: '***' }],
			count: 90,
		});
		expect(
			redactAnswer({ succeeded: false, errors: [{ code: 'PasswordMismatch', description: "'Pw-1' is wrong; e" }] }, ['Pw-1', 'e']),
		).toEqual({ succeeded: false, errors: [{ code: 'PasswordMismatch', description: WITHHELD }] });
	});
});

describe('properties (fast-check, fixed seed)', () => {
	const longSecret = fc.string({ minLength: MIN_MASKABLE_SECRET_LENGTH, maxLength: 40 }).filter((s) => s.trim() !== '' && !s.includes('***'));
	const shortSecret = fc.string({ minLength: 1, maxLength: MIN_MASKABLE_SECRET_LENGTH - 1 }).filter((s) => /[\p{L}\p{N}]/u.test(s) && !s.includes('*'));

	it('a long secret placed anywhere in outside text never survives redaction', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), longSecret, (before, after, secret) => {
				const clean = redactExternal(`${before}${secret}${after}`, [secret]);
				return clean === undefined || !clean.includes(secret);
			}),
			runs,
		);
	});

	it('a short secret echoed in quotes is masked; echoed alone, the text is withheld', () => {
		fc.assert(
			fc.property(fc.constantFrom("'", '"'), shortSecret, (quote, secret) => {
				const masked = redactExternal(`Value ${quote}${secret}${quote} is not accepted`, [secret]);
				const alone = redactExternal(`Value , ${secret} , is not accepted`, [secret]);
				return (masked === undefined || !masked.includes(`${quote}${secret}${quote}`)) && (alone === undefined || !findLeaks(alone, [secret]).length);
			}),
			runs,
		);
	});

	it('text without any secret or bearer credential comes back unchanged', () => {
		fc.assert(
			fc.property(fc.string(), longSecret, (text, secret) => {
				fc.pre(!text.includes(secret) && !/bearer|eyJ/i.test(text));
				return redactExternal(text, [secret]) === text;
			}),
			runs,
		);
	});

	it('redactAnswer never leaves a long secret in any string of a nested answer', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 4 }), longSecret, fc.string(), (value, secret, prefix) => {
				const answer = { value, echo: `${prefix}${secret}`, list: [secret] };
				return !JSON.stringify(redactAnswer(answer, [secret])).includes(JSON.stringify(secret).slice(1, -1));
			}),
			runs,
		);
	});
});
