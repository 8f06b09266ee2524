import { startEmulator } from '@invites/clerk-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.ts';
import { rsaKeyPair, signRs256 } from '../test/jwt.ts';

/**
 * Session tokens that are genuine somewhere else: minted by another Clerk instance (same demo user
 * ids, its own signing key), or pointing the verifier at an attacker's key. All 401, never data.
 */

let h: Harness;
let other: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  h = await startHarness();
  other = await startEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'off', port: 0 });
});
afterAll(async () => {
  await other.close();
  await h.close();
});

/** A real session token for `userId` from the other emulator instance. */
async function foreignToken(userId: string): Promise<string> {
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${other.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { id: string; jwt: string };
  };
  const session = await call('/v1/sessions', { user_id: userId });
  return (await call(`/v1/sessions/${session.id}/tokens`, { expires_in_seconds: 600 })).jwt;
}

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

async function expect401(authorization: string, path = `/api/v1/organizations/${'ORG'}/invitations`) {
  const before = h.calls.filter((c) => c.path.includes('/invitations')).length;
  const res = await h.app.request(path.replace('ORG', h.orgA), { headers: { authorization } });
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({ errors: [{ code: 'authentication_invalid' }] });
  expect(h.calls.filter((c) => c.path.includes('/invitations')).length).toBe(before);
}

describe('tokens of another instance', () => {
  it("refuses another instance's genuine token for the same staff user id", async () => {
    const token = await foreignToken(h.userIds.staff);
    const own = await h.tokenFor('staff');
    // Same user, same shape: only the signing key (and its kid) tells them apart.
    expect(decode(token.split('.')[1] as string).sub).toBe(decode(own.split('.')[1] as string).sub);
    await expect401(`Bearer ${token}`);
    await expect401(`Bearer ${token}`, '/api/me');
  });

  it("refuses another instance's token re-labelled with this instance's kid", async () => {
    const token = await foreignToken(h.userIds.staff);
    const ownKid = decode((await h.tokenFor('staff')).split('.')[0] as string).kid;
    const [, body, signature] = token.split('.') as [string, string, string];
    const head = Buffer.from(
      JSON.stringify({ ...decode(token.split('.')[0] as string), kid: ownKid }),
    ).toString('base64url');
    await expect401(`Bearer ${head}.${body}.${signature}`);
  });

  it('ignores jku / x5u / jwk headers that point the verifier at an attacker key', async () => {
    const attacker = rsaKeyPair();
    const own = await h.tokenFor('staff');
    const claims = decode(own.split('.')[1] as string);
    const jwk = { kty: 'RSA', n: 'x', e: 'AQAB' };
    for (const header of [{ jku: 'http://127.0.0.1:9/jwks' }, { x5u: 'http://127.0.0.1:9/cert' }, { jwk }]) {
      await expect401(`Bearer ${signRs256(claims, attacker.privateKey, header)}`);
    }
  });

  it('does not read a session token from the query string', async () => {
    const own = await h.tokenFor('staff');
    for (const name of ['__session', 'token', 'access_token', 'authorization']) {
      const res = await h.app.request(`/api/me?${name}=${own}`);
      expect(res.status).toBe(401);
    }
  });
});
