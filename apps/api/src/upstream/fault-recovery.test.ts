import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createDeps } from '../deps.ts';
import { createLogger } from '../log.ts';
import { type Harness, startHarness } from '../test/harness.ts';

/**
 * Every upstream fault of issue 7, on a read and on a write: the api answers a defined status in
 * Clerk's envelope with a trace id, writes a log line carrying that status and trace id, and is
 * healthy afterwards (health and a normal request succeed).
 */

const TIMEOUT_MS = 300;
let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness({
    upstreamTimeoutMs: TIMEOUT_MS,
    roleCacheTtlMs: 600_000,
    tokenCacheTtlMs: 600_000,
  });
  token = await h.tokenFor('staff');
  expect((await list()).status).toBe(200); // warms the token and principal caches
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.emulator('DELETE', '/__emulator/faults');
});

const resource = () => `/v1/organizations/${h.orgA}/invitations`;
const auth = () => ({ authorization: `Bearer ${token}` });
const list = () => h.app.request(`/api${resource()}?limit=1`, { headers: auth() });
const create = () =>
  h.app.request(`/api${resource()}`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/json' },
    body: JSON.stringify({
      email_address: `fault-${Date.now()}-${Math.random()}@example.com`,
      role: 'org:member',
    }),
  });
const inject = (fault: Record<string, unknown>) => h.emulator('POST', '/__emulator/faults', fault);

interface Expected {
  status: number;
  code: string;
  retryAfter?: string;
}

type Fault = Record<string, unknown>;
// GETs are retried twice on 5xx and dropped connections, so read faults repeat; writes are never retried.
const FAULTS: [name: string, fault: Fault, expected: Expected][] = [
  [
    '429 with Retry-After',
    { action: 'status', status: 429, retry_after: 7 },
    { status: 429, code: 'too_many_requests', retryAfter: '7' },
  ],
  ['500', { action: 'status', status: 500 }, { status: 502, code: 'upstream_unavailable' }],
  ['502', { action: 'status', status: 502 }, { status: 502, code: 'upstream_unavailable' }],
  [
    '503 with Retry-After',
    { action: 'status', status: 503, retry_after: 3 },
    { status: 502, code: 'upstream_unavailable', retryAfter: '3' },
  ],
  [
    'an answer slower than the timeout',
    { action: 'delay', delay_ms: TIMEOUT_MS * 4 },
    { status: 504, code: 'upstream_timeout' },
  ],
  ['a reset connection', { action: 'reset' }, { status: 502, code: 'upstream_unavailable' }],
  [
    'a non-JSON (HTML) body',
    { action: 'non_json', status: 503 },
    { status: 502, code: 'upstream_unavailable' },
  ],
];

function requestLog(requestId: string | null): Record<string, unknown> | undefined {
  return h.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((entry) => entry.msg === 'request' && entry.request_id === requestId);
}

async function expectDefinedAnswer(res: Response, expected: Expected) {
  const body = (await res.json()) as {
    errors: { code: string; long_message: string }[];
    clerk_trace_id: string;
  };
  expect(res.status, JSON.stringify(body)).toBe(expected.status);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(body.errors[0]?.code).toBe(expected.code);
  expect(body.errors[0]?.long_message).toMatch(/\w/);
  expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  expect(res.headers.get('x-clerk-trace-id')).toBe(body.clerk_trace_id);
  expect(res.headers.get('retry-after')).toBe(expected.retryAfter ?? null);
  const logged = requestLog(res.headers.get('x-request-id'));
  expect(logged).toMatchObject({ status: expected.status, trace_id: body.clerk_trace_id });
}

async function expectHealthy() {
  await h.emulator('DELETE', '/__emulator/faults');
  const health = await h.app.request('/api/health');
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', upstream: 'emulator' });
  expect((await list()).status).toBe(200);
  expect((await create()).status).toBe(200);
}

describe('upstream faults on a read (list)', () => {
  it.each(FAULTS)('%s: defined answer, logged, healthy afterwards', async (_name, fault, expected) => {
    await inject({ method: 'GET', path: resource(), count: 3, ...fault });
    const started = Date.now();
    await expectDefinedAnswer(await list(), expected);
    if (expected.status === 504) expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
    await expectHealthy();
  });
});

describe('upstream faults on a write (create)', () => {
  it.each(FAULTS)('%s: defined answer, logged, healthy afterwards', async (_name, fault, expected) => {
    await inject({ method: 'POST', path: resource(), count: 1, ...fault });
    await expectDefinedAnswer(await create(), expected);
    await expectHealthy();
  });

  it('a write applied before the connection dropped answers 502, not success or 500', async () => {
    await inject({ method: 'POST', path: resource(), action: 'commit_then_drop' });
    await expectDefinedAnswer(await create(), { status: 502, code: 'upstream_unavailable' });
    await expectHealthy();
  });

  it('logs the upstream failure itself, with its kind, for network faults', async () => {
    await inject({ method: 'POST', path: resource(), action: 'reset' });
    const res = await create();
    const requestId = res.headers.get('x-request-id');
    const entries = h.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'upstream failure',
        kind: 'network',
        request_id: requestId,
      }),
    );
  });
});

describe('many requests during a fault', () => {
  it('answers 30 concurrent requests during resets and timeouts, then serves normally', async () => {
    await inject({ method: 'GET', path: resource(), action: 'reset', count: 45 });
    await inject({ method: 'POST', path: resource(), action: 'delay', delay_ms: TIMEOUT_MS * 4, count: 15 });
    const answers = await Promise.all([
      ...Array.from({ length: 15 }, () => list()),
      ...Array.from({ length: 15 }, () => create()),
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(15).fill(502), ...Array(15).fill(504)]);
    await expectHealthy();
  });
});

describe('faults while signing a user in', () => {
  // A fresh app (empty token and principal caches) on the same upstream, so sign-in needs Clerk.
  const coldApp = () => {
    const deps = createDeps(h.config, {
      store: h.store,
      upstream: h.deps.upstream,
      logger: createLogger({ write: (line) => h.logLines.push(line) }),
    });
    return createApp(h.config, deps);
  };

  it.each<[string, number, Fault]>([
    ['the user lookup answers 500', 502, { path: '/v1/users/*', action: 'status', status: 500, count: 5 }],
    ['the user lookup drops the connection', 502, { path: '/v1/users/*', action: 'reset', count: 5 }],
    [
      'the membership lookup is too slow',
      504,
      { path: '/v1/users/*/organization_memberships', action: 'delay', delay_ms: TIMEOUT_MS * 4 },
    ],
  ])('%s: %d in the envelope, not 401 or 500', async (_name, status, fault) => {
    await inject({ method: 'GET', ...fault });
    const res = await coldApp().request('/api/me', { headers: auth() });
    expect(res.status).toBe(status);
    const body = (await res.json()) as { clerk_trace_id: string };
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    await h.emulator('DELETE', '/__emulator/faults');
    expect((await coldApp().request('/api/me', { headers: auth() })).status).toBe(200);
  });
});
