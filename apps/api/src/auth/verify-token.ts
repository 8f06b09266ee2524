import { verifyToken } from '@clerk/backend';
import { createLoadingCache } from '../lib/loading-cache.ts';
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
  /** After a token whose key id is not in the JWKS, how long new key ids are refused unchecked. */
  unknownKidCooldownMs?: number;
}

/** The `kid` of a JWT's header, or null when it has none or the header is not JSON. */
export function tokenKid(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot > 1024) return null;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')) as unknown;
    const kid = (header as { kid?: unknown } | null)?.kid;
    return typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
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
 * and caches good ones for a short while, never past their `exp`.
 *
 * With JWKS, @clerk/backend fetches the key set again for every token whose `kid` it has not seen,
 * so anyone could make each anonymous request a call to Clerk. After a token whose `kid` Clerk's key
 * set does not hold, tokens with key ids not seen in a good token are refused without a lookup for
 * `unknownKidCooldownMs`: at most one such lookup per period. Key ids of good tokens always verify.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const verify = options.verify ?? verifyToken;
  const remoteKeys = options.jwtKey === null;
  const cooldownMs = options.unknownKidCooldownMs ?? 5_000;
  const knownKids = new Set<string>();
  let unknownKidAt = Number.NEGATIVE_INFINITY;
  const keyOptions = options.jwtKey
    ? { jwtKey: options.jwtKey }
    : { secretKey: options.secretKey, apiUrl: options.apiUrl };
  const verifyOptions = {
    ...keyOptions,
    ...(options.authorizedParties.length > 0 ? { authorizedParties: options.authorizedParties } : {}),
  };

  const check = async (token: string): Promise<SessionClaims | null> => {
    const now = options.now();
    const kid = remoteKeys ? tokenKid(token) : null;
    const newKid = kid !== null && !knownKids.has(kid);
    if (newKid && now - unknownKidAt < cooldownMs) return null;

    let payload: Awaited<ReturnType<typeof verifyToken>>;
    try {
      payload = await verify(token, verifyOptions);
    } catch (err) {
      if (isUpstreamFailure(err))
        throw new UpstreamError('network', 'could not load signing keys', { cause: err });
      if (newKid && (err as { reason?: string })?.reason === 'jwk-kid-mismatch') unknownKidAt = now;
      return null;
    }
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number') return null;
    if (kid !== null && knownKids.size < 64) knownKids.add(kid);
    return {
      userId: payload.sub,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
      expiresAt: payload.exp * 1000,
    };
  };

  // Keyed by the token itself: the request already holds it in memory, and a SHA-256 per request was
  // a visible share of a cached request. Bad tokens are not kept.
  const cache = createLoadingCache<SessionClaims | null>({
    max: options.maxEntries ?? 10_000,
    ttlMs: options.cacheTtlMs,
    now: options.now,
    load: (token) => check(token),
    ttlOf: (claims, now) => (claims ? Math.min(options.cacheTtlMs, claims.expiresAt - now) : 0),
  });
  return (token) => cache.get(token);
}
