import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../config.ts';
import { createEmulator } from '../emulator.ts';
import { DEMO_ORGANIZATIONS } from '../seed/demo-data.ts';

const open: ReturnType<typeof createEmulator>[] = [];
afterEach(() => {
  for (const e of open.splice(0)) e.close();
});

function emulator(options: EmulatorOptions = {}) {
  const e = createEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'clerk', ...options });
  open.push(e);
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) =>
    e.app.request(path, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${e.secretKey}` },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const advance = (ms: number) => call('/__emulator/clock', { method: 'POST', body: { advance_ms: ms } });
  return { call, advance };
}

async function burst(call: () => Promise<Response>, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await call()).status);
  return statuses;
}

const acme = DEMO_ORGANIZATIONS.acme.id;
const globex = DEMO_ORGANIZATIONS.globex.id;

describe("Clerk's rate limits", () => {
  it('allows 100 requests per 10 s on a development key, then answers 429 with Retry-After until the window moves', async () => {
    const { call, advance } = emulator();
    expect(new Set(await burst(() => call('/v1/organizations'), 100))).toEqual(new Set([200]));
    const limited = await call('/v1/organizations');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 10).toBe(true);
    const body = (await limited.json()) as { errors: { code: string }[]; clerk_trace_id: string };
    expect(body.errors[0]?.code).toBe('too_many_requests');
    expect(body.clerk_trace_id).toBe(limited.headers.get('x-clerk-trace-id'));
    await advance(10_000);
    expect((await call('/v1/organizations')).status).toBe(200);
  });

  it('does not limit GET /jwks or the emulator controls', async () => {
    const { call } = emulator();
    await burst(() => call('/v1/organizations'), 100);
    expect(new Set(await burst(() => call('/v1/jwks'), 20))).toEqual(new Set([200]));
    expect((await call('/__emulator/info')).status).toBe(200);
  });

  it('allows 1000 requests per 10 s on a production key', async () => {
    const { call } = emulator({ secretKey: 'sk_live_emulator' });
    expect(new Set(await burst(() => call('/v1/organization_roles'), 150))).toEqual(new Set([200]));
  });

  it('allows 50 bulk creates per organization per hour, whatever their outcome', async () => {
    const { call, advance } = emulator();
    const bulk = (org: string) =>
      call(`/v1/organizations/${org}/invitations/bulk`, { method: 'POST', body: [] });
    expect(new Set(await burst(() => bulk(acme), 50))).toEqual(new Set([422]));
    const limited = await bulk(acme);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(3500);
    expect((await bulk(globex)).status).toBe(422);
    await advance(3_600_000);
    expect((await bulk(acme)).status).toBe(422);
  });

  it('allows 250 creates per organization per hour', async () => {
    const { call, advance } = emulator();
    const create = () => call(`/v1/organizations/${acme}/invitations`, { method: 'POST', body: {} });
    for (let i = 0; i < 250; i++) {
      if (i % 90 === 89) await advance(10_000);
      expect((await create()).status).toBe(422);
    }
    expect((await create()).status).toBe(429);
  });

  it('divides the windows by timeScale', async () => {
    const { call } = emulator({ timeScale: 100 });
    const bulk = () => call(`/v1/organizations/${acme}/invitations/bulk`, { method: 'POST', body: [] });
    await burst(bulk, 50);
    const limited = await bulk();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(30);
    expect(retryAfter).toBeLessThanOrEqual(36);
  });

  it("does nothing with rateLimits: 'off'", async () => {
    const { call } = emulator({ rateLimits: 'off' });
    expect(new Set(await burst(() => call('/v1/organizations'), 150))).toEqual(new Set([200]));
  });
});
