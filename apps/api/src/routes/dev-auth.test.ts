import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createDeps } from '../deps.ts';
import { silentLogger } from '../log.ts';
import { type Harness, startHarness } from '../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function signIn(userId: string, headers: Record<string, string> = {}) {
  return h.app.request('/api/dev/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ user_id: userId }),
  });
}

function sessionCookie(res: Response): string {
  const match = /__session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  if (!match?.[1]) throw new Error('no session cookie');
  return match[1];
}

describe('demo sign-in against the emulator', () => {
  it('lists the demo users with what they can do', async () => {
    const res = await h.app.request('/api/dev/users');
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { id: string; description: string }[] };
    const describe = (id: string) => data.find((u) => u.id === id)?.description;
    expect(describe(h.userIds.staff)).toBe('Staff');
    expect(describe(h.userIds.adminA)).toMatch(/^Admin of Acme/);
    expect(describe(h.userIds.adminB)).toMatch(/^Admin of Globex/);
    expect(describe(h.userIds.member)).toMatch(/^Member of Acme/);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and answers with /api/me', async () => {
    const res = await signIn(h.userIds.adminA);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { id: h.userIds.adminA }, is_staff: false });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/__session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = await h.app.request('/api/me', { headers: { cookie: `__session=${sessionCookie(res)}` } });
    expect(await me.json()).toMatchObject({ user: { id: h.userIds.adminA } });
  });

  it('marks the cookie Secure on https', async () => {
    const res = await h.app.request('https://console.example/api/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: h.userIds.staff }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a sign-in posted from another origin', async () => {
    const res = await signIn(h.userIds.staff, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers 404 for an unknown user', async () => {
    const res = await signIn('user_2zzzzzzzzzzzzzzzzzzzzzzzzzz');
    expect(res.status).toBe(404);
  });

  it('clears the cookie on sign-out', async () => {
    const res = await h.app.request('/api/sign-out', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/__session=;.*Max-Age=0/);
  });

  it('does not exist in production', async () => {
    const config = { ...h.config, nodeEnv: 'production' as const };
    const app = createApp(config, createDeps(config, { logger: silentLogger, upstream: h.deps.upstream }));
    expect((await app.request('/api/dev/users')).status).toBe(404);
    expect((await app.request('/api/dev/sign-in', { method: 'POST' })).status).toBe(404);
  });

  it('does not exist when the upstream is real Clerk', async () => {
    const deps = createDeps(h.config, {
      logger: silentLogger,
      upstream: h.deps.upstream,
      detectEmulator: async () => false,
    });
    const app = createApp(h.config, deps);
    expect((await app.request('/api/dev/users')).status).toBe(404);
    expect(await (await app.request('/api/health')).json()).toEqual({
      status: 'ok',
      upstream: 'clerk',
      sign_in_url: null,
    });
  });

  it('reports the emulator in /api/health', async () => {
    expect(await (await h.app.request('/api/health')).json()).toEqual({
      status: 'ok',
      upstream: 'emulator',
      sign_in_url: null,
    });
  });
});

describe('CSRF protection for cookie sessions', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = `__session=${sessionCookie(await signIn(h.userIds.adminA))}`;
  });
  const create = (headers: Record<string, string>) =>
    h.app.request(`http://localhost/api/v1/organizations/${h.orgA}/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        email_address: `csrf-${Date.now()}-${Math.random()}@example.com`,
        role: 'org:member',
      }),
    });

  it('refuses a cookie-authenticated mutation without an Origin', async () => {
    const res = await create({ cookie });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'origin_invalid' }] });
  });

  it('refuses a cookie-authenticated mutation from another origin', async () => {
    expect((await create({ cookie, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('accepts a cookie-authenticated mutation from the same origin', async () => {
    expect((await create({ cookie, origin: 'http://localhost' })).status).toBe(200);
  });

  it('accepts a cookie-authenticated mutation from an authorized party', async () => {
    const config = { ...h.config, authorizedParties: ['http://localhost:5173'] };
    const app = createApp(config, createDeps(config, { logger: silentLogger, upstream: h.deps.upstream }));
    const signedIn = await app.request('http://localhost:5173/api/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: h.userIds.adminA }),
    });
    const res = await app.request(`http://localhost/api/v1/organizations/${h.orgA}/invitations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `__session=${sessionCookie(signedIn)}`,
        origin: 'http://localhost:5173',
      },
      body: JSON.stringify({ email_address: `csrf-ap-${Date.now()}@example.com`, role: 'org:member' }),
    });
    expect(res.status).toBe(200);
  });

  it('does not require an Origin for bearer-authenticated mutations', async () => {
    const token = await h.tokenFor('adminA');
    expect(
      (await create({ authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' })).status,
    ).toBe(200);
  });

  it('lets cookie-authenticated reads through without an Origin', async () => {
    const res = await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, { headers: { cookie } });
    expect(res.status).toBe(200);
  });
});
