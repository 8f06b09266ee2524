import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyToken } from '@clerk/backend';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../emulator.ts';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../seed/demo-data.ts';
import { sdkError, startTestEmulator, type TestEmulator } from '../test-support/harness.ts';

let emu: TestEmulator;
let pem: string;
const ada = DEMO_USERS[1]?.id ?? '';
const maya = DEMO_USERS[4]?.id ?? '';

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  const jwks = await emu.clerk.jwks.getJwks();
  const [key] = jwks.keys ?? [];
  pem = createPublicKey({ key: key as unknown as import('node:crypto').JsonWebKey, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
});
afterAll(async () => {
  expect(emu.recorder.problems).toEqual([]);
  await emu.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The SDK's type lacks `activeOrganizationId`, but it sends every parameter it is given. */
const createSession = (userId: string, activeOrganizationId?: string) => {
  const params = { userId, ...(activeOrganizationId ? { activeOrganizationId } : {}) };
  return emu.clerk.sessions.createSession(params);
};
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
const headerOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString()) as Record<string, unknown>;

describe('sessions and session tokens', () => {
  it('serves one RS256 key whose kid is an ins_ ID', async () => {
    const jwks = await emu.clerk.jwks.getJwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys?.[0]).toMatchObject({ use: 'sig', kty: 'RSA', alg: 'RS256', e: 'AQAB' });
    expect(jwks.keys?.[0]?.kid).toMatch(/^ins_[0-9A-Za-z]{27}$/);
  });

  it('signs a token with v2 claims and the active organization, verifiable with a PEM from the JWKS', async () => {
    const session = await createSession(ada, DEMO_ORGANIZATIONS.acme.id);
    expect(session).toMatchObject({
      userId: ada,
      status: 'active',
      lastActiveOrganizationId: DEMO_ORGANIZATIONS.acme.id,
    });
    const { jwt } = await emu.clerk.sessions.getToken(session.id);
    expect(headerOf(jwt)).toMatchObject({ alg: 'RS256', kid: expect.stringMatching(/^ins_/) });
    const verified = await verifyToken(jwt, { jwtKey: pem });
    expect(verified).toMatchObject({
      sub: ada,
      sid: session.id,
      iss: emu.url,
      v: 2,
      o: { id: DEMO_ORGANIZATIONS.acme.id, slg: 'acme', rol: 'admin' },
    });
    expect(verified.exp - verified.iat).toBe(60);
    expect(verified.nbf).toBeLessThanOrEqual(verified.iat);
    expect(claimsOf(jwt)).not.toHaveProperty('azp');
  });

  it('verifies through the remote JWKS with the secret key too', async () => {
    const session = await createSession(maya);
    const { jwt } = await emu.clerk.sessions.getToken(session.id);
    const verified = await verifyToken(jwt, {
      secretKey: emu.secretKey,
      apiUrl: emu.url,
      skipJwksCache: true,
    });
    expect(verified.sub).toBe(maya);
    expect(verified).not.toHaveProperty('o');
  });

  it('honours expires_in_seconds, and the token stops verifying after it expires', async () => {
    const session = await createSession(ada);
    const { jwt } = await emu.clerk.sessions.getToken(session.id, undefined, 120);
    const claims = claimsOf(jwt);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 130_000);
    await expect(verifyToken(jwt, { jwtKey: pem })).rejects.toMatchObject({ reason: 'token-expired' });
  });

  it('puts the request Origin in azp', async () => {
    const session = await createSession(ada);
    const { body } = await emu.json<{ jwt: string }>(`/v1/sessions/${session.id}/tokens`, {
      method: 'POST',
      headers: { Origin: 'http://localhost:3000' },
    });
    expect(claimsOf(body.jwt).azp).toBe('http://localhost:3000');
  });

  it('rejects an unknown user, a non-member active organization, an unknown session and a too-short lifetime', async () => {
    expect(await sdkError(createSession('user_2Nobody00000000000000000000'))).toMatchObject({ status: 404 });
    const notMember = createSession(maya, DEMO_ORGANIZATIONS.globex.id);
    expect(await sdkError(notMember)).toMatchObject({ status: 422, code: 'form_param_value_invalid' });
    expect(await sdkError(emu.clerk.sessions.getToken('sess_2Nope000000000000000000000'))).toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
    const session = await createSession(ada);
    expect(await sdkError(emu.clerk.sessions.getToken(session.id, undefined, 10))).toMatchObject({
      status: 422,
      code: 'form_param_value_invalid',
    });
  });
});

describe('the signing key', () => {
  it('is generated once per data file and survives restarts and resets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-emulator-'));
    try {
      const db = join(dir, 'emulator.db');
      const kid = async (url: string, key: string) =>
        (
          (await (await fetch(`${url}/v1/jwks`, { headers: { Authorization: `Bearer ${key}` } })).json()) as {
            keys: { kid: string }[];
          }
        ).keys[0]?.kid;
      const first = await startEmulator({ db, seed: 'none' });
      const kid1 = await kid(first.url, first.secretKey);
      await fetch(`${first.url}/__emulator/reset`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${first.secretKey}` },
      });
      expect(await kid(first.url, first.secretKey)).toBe(kid1);
      await first.close();
      const second = await startEmulator({ db, seed: 'none' });
      expect(await kid(second.url, second.secretKey)).toBe(kid1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
