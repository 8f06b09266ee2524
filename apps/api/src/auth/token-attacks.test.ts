import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.ts';
import { type Claims, rsaKeyPair, sessionClaims, signHs256, signRs256, unsigned } from '../test/jwt.ts';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Claims;
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectRejected(h: Harness, authorization: string) {
  const before = h.calls.length;
  const res = await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, {
    headers: { authorization },
  });
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({ errors: [{ code: 'authentication_invalid' }] });
  expect(h.calls.slice(before).filter((c) => c.path.includes('/invitations'))).toEqual([]);
}

async function expectAccepted(h: Harness, token: string) {
  const res = await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
}

describe('tokens verified against the upstream JWKS', () => {
  let h: Harness;
  let real: string;
  beforeAll(async () => {
    h = await startHarness();
    real = await h.tokenFor('staff');
  });
  afterAll(() => h.close());

  it('accepts a genuine emulator session token', async () => {
    await expectAccepted(h, real);
  });

  it('rejects the genuine claims re-sent with alg none', async () => {
    const [head, body] = real.split('.') as [string, string];
    const forged = `${encode({ ...decode(head), alg: 'none' })}.${body}.`;
    await expectRejected(h, `Bearer ${forged}`);
  });

  it('rejects the genuine claims HS256-signed with the public key as secret', async () => {
    const jwks = (await (await h.emulator('GET', '/v1/jwks')).json()) as {
      keys: (Claims & { kid: string })[];
    };
    const jwk = jwks.keys[0] as Claims & { kid: string };
    const pem = createPublicKey({ key: jwk as never, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const claims = decode(real.split('.')[1] as string);
    await expectRejected(h, `Bearer ${signHs256(claims, pem)}`);
  });

  it('rejects the genuine claims signed by another key under the same kid', async () => {
    const [head, body] = real.split('.') as [string, string];
    const forged = signRs256(decode(body), rsaKeyPair().privateKey, { kid: decode(head).kid });
    await expectRejected(h, `Bearer ${forged}`);
  });

  it('rejects a genuine token whose subject was swapped', async () => {
    const [head, body, signature] = real.split('.') as [string, string, string];
    const swapped = encode({ ...decode(body), sub: h.userIds.adminB });
    await expectRejected(h, `Bearer ${head}.${swapped}.${signature}`);
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], ['bearer-token-without-scheme']])(
    'rejects the Authorization header %j',
    async (header) => {
      await expectRejected(h, header);
    },
  );
});

describe('tokens verified with CLERK_JWT_KEY', () => {
  const keys = rsaKeyPair();
  let h: Harness;
  const now = () => Math.floor(Date.now() / 1000);
  beforeAll(async () => {
    h = await startHarness({ clerkJwtKey: keys.publicPem, authorizedParties: ['http://localhost:3000'] });
  });
  afterAll(() => h.close());
  const good = (): Claims => ({ ...sessionClaims(h.userIds.staff), azp: 'http://localhost:3000' });

  it('accepts a token signed with the configured key from an authorized party', async () => {
    await expectAccepted(h, signRs256(good(), keys.privateKey));
  });

  it.each<[string, (c: Claims) => Claims]>([
    ['an expired token', (c) => ({ ...c, iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
    ['a token that is not valid yet', (c) => ({ ...c, nbf: now() + 3600, iat: now() + 3600 })],
    ['a token without sub', ({ sub: _sub, ...rest }) => rest],
    ['a token from an unauthorized party (azp)', (c) => ({ ...c, azp: 'https://evil.example' })],
    ['a token for a user that does not exist', (c) => ({ ...c, sub: 'user_2zzzzzzzzzzzzzzzzzzzzzzzzzz' })],
    ['a token whose sub is not a user id', (c) => ({ ...c, sub: '../organizations' })],
  ])('rejects %s', async (_name, change) => {
    await expectRejected(h, `Bearer ${signRs256(change(good()), keys.privateKey)}`);
  });

  it('rejects alg none', async () => {
    await expectRejected(h, `Bearer ${unsigned(good())}`);
  });

  it('rejects HS256 signed with the public key as secret', async () => {
    await expectRejected(h, `Bearer ${signHs256(good(), keys.publicPem)}`);
  });

  it('rejects a token signed by another key', async () => {
    await expectRejected(h, `Bearer ${signRs256(good(), rsaKeyPair().privateKey)}`);
  });

  it('rejects an expired token sent as the session cookie', async () => {
    const token = signRs256(
      { ...good(), exp: now() - 60, iat: now() - 120, nbf: now() - 120 },
      keys.privateKey,
    );
    const res = await h.app.request('/api/me', { headers: { cookie: `__session=${token}` } });
    expect(res.status).toBe(401);
  });
});
