import { verifyToken } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../seed/demo-data.ts';
import { FapiBrowser, jwtClaims, type Loose } from '../test-support/fapi-browser.ts';
import { advanceClock, DAY_MS } from '../test-support/fixtures.ts';
import { startTestEmulator, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});

const ORIGIN = 'http://localhost:3000';
const [, ada, grace, linus] = DEMO_USERS.map((u) => u.email_address);
const { acme, initech, umbrella, globex } = DEMO_ORGANIZATIONS;
const errorOf = (body: Loose) => body.errors?.[0];

async function signedIn(email: string, options: ConstructorParameters<typeof FapiBrowser>[1] = {}) {
  const browser = new FapiBrowser(emu.url, options);
  const { sessionId } = await browser.signIn(email);
  const token = async (form?: Record<string, string>) => {
    const answer = await browser.post(`/v1/client/sessions/${sessionId}/tokens`, form);
    return { ...answer, claims: answer.status === 200 ? jwtClaims(answer.body.jwt) : undefined };
  };
  return { browser, sessionId, token };
}

describe('touch', () => {
  it('selects an organization by ID or slug, and back to the personal account; tokens follow', async () => {
    const { browser, sessionId, token } = await signedIn(linus ?? '');
    const touch = (form: Record<string, string>) =>
      browser.post(`/v1/client/sessions/${sessionId}/touch`, form);
    const byId = await touch({ active_organization_id: initech.id, intent: 'select_org' });
    expect(byId.status).toBe(200);
    expect(byId.body.response).toMatchObject({ id: sessionId, last_active_organization_id: initech.id });
    expect(byId.body.client.last_active_session_id).toBe(sessionId);
    expect((await token()).claims?.o).toEqual({ id: initech.id, slg: 'initech', rol: 'admin' });
    const bySlug = await touch({ active_organization_id: 'umbrella', intent: 'select_org' });
    expect(bySlug.body.response.last_active_organization_id).toBe(umbrella.id);
    const personal = await touch({ active_organization_id: '', intent: 'select_session' });
    expect(personal.body.response.last_active_organization_id).toBeNull();
    expect((await token()).claims).not.toHaveProperty('o');
    const kept = await touch({ intent: 'focus' });
    expect(kept.body.response.last_active_organization_id).toBeNull();
  });

  it('refuses an organization the user does not belong to', async () => {
    const { browser, sessionId } = await signedIn(ada ?? '');
    const { status, body } = await browser.post(`/v1/client/sessions/${sessionId}/touch`, {
      active_organization_id: globex.id,
    });
    expect(status).toBe(404);
    expect(errorOf(body)).toMatchObject({
      code: 'resource_not_found',
      meta: { param_name: 'active_organization_id' },
    });
  });
});

describe('session tokens', () => {
  it('carry v2 claims, the Origin as azp, last 60 s and verify with @clerk/backend through the JWKS', async () => {
    const { sessionId, token } = await signedIn(ada ?? '');
    const { status, body, claims } = await token({ organization_id: '', tab_state: 'focused' });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['object', 'jwt']);
    expect(claims).toMatchObject({
      sub: DEMO_USERS[1]?.id,
      sid: sessionId,
      iss: `${emu.url}/fapi`,
      azp: ORIGIN,
      v: 2,
    });
    expect(claims?.exp - claims?.iat).toBe(60);
    const verified = await verifyToken(body.jwt, {
      secretKey: emu.secretKey,
      apiUrl: emu.url,
      authorizedParties: [ORIGIN],
      skipJwksCache: true,
    });
    expect(verified.sid).toBe(sessionId);
  });

  it("use the session's organization when organization_id is absent, none when empty, the given one otherwise", async () => {
    const { browser, sessionId, token } = await signedIn(linus ?? '');
    await browser.post(`/v1/client/sessions/${sessionId}/touch`, { active_organization_id: initech.id });
    expect((await token()).claims?.o?.id).toBe(initech.id);
    expect((await token({ organization_id: '' })).claims).not.toHaveProperty('o');
    expect((await token({ organization_id: umbrella.id })).claims?.o).toEqual({
      id: umbrella.id,
      slg: 'umbrella',
      rol: 'admin',
    });
    const foreign = await token({ organization_id: acme.id });
    expect(foreign.status).toBe(404);
  });

  it('last tokenTtlSeconds when the emulator is configured so (the Backend API default too)', async () => {
    const short = await startTestEmulator({ seed: 'demo', tokenTtlSeconds: 30 });
    try {
      const browser = new FapiBrowser(short.url);
      const { sessionId } = await browser.signIn(grace ?? '');
      const { body } = await browser.post(`/v1/client/sessions/${sessionId}/tokens`);
      const claims = jwtClaims(body.jwt);
      expect(claims.exp - claims.iat).toBe(30);
      const bapiSession = await short.clerk.sessions.createSession({ userId: DEMO_USERS[1]?.id ?? '' });
      const bapiClaims = jwtClaims((await short.clerk.sessions.getToken(bapiSession.id)).jwt);
      expect(bapiClaims.exp - bapiClaims.iat).toBe(30);
      const info = await short.json('/__emulator/info');
      expect(info.body.token_ttl_seconds).toBe(30);
      expect(short.recorder.problems).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('are refused (401 signed_out) without a client, for another client or for an unknown session', async () => {
    const { sessionId } = await signedIn(grace ?? '');
    const stranger = new FapiBrowser(emu.url);
    for (const path of [
      `/v1/client/sessions/${sessionId}/tokens`,
      '/v1/client/sessions/sess_2Nope000000000000000000000/tokens',
    ]) {
      const { status, body } = await stranger.post(path);
      expect(status).toBe(401);
      expect(errorOf(body)).toMatchObject({ code: 'signed_out', long_message: 'You are signed out' });
    }
  });
});

describe('sign-out', () => {
  it('removes every session of the client (DELETE sent as POST ?_method=DELETE): tokens refused, BAPI shows removed', async () => {
    const { browser, sessionId, token } = await signedIn(ada ?? '');
    const { status, body, setCookies } = await browser.send('DELETE', '/v1/client/sessions');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      response: { object: 'client', sessions: [], last_active_session_id: null },
      client: null,
    });
    expect(setCookies.find((c) => c.startsWith('__client_uat='))).toMatch(/^__client_uat=0;/);
    expect(browser.cookies.has('__client')).toBe(true);
    expect((await token()).status).toBe(401);
    expect((await emu.clerk.sessions.getSession(sessionId)).status).toBe('removed');
    const client = await browser.get('/v1/client');
    expect(client.body.response.sessions).toEqual([]);
  });

  it('reaches sign-out only through _method=DELETE (a plain POST there is not a route)', async () => {
    const { browser, token } = await signedIn(grace ?? '');
    const plain = await browser.post('/v1/client/sessions');
    expect(plain.status).toBe(404);
    expect((await token()).status).toBe(200);
  });

  it('ends or removes one session, which then leaves the client', async () => {
    for (const action of ['end', 'remove'] as const) {
      const { browser, sessionId, token } = await signedIn(linus ?? '');
      const { body } = await browser.post(`/v1/client/sessions/${sessionId}/${action}`);
      const status = action === 'end' ? 'ended' : 'removed';
      expect(body.response).toMatchObject({ id: sessionId, status });
      expect(body.client.sessions).toEqual([]);
      expect((await token()).status).toBe(401);
      expect((await emu.clerk.sessions.getSession(sessionId)).status).toBe(status);
    }
  });

  it('deletes the whole client: its cookie goes, its session ends', async () => {
    const { browser, sessionId } = await signedIn(grace ?? '');
    const { status, body } = await browser.send('DELETE', '/v1/client');
    expect(status).toBe(200);
    expect(body).toEqual({ response: null, client: null });
    expect(browser.cookies.has('__client')).toBe(false);
    expect(browser.cookies.get('__client_uat')).toBe('0');
    expect((await emu.clerk.sessions.getSession(sessionId)).status).toBe('ended');
    expect((await browser.get('/v1/client')).body).toEqual({ response: null, client: null });
  });
});

describe('client cookies', () => {
  it('__client is HttpOnly; __client_uat (and its clerk-js-suffixed copy) holds the sign-in time in seconds', async () => {
    const browser = new FapiBrowser(emu.url);
    const before = Math.floor(Date.now() / 1000);
    const { sessionId } = await browser.signIn(ada ?? '');
    const answer = await browser.post(`/v1/client/sessions/${sessionId}/touch`, {});
    const byName = new Map(answer.setCookies.map((c) => [c.slice(0, c.indexOf('=')), c]));
    expect(byName.get('__client')).toMatch(/; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(byName.get('__client_uat')).not.toMatch(/HttpOnly|Secure/);
    expect(byName.has('__client_uat_6HuNFWf4')).toBe(true);
    expect(Number(browser.cookies.get('__client_uat'))).toBeGreaterThanOrEqual(before);
  });

  it('are Secure when the browser came over https (X-Forwarded-Proto)', async () => {
    const browser = new FapiBrowser(emu.url, { headers: { 'X-Forwarded-Proto': 'https' } });
    const { setCookies } = await browser.post('/v1/client/sign_ins', { identifier: ada ?? '' });
    expect(setCookies.length).toBe(3);
    for (const cookie of setCookies) expect(cookie).toMatch(/; Secure/);
  });

  it('a cookie naming a client that no longer exists reads as signed out and is cleared', async () => {
    const browser = new FapiBrowser(emu.url);
    browser.cookies.set('__client', 'stale-token');
    const { body, setCookies } = await browser.get('/v1/client');
    expect(body).toEqual({ response: null, client: null });
    expect(setCookies.find((c) => c.startsWith('__client='))).toMatch(/Max-Age=0/);
  });

  it('a session past its expiry (7 days) is signed out', async () => {
    const { browser, token } = await signedIn(linus ?? '');
    await advanceClock(emu, 7 * DAY_MS + 1000);
    expect((await token()).status).toBe(401);
    expect((await browser.get('/v1/client')).body.response.sessions).toEqual([]);
  });
});

describe('the Frontend API proxy', () => {
  it("accepts the instance's secret key in Clerk-Secret-Key and refuses another", async () => {
    const good = new FapiBrowser(emu.url, { headers: { 'Clerk-Secret-Key': emu.secretKey } });
    expect((await good.get('/v1/environment')).status).toBe(200);
    const bad = new FapiBrowser(emu.url, { headers: { 'Clerk-Secret-Key': 'sk_test_someone_else' } });
    const { status, body } = await bad.get('/v1/environment');
    expect(status).toBe(401);
    expect(errorOf(body).code).toBe('clerk_key_invalid');
  });

  it('builds the display URLs from the forwarded host', async () => {
    const browser = new FapiBrowser(emu.url, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'console.example.com' },
    });
    const { body } = await browser.get('/v1/environment');
    expect(body.display_config).toMatchObject({
      instance_environment_type: 'production',
      home_url: 'https://console.example.com/',
      after_sign_out_all_url: 'https://console.example.com/',
    });
    expect(body.auth_config.single_session_mode).toBe(true);
    expect(body).not.toHaveProperty('commerce_settings');
  });
});

describe('the client after a reload', () => {
  it('carries a fresh last_active_token per active session, whose claims clerk-js reads', async () => {
    const { browser, sessionId } = await signedIn(grace ?? '', { origin: ORIGIN });
    const { status, body } = await browser.get('/v1/client');
    expect(status).toBe(200);
    const session = (body.response.sessions as Loose[]).find((s) => s.id === sessionId);
    expect(session?.last_active_token?.object).toBe('token');
    const claims = jwtClaims(session?.last_active_token?.jwt);
    expect(claims).toMatchObject({ sid: sessionId, sub: session?.user?.id, azp: ORIGIN, v: 2 });
    const verified = await verifyToken(session?.last_active_token?.jwt, {
      secretKey: emu.secretKey,
      apiUrl: emu.url,
    });
    expect(verified.sid).toBe(sessionId);
  });
});
