import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { appConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { silentLogger } from '../log.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { rsaKeyPair, sessionClaims, signRs256 } from '../test/jwt.ts';

let h: Harness;
let token: string;
const TIMEOUT_MS = 400;

beforeAll(async () => {
  h = await startHarness({ upstreamTimeoutMs: TIMEOUT_MS });
  token = await h.tokenFor('staff');
  await h.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } }); // warm role cache
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.emulator('DELETE', '/__emulator/faults');
  h.calls.length = 0;
});

const listPath = () => `/v1/organizations/${h.orgA}/invitations`;
const fault = (body: Record<string, unknown>) =>
  h.emulator('POST', '/__emulator/faults', { path: listPath(), ...body });
const list = () => h.app.request(`/api${listPath()}`, { headers: { authorization: `Bearer ${token}` } });
const create = () =>
  h.app.request(`/api${listPath()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email_address: `fault-${Date.now()}-${Math.random()}@example.com`,
      role: 'org:member',
    }),
  });
const remainingFaults = async () =>
  ((await (await h.emulator('GET', '/__emulator/faults')).json()) as { data: { remaining: number }[] }).data;

describe('upstream faults', () => {
  it('passes a 429 back with Retry-After and Clerk trace id', async () => {
    await fault({ method: 'POST', action: 'status', status: 429, retry_after: 30 });
    const res = await create();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    const body = (await res.json()) as { errors: { code: string }[]; clerk_trace_id: string };
    expect(body.errors[0]?.code).toBe('too_many_requests');
    expect(res.headers.get('x-clerk-trace-id')).toBe(body.clerk_trace_id);
  });

  it('retries a GET that got a 500 and answers with the retry', async () => {
    await fault({ method: 'GET', action: 'status', status: 500, count: 1 });
    const res = await list();
    expect(res.status).toBe(200);
    expect(await remainingFaults()).toEqual([]);
  });

  it("answers Clerk's 503 as 502 once retries are exhausted", async () => {
    await fault({ method: 'GET', action: 'status', status: 503, count: 10 });
    const res = await list();
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({
      errors: [
        {
          code: 'upstream_unavailable',
          meta: { upstream_status: 503, upstream_code: 'service_unavailable' },
        },
      ],
    });
    expect(await remainingFaults()).toMatchObject([{ remaining: 10 - (1 + h.config.upstreamRetries) }]);
  });

  it('does not retry a POST that got a 500', async () => {
    await fault({ method: 'POST', action: 'status', status: 500, count: 2 });
    const res = await create();
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'upstream_unavailable' }] });
    expect(await remainingFaults()).toMatchObject([{ remaining: 1 }]);
  });

  it('answers 502 in the envelope when the upstream answers HTML', async () => {
    await fault({ method: 'GET', action: 'non_json', status: 502, count: 10 });
    const res = await list();
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ errors: [{ code: 'upstream_unavailable' }] });
  });

  it('answers 502 when the upstream keeps dropping the connection', async () => {
    await fault({ method: 'GET', action: 'reset', count: 10 });
    const res = await list();
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'upstream_unavailable' }] });
  });

  it('retries a GET whose connection was dropped once', async () => {
    await fault({ method: 'GET', action: 'reset', count: 1 });
    expect((await list()).status).toBe(200);
  });

  it('answers 504 when the upstream is slower than the timeout', async () => {
    await fault({ method: 'GET', action: 'delay', delay_ms: TIMEOUT_MS * 3, count: 1 });
    const started = Date.now();
    const res = await list();
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'upstream_timeout' }] });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
  });
});

describe('an unreachable upstream', () => {
  it('answers 502 in the envelope', async () => {
    const keys = rsaKeyPair();
    const config = appConfig({
      clerkApiUrl: 'http://127.0.0.1:9',
      clerkSecretKey: 'sk_test_unreachable',
      clerkJwtKey: keys.publicPem,
      upstreamRetryBaseMs: 1,
    });
    const app = createApp(config, createDeps(config, { logger: silentLogger }));
    const jwt = signRs256(sessionClaims('user_2abcdefghijklmnopqrstuvwxyz'), keys.privateKey);
    const res = await app.request('/api/me', { headers: { authorization: `Bearer ${jwt}` } });
    expect(res.status).toBe(502);
    const body = (await res.json()) as { errors: { code: string }[]; clerk_trace_id: string };
    expect(body.errors[0]?.code).toBe('upstream_unavailable');
    expect(res.headers.get('x-clerk-trace-id')).toBe(body.clerk_trace_id);
  });
});
