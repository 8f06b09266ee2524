import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Test helpers: RSA keys and hand-made JWTs (good and malicious). */

export interface KeyPair {
  publicPem: string;
  privateKey: KeyObject;
}

export function rsaKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export type Claims = Record<string, unknown>;

/** Session-like claims valid for an hour from `nowSeconds`. */
export function sessionClaims(sub: string, nowSeconds = Math.floor(Date.now() / 1000)): Claims {
  return {
    sub,
    sid: 'sess_2abcdefghijklmnopqrstuvwxyz',
    iss: 'https://clerk.test',
    iat: nowSeconds - 5,
    nbf: nowSeconds - 5,
    exp: nowSeconds + 3600,
    v: 2,
  };
}

export function signRs256(claims: Claims, key: KeyObject, header: Claims = {}): string {
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'ins_test', ...header });
  const body = b64(claims);
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key).toString('base64url');
  return `${head}.${body}.${signature}`;
}

export function signHs256(claims: Claims, secret: string): string {
  const head = b64({ alg: 'HS256', typ: 'JWT', kid: 'ins_test' });
  const body = b64(claims);
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

export function unsigned(claims: Claims): string {
  return `${b64({ alg: 'none', typ: 'JWT', kid: 'ins_test' })}.${b64(claims)}.`;
}
