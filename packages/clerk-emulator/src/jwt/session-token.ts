import { sign } from 'node:crypto';
import type { SigningKey } from './signing-key.ts';

export interface SessionClaims {
  sub: string;
  sid: string;
  iss: string;
  azp?: string;
  org?: { id: string; slug: string; role: string };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A Clerk session JWT (v2 claims) signed with RS256. Times come from the real clock, not the
 * emulator's, so verifiers such as `@clerk/backend`'s `verifyToken` accept it.
 */
export function signSessionToken(key: SigningKey, claims: SessionClaims, lifetimeSeconds: number): string {
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    ...(claims.azp ? { azp: claims.azp } : {}),
    exp: iat + lifetimeSeconds,
    iat,
    iss: claims.iss,
    nbf: iat - 10,
    sid: claims.sid,
    sub: claims.sub,
    v: 2,
    ...(claims.org
      ? { o: { id: claims.org.id, slg: claims.org.slug, rol: claims.org.role.replace(/^org:/, '') } }
      : {}),
  };
  const input = `${base64url({ alg: 'RS256', kid: key.kid, typ: 'JWT' })}.${base64url(payload)}`;
  const signature = sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}
