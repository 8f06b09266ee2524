import { hash } from 'node:crypto';
import { verifyToken } from '@clerk/backend';
import { UpstreamError } from '../upstream/errors.ts';

export interface SessionClaims {
  userId: string;
  sessionId: string | null;
  /** When the token expires, Unix ms. */
  expiresAt: number;
}

/** Resolves a session token to its claims, or null when it is not a valid session token. */
export type TokenVerifier = (token: string) => Promise<SessionClaims | null>;

export interface TokenVerifierOptions {
  apiUrl: string;
  secretKey: string;
  jwtKey: string | null;
  authorizedParties: string[];
  cacheTtlMs: number;
  now: () => number;
  maxEntries?: number;
  /** The @clerk/backend verifier; replaceable only to observe caching in tests. */
  verify?: typeof verifyToken;
}

// verifyToken reasons that say "the upstream key source failed", not "this token is bad".
const UPSTREAM_REASONS = new Set(['jwk-remote-failed-to-load', 'secret-key-invalid', 'jwk-remote-invalid']);

function isUpstreamFailure(err: unknown): boolean {
  const e = err as { reason?: string; name?: string; message?: string };
  if (e?.name === 'TokenVerificationError' || typeof e?.reason === 'string') {
    return UPSTREAM_REASONS.has(e.reason ?? '');
  }
  return err instanceof TypeError && /fetch/i.test(e.message ?? '');
}

/**
 * Verifies Clerk session tokens with @clerk/backend (PEM key when given, else the upstream's JWKS)
 * and caches good ones by SHA-256 for a short while, never past their `exp`.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const cache = new Map<string, SessionClaims & { until: number }>();
  const maxEntries = options.maxEntries ?? 10_000;
  const verify = options.verify ?? verifyToken;
  const keyOptions = options.jwtKey
    ? { jwtKey: options.jwtKey }
    : { secretKey: options.secretKey, apiUrl: options.apiUrl };
  const verifyOptions = {
    ...keyOptions,
    ...(options.authorizedParties.length > 0 ? { authorizedParties: options.authorizedParties } : {}),
  };

  return async (token) => {
    // One-shot hash: no Hash object per request (the cache never holds the token itself).
    const key = hash('sha256', token);
    const now = options.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit;
    if (hit) cache.delete(key);

    let payload: Awaited<ReturnType<typeof verifyToken>>;
    try {
      payload = await verify(token, verifyOptions);
    } catch (err) {
      if (isUpstreamFailure(err))
        throw new UpstreamError('network', 'could not load signing keys', { cause: err });
      return null;
    }
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number') return null;
    const claims: SessionClaims = {
      userId: payload.sub,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
      expiresAt: payload.exp * 1000,
    };
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { ...claims, until: Math.min(now + options.cacheTtlMs, claims.expiresAt) });
    return claims;
  };
}
