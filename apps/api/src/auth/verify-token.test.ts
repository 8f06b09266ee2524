import { verifyToken } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { rsaKeyPair, sessionClaims, signHs256, signRs256, unsigned } from '../test/jwt.ts';
import { createTokenVerifier } from './verify-token.ts';

const keys = rsaKeyPair();
const otherKeys = rsaKeyPair();
const USER = 'user_2abcdefghijklmnopqrstuvwxyz';

function verifier(overrides: { authorizedParties?: string[]; now?: () => number } = {}) {
  return createTokenVerifier({
    apiUrl: 'http://127.0.0.1:9',
    secretKey: 'sk_test_unused',
    jwtKey: keys.publicPem,
    authorizedParties: overrides.authorizedParties ?? [],
    cacheTtlMs: 60_000,
    now: overrides.now ?? Date.now,
  });
}

describe('session token verification', () => {
  it('accepts a token signed with the configured key and returns its subject', async () => {
    const claims = await verifier()(signRs256(sessionClaims(USER), keys.privateKey));
    expect(claims).toMatchObject({ userId: USER, sessionId: 'sess_2abcdefghijklmnopqrstuvwxyz' });
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['an expired token', signRs256({ ...sessionClaims(USER), exp: now - 600 }, keys.privateKey)],
    [
      'a token not valid yet',
      signRs256({ ...sessionClaims(USER), nbf: now + 600, iat: now + 600 }, keys.privateKey),
    ],
    ['alg none', unsigned(sessionClaims(USER))],
    ['HS256 signed with the public key', signHs256(sessionClaims(USER), keys.publicPem)],
    ['a token signed by another key', signRs256(sessionClaims(USER), otherKeys.privateKey)],
    ['a token without sub', signRs256({ ...sessionClaims(USER), sub: undefined }, keys.privateKey)],
    ['garbage', 'not-a-jwt'],
    ['a tampered payload', tamper(signRs256(sessionClaims(USER), keys.privateKey))],
  ])('rejects %s', async (_name, token) => {
    expect(await verifier()(token)).toBeNull();
  });

  it('rejects a token whose azp is not an authorized party, and accepts one whose azp is', async () => {
    const verify = verifier({ authorizedParties: ['https://console.example'] });
    const bad = signRs256({ ...sessionClaims(USER), azp: 'https://evil.example' }, keys.privateKey);
    const good = signRs256({ ...sessionClaims(USER), azp: 'https://console.example' }, keys.privateKey);
    expect(await verify(bad)).toBeNull();
    expect(await verify(good)).toMatchObject({ userId: USER });
  });

  it('caches a verified token but never past its exp', async () => {
    let clock = Date.now();
    let checks = 0;
    const verify = createTokenVerifier({
      apiUrl: 'http://127.0.0.1:9',
      secretKey: 'sk_test_unused',
      jwtKey: keys.publicPem,
      authorizedParties: [],
      cacheTtlMs: 60_000,
      now: () => clock,
      verify: async (...args) => {
        checks++;
        return verifyToken(...args);
      },
    });
    const nowSeconds = Math.floor(clock / 1000);
    const token = signRs256({ ...sessionClaims(USER, nowSeconds), exp: nowSeconds + 20 }, keys.privateKey);
    await verify(token);
    await verify(token);
    expect(checks).toBe(1);
    clock += 21_000;
    await verify(token);
    expect(checks).toBe(2);
  });
});

function tamper(token: string): string {
  const [head, , sig] = token.split('.');
  const body = Buffer.from(JSON.stringify({ ...sessionClaims('user_2zzzzzzzzzzzzzzzzzzzzzzzzzz') })).toString(
    'base64url',
  );
  return `${head}.${body}.${sig}`;
}
