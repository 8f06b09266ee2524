import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rsaKeyPair, sessionClaims, signRs256 } from '../test/jwt.ts';
import { createTokenVerifier, tokenKid } from './verify-token.ts';

// The real @clerk/backend verifier against a local `/v1/jwks`, counting how often it is fetched.
const keys = rsaKeyPair();
const USER = 'user_2abcdefghijklmnopqrstuvwxyz';
const KID = 'ins_jwks_test';
let server: Server;
let apiUrl = '';
let fetches = 0;

beforeAll(async () => {
  const jwk = {
    ...createPublicKey(keys.publicPem).export({ format: 'jwk' }),
    kid: KID,
    alg: 'RS256',
    use: 'sig',
  };
  server = createServer((req, res) => {
    fetches += 1;
    res.writeHead(req.url === '/v1/jwks' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url === '/v1/jwks' ? { keys: [jwk] } : { errors: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function jwksVerifier(now: () => number) {
  return createTokenVerifier({
    apiUrl,
    // Unique per verifier: @clerk/backend keeps one JWKS cache per apiUrl + secret key.
    secretKey: `sk_test_${Math.random().toString(36).slice(2)}`,
    jwtKey: null,
    authorizedParties: [],
    cacheTtlMs: 0,
    now,
    unknownKidCooldownMs: 5_000,
  });
}

describe('session tokens verified against the upstream JWKS', () => {
  it('reads the kid of a token header', () => {
    expect(tokenKid(signRs256(sessionClaims(USER), keys.privateKey, { kid: 'abc' }))).toBe('abc');
    expect(tokenKid('not-a-jwt')).toBeNull();
    expect(tokenKid(`${Buffer.from('{').toString('base64url')}.e30.x`)).toBeNull();
  });

  it('tokens with unknown key ids cost at most one JWKS lookup per cooldown; known keys keep working', async () => {
    let clock = 1_000_000;
    const verify = jwksVerifier(() => clock);
    const good = (i: number) =>
      signRs256({ ...sessionClaims(USER), jti: `good-${i}` }, keys.privateKey, { kid: KID });
    fetches = 0;
    expect(await verify(good(0))).toMatchObject({ userId: USER });
    expect(fetches).toBe(1);

    // An attacker's tokens, each with a fresh key id: the first one is looked up, the rest are not.
    for (let i = 0; i < 20; i += 1) {
      expect(
        await verify(signRs256(sessionClaims(USER), keys.privateKey, { kid: `forged-${i}` })),
      ).toBeNull();
    }
    expect(fetches).toBe(2);
    // Meanwhile real users' tokens still verify (their key id was seen in a good token).
    expect(await verify(good(1))).toMatchObject({ userId: USER });
    expect(fetches).toBe(2);

    // After the cooldown one new key id is looked up again (a rotated key would be found here).
    clock += 5_001;
    expect(await verify(signRs256(sessionClaims(USER), keys.privateKey, { kid: 'forged-late' }))).toBeNull();
    expect(fetches).toBe(3);
  });

  it('before any unknown key id, several first tokens are all verified (no refusal at start)', async () => {
    const verify = jwksVerifier(() => 2_000_000);
    const tokens = [1, 2, 3].map((i) =>
      signRs256({ ...sessionClaims(USER), jti: `first-${i}` }, keys.privateKey, { kid: KID }),
    );
    const claims = await Promise.all(tokens.map((t) => verify(t)));
    expect(claims.every((c) => c?.userId === USER)).toBe(true);
  });
});
