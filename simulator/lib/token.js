'use strict';

// The token side of the simulator (reference 2.3–2.5): client-credentials tokens, bearer checks,
// the discovery document and the test-only token controls. Node side: transport/token.ts.

const crypto = require('node:crypto');

const jwt = require('./jwt');
const { HttpError, notFound } = require('./http');
const { findOrganization } = require('./store');

/**
 * @param {object} deps
 * @param {() => object} deps.getState the current simulator state (replaced on reset)
 * @param {() => string} deps.getUrl the simulator's base URL
 * @param {Buffer} deps.signingKey the key the tokens are signed with
 * @param {Map<string, object>} deps.tokens the issued tokens by jti
 */
function createTokenService({ getState, getUrl, signingKey, tokens }) {
	function issueToken(target, form, headers) {
		let clientId = form.get('client_id');
		let clientSecret = form.get('client_secret');
		const basic = /^Basic\s+(.+)$/i.exec(headers.authorization || '');
		if (basic && !clientId) {
			const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id || '');
			clientSecret = decodeURIComponent(secret || '');
		}
		const grantType = form.get('grant_type');
		if (!grantType) throw new HttpError(400, { error: 'invalid_request' });
		if (grantType !== 'client_credentials') throw new HttpError(400, { error: 'unsupported_grant_type' });
		let urlOrg;
		if (target.orgSegment) {
			urlOrg = findOrganization(getState(), target.orgSegment);
			if (!urlOrg) throw notFound();
		}
		const client = getState().clients.get(String(clientId || ''));
		const secretOk =
			client &&
			typeof clientSecret === 'string' &&
			Buffer.byteLength(clientSecret) === Buffer.byteLength(client.clientSecret) &&
			crypto.timingSafeEqual(Buffer.from(clientSecret), Buffer.from(client.clientSecret));
		if (!secretOk || (urlOrg && urlOrg.id !== client.organizationId)) {
			throw new HttpError(400, { error: 'invalid_client' });
		}
		const requested = (form.get('scope') || '').split(/\s+/).filter(Boolean);
		if (requested.some((scope) => !client.scopes.includes(scope))) {
			throw new HttpError(400, { error: 'invalid_scope' });
		}
		const scopes = requested.length ? requested : [...client.scopes];
		const now = Math.floor(Date.now() / 1000);
		const jti = crypto.randomUUID();
		const lifetime = getState().tokenLifetimeSeconds;
		const payload = {
			iss: `${getUrl()}${target.root}`,
			nbf: now,
			iat: now,
			exp: now + lifetime,
			aud: 'IdentityServerApi',
			scope: scopes,
			client_id: client.clientId,
			sub: client.clientId,
			prt_id: client.organizationId,
			jti,
		};
		tokens.set(jti, {
			jti,
			clientId: client.clientId,
			organizationId: client.organizationId,
			scopes,
			expiresAt: (now + lifetime) * 1000,
			revoked: false,
		});
		return {
			clientId: client.clientId,
			tokenId: jti,
			body: { access_token: jwt.sign(payload, signingKey), expires_in: lifetime, token_type: 'Bearer', scope: scopes.join(' ') },
		};
	}

	/** The stored record of a valid bearer token, or undefined. */
	function bearer(headers) {
		const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization || '');
		if (!match) return undefined;
		const payload = jwt.verify(match[1], signingKey);
		if (!payload) return undefined;
		return tokens.get(payload.jti);
	}

	function tokenIsValid(token) {
		return token && !token.revoked && token.expiresAt > Date.now();
	}

	function discovery(target) {
		const issuer = `${getUrl()}${target.root}`;
		return {
			issuer,
			token_endpoint: `${issuer}/connect/token`,
			grant_types_supported: ['client_credentials'],
			token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
			scopes_supported: [...new Set([...getState().clients.values()].flatMap((client) => client.scopes))],
		};
	}

	function tokenList() {
		return [...tokens.values()].map((token) => ({ ...token, scopes: [...token.scopes], valid: tokenIsValid(token) }));
	}

	function changeTokens(action, clientId) {
		let affected = 0;
		for (const token of tokens.values()) {
			if (clientId && token.clientId !== clientId) continue;
			if (action === 'revoke') token.revoked = true;
			else token.expiresAt = Math.min(token.expiresAt, Date.now() - 1);
			affected += 1;
		}
		return affected;
	}

	return { issueToken, bearer, tokenIsValid, discovery, tokenList, changeTokens };
}

module.exports = { createTokenService };
