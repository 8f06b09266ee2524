import { isClerkId } from '@invites/clerk-schema';
import { jsonDepth, MAX_JSON_DEPTH } from '@invites/clerk-schema/http-body';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Listening, listen } from '../listen.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { rawHttp } from '../test/raw-http.ts';
import {
  bulkJob,
  pendingInvitation,
  ROUTES,
  type RouteFixtures,
  type RouteSpec,
  routePath,
} from '../test/route-catalog.ts';

/**
 * Property-based hostile input over the api in-process (and over a socket where the raw bytes
 * matter): every answer is < 500, every 4xx is Clerk's envelope, and input the api rejects never
 * reaches the upstream (the harness counts every upstream call). Bounded runs; a failure prints
 * the seed and the shrunk counterexample; `FC_SEED=<seed>` replays one.
 */

const RUNS = Number(process.env.FC_RUNS ?? 250);
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
// Bounded in count and time (shrinking included); an interrupted run without failure passes.
const FC_OPTIONS = { numRuns: RUNS, interruptAfterTimeLimit: 20_000 };

let h: Harness;
let server: Listening;
let fx: RouteFixtures;
const tokens = { staff: '', adminA: '' };

beforeAll(async () => {
  // Long caches: after the warm-up no upstream call is needed to authenticate, so any call counted
  // during a request is the request reaching the upstream.
  h = await startHarness({ roleCacheTtlMs: 3_600_000, tokenCacheTtlMs: 3_600_000 });
  server = await listen(h.app.fetch, { port: 0, hostname: '127.0.0.1' });
  tokens.staff = await h.tokenFor('staff');
  tokens.adminA = await h.tokenFor('adminA');
  for (const token of Object.values(tokens)) {
    expect((await h.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
  }
  await h.app.request('/api/health');
  fx = { org: h.orgA, inv: await pendingInvitation(h, h.orgA), job: await bulkJob(h, h.orgA, tokens.staff) };
});
afterAll(async () => {
  await server.close();
  await h.close();
});

type Persona = keyof typeof tokens;

interface Answer {
  status: number;
  body: unknown;
  calls: typeof h.calls;
}

async function send(
  method: string,
  path: string,
  init: { persona?: Persona; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.persona) headers.authorization = `Bearer ${tokens[init.persona]}`;
  const before = h.calls.length;
  const res = await h.app.request(path, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await res.text();
  const answer = { status: res.status, body: text ? safeJson(text) : null, calls: h.calls.slice(before) };
  expect(answer.status, `${method} ${path} → ${text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400) expectEnvelope(answer.body, res.headers);
  return answer;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Clerk's error envelope: errors with code/message/long_message and a 32-hex trace id in body and header. */
function expectEnvelope(body: unknown, headers: Headers) {
  expect(headers.get('content-type')).toBe('application/json');
  const envelope = body as { errors: unknown[]; clerk_trace_id: string };
  expect(envelope.errors.length).toBeGreaterThan(0);
  for (const e of envelope.errors) {
    expect(e).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      long_message: expect.any(String),
    });
  }
  expect(envelope.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  expect(headers.get('x-clerk-trace-id')).toBe(envelope.clerk_trace_id);
}

const byName = (name: string) => ROUTES.find((r) => r.name === name) as RouteSpec;
/** Route names, so a counterexample prints a name rather than the route's schemas. */
const routeNames = (filter: (r: RouteSpec) => boolean) => ROUTES.filter(filter).map((r) => r.name);

/** Persona allowed on a route (staff can do everything; admin A only what Acme's admins can). */
function personasFor(route: RouteSpec): Persona[] {
  return route.access === 'staff' ? ['staff'] : ['staff', 'adminA'];
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%zz',
    '%00',
    '%E0%A4%A',
    '%2e%2e',
    '..',
    '\u0000',
    '\uFEFF',
    '𝓪𝓭𝓪',
    'null',
    '[]',
    '{}',
  ),
  fc.noShrink(fc.integer({ min: 300, max: 20_000 })).map((n) => 'x'.repeat(n)),
);

// ── query strings ─────────────────────────────────────────────────────────────────────────────

const QUERY_KEYS = [
  'limit',
  'offset',
  'status',
  'order_by',
  'query',
  'email_address',
  'include_members_count',
];
const PLAUSIBLE_VALUES = [
  '1',
  '10',
  '500',
  'pending',
  'accepted',
  'expired',
  '-created_at',
  '+email_address',
  'name',
];

/** Values each known parameter must refuse (422), whatever else is in the query string. */
const INVALID: Record<string, string[]> = {
  limit: ['0', '501', '-1', 'abc', '1.5', '', '1e2', '0x10', ' 5'],
  offset: ['-1', 'x', '1000000001', '2.5'],
  status: ['PENDING', 'bogus', '', 'pending,accepted'],
  order_by: ['foo', '--created_at', 'created', 'members_count;drop'],
  query: ['q'.repeat(400)],
  email_address: ['e'.repeat(400)],
  since: ['-1', 'yesterday', '9007199254740993'],
  until: ['-5', '1.5'],
};

const queryPair = fc.tuple(
  fc.oneof(
    fc.constantFrom(...QUERY_KEYS, '__proto__', 'constructor', 'prototype', 'limit[]', 'status[0]'),
    fc.string({ maxLength: 12 }),
  ),
  fc.oneof(fc.constantFrom(...PLAUSIBLE_VALUES), hostileString),
  fc.boolean(),
);

const encodePair = ([key, value, raw]: [string, string, boolean]) =>
  raw ? `${key}=${value}`.replaceAll('#', '%23') : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  return (schema as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
}

/** The upstream query as the object `parseQuery` builds (repeated keys become arrays). */
function asQueryObject(query: URLSearchParams | string | undefined): Record<string, string | string[]> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params?.keys() ?? [])) {
    const values = params?.getAll(key) ?? [];
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

describe('hostile query strings on every GET route', () => {
  it('never 5xx; invalid parameters are 422 and never reach the upstream; only validated ones are forwarded', async () => {
    const invalidFor = (route: RouteSpec) =>
      Object.entries(INVALID)
        .filter(([key]) => key in shapeOf(route.query))
        .flatMap(([key, values]) => values.map((value) => [key, value] as const));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routeNames((r) => r.method === 'GET')).chain((name) =>
          fc.record({
            name: fc.constant(name),
            persona: fc.constantFrom(...personasFor(byName(name))),
            pairs: fc.array(queryPair, { maxLength: 6 }),
            invalid:
              invalidFor(byName(name)).length > 0
                ? fc.option(fc.constantFrom(...invalidFor(byName(name))))
                : fc.constant(null),
          }),
        ),
        async ({ name, persona, pairs, invalid }) => {
          const route = byName(name);
          const parts = pairs.map(encodePair);
          if (invalid) parts.push(`${invalid[0]}=${encodeURIComponent(invalid[1])}`);
          const path = `${routePath(route, fx)}?${parts.join('&')}`;
          const answer = await send('GET', path, { persona });
          if (invalid) {
            expect(answer.status, path).toBe(422);
            expect(answer.calls).toEqual([]);
            return;
          }
          if (!route.query) return;
          const shape = shapeOf(route.query);
          for (const call of answer.calls.filter(
            (c) => c.path === routePath(route, fx).replace(/^\/api/, ''),
          )) {
            const forwarded = asQueryObject(call.query);
            for (const key of Object.keys(forwarded))
              expect([...Object.keys(shape), 'include_members_count']).toContain(key);
            const { include_members_count: _ignored, ...rest } = forwarded;
            expect(route.query.safeParse(rest).success, JSON.stringify(forwarded)).toBe(true);
          }
        },
      ),
      FC_OPTIONS,
    );
  });
});

// ── JSON bodies ───────────────────────────────────────────────────────────────────────────────

const deepArray = fc
  .noShrink(fc.integer({ min: 1, max: 5_000 }))
  .map((d) => `${'['.repeat(d)}${']'.repeat(d)}`);
const deepObject = fc
  .noShrink(fc.integer({ min: 1, max: 3_000 }))
  .map(
    (d) =>
      `{"email_address":"deep@example.com","role":"org:member","public_metadata":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}`,
  );
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, [], {}, '', ' ', 'org:admin', 'not-an-email'),
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.noShrink(fc.integer({ min: 100_000, max: 600_000 })).map((n) => 'é'.repeat(n)),
);
const ITEM_KEYS = [
  'email_address',
  'role',
  'expires_in_days',
  'redirect_url',
  'notify',
  'public_metadata',
  'private_metadata',
  'inviter_user_id',
  'requesting_user_id',
  'user_id',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** An object near a valid one: a valid base with fields replaced, added or removed. */
const nearValidItem = fc
  .record({
    email: fc.oneof(fc.constant('ok'), fc.emailAddress(), hostileString),
    replace: fc.dictionary(fc.constantFrom(...ITEM_KEYS, ...PROTO_KEYS), hostileValue, { maxKeys: 3 }),
    drop: fc.subarray(['email_address', 'role']),
  })
  .map(({ email, replace, drop }) => {
    const item: Record<string, unknown> = {
      email_address:
        email === 'ok' ? `fuzz-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com` : email,
      role: 'org:member',
    };
    for (const key of drop) delete item[key];
    // JSON text, so `__proto__` arrives as an own key the way an attacker would send it.
    const entries = [...Object.entries(item), ...Object.entries(replace)];
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
  });
const bodyText = fc.oneof(
  { weight: 4, arbitrary: nearValidItem },
  {
    weight: 2,
    arbitrary: fc
      .array(nearValidItem, { minLength: 0, maxLength: 12 })
      .map((items) => `[${items.join(',')}]`),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deepArray },
  { weight: 1, arbitrary: deepObject },
  { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '{', '{"email_address":', 'null', '"x"', '[]', '{}', '\uFEFF{}'),
  },
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** What the route reads an empty (or `null`) body as; absent = missing. */
const EMPTY_BODY: Record<string, unknown> = {
  create: {},
  revoke: {},
  'demo sign-in token': {},
  'bulk check': {},
  'bulk job create': {},
  resend: {},
};

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    // The body is decoded as UTF-8 text, which drops a leading byte order mark (RFC 8259 allows that).
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false };
  }
}

/** Whether the api must accept the body as valid input (then it may reach the upstream). */
function isValidInput(route: RouteSpec, persona: Persona, text: string, type: string | undefined): boolean {
  if (!route.body) return true;
  let value: unknown;
  if (text.trim() === '') value = EMPTY_BODY[route.name];
  else {
    if (type?.split(';')[0]?.trim().toLowerCase() !== 'application/json') return false;
    const parsed = parseJsonText(text);
    if (!parsed.ok || jsonDepth(text) > MAX_JSON_DEPTH) return false;
    // These routes read `null` like an empty body (`?? {}`).
    value = parsed.value ?? EMPTY_BODY[route.name];
  }
  if (persona !== 'staff' && (route.name === 'create' || route.name === 'bulkCreate')) {
    const items = Array.isArray(value) ? value : [value];
    if (items.some((i) => i !== null && typeof i === 'object' && 'private_metadata' in i)) return false;
  }
  return route.body.safeParse(value).success;
}

describe('hostile JSON bodies on every POST route', () => {
  it('never 5xx; invalid bodies get a 4xx envelope and never reach the upstream', async () => {
    let revokeFixture = fx.inv;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routeNames((r) => r.method === 'POST')).chain((name) =>
          fc.record({
            name: fc.constant(name),
            persona: fc.constantFrom(...personasFor(byName(name))),
            text: bodyText,
            type: contentType,
          }),
        ),
        async ({ name, persona, text, type }) => {
          const route = byName(name);
          const path = routePath(route, { ...fx, inv: revokeFixture });
          const headers: Record<string, string> = type ? { 'content-type': type } : {};
          const answer = await send('POST', path, { persona, headers, body: text });
          if (isValidInput(route, persona, text, type)) {
            if (route.name === 'revoke' && answer.status === 200)
              revokeFixture = await pendingInvitation(h, h.orgA);
            return;
          }
          expect(
            [400, 404, 413, 422],
            `${route.name} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)} for ${text.slice(0, 200)}`,
          ).toContain(answer.status);
          expect(answer.calls, text.slice(0, 200)).toEqual([]);
        },
      ),
      FC_OPTIONS,
    );
  });

  it('treats __proto__ and constructor keys as unknown parameters, without polluting anything', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"email_address":"proto@example.com","role":"org:member",${JSON.stringify(key)}:{"isStaff":true,"role":"org:admin"}}`;
      const answer = await send('POST', routePath(byName('create'), fx), {
        persona: 'adminA',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        errors: [{ code: 'form_param_unknown', meta: { param_name: key } }],
      });
      expect(answer.calls).toEqual([]);
    }
    expect(({} as Record<string, unknown>).isStaff).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

// ── IDs and paths (over a socket: the raw request target matters) ────────────────────────────

/** Percent-encodes what cannot travel raw in a request target, keeping dots, slashes, backslashes and %. */
const toTarget = (s: string) =>
  [...s]
    .map((ch) => (/^[\x21-\x7e]$/.test(ch) && ch !== '#' && ch !== '?' ? ch : encodeURIComponent(ch)))
    .join('');

const base62 = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  minLength: 0,
  maxLength: 40,
});
const idSegment = fc.oneof(
  base62.map((s) => `org_${s}`),
  base62.map((s) => `orginv_${s}`),
  base62.map((s) => `user_${s}`),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => `org_${s}`),
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E',
    '%2f',
    '%2F..%2F',
    '%5c',
    '\\',
    '..%2f..%2fusers',
    '%252e%252e',
    '%00',
    ';',
    '*',
    '~',
    'ｏｒｇ_2abc',
    '%EF%BC%8F',
  ),
  fc.noShrink(fc.integer({ min: 65, max: 9_000 })).map((n) => `org_${'a'.repeat(n)}`),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const PATH_TEMPLATES: [
  method: 'GET' | 'POST',
  build: (seg: string, org: string) => string,
  prefix: string | null,
][] = [
  ['GET', (s) => `/api/v1/organizations/${s}`, 'org'],
  ['GET', (s) => `/api/v1/organizations/${s}/invitations`, 'org'],
  ['POST', (s) => `/api/v1/organizations/${s}/invitations`, 'org'],
  ['GET', (s, org) => `/api/v1/organizations/${org}/invitations/${s}`, 'orginv'],
  ['POST', (s, org) => `/api/v1/organizations/${org}/invitations/${s}/revoke`, 'orginv'],
  ['GET', (s) => `/api/v1/${s}`, null],
  ['GET', (s) => `/api/${s}`, null],
  ['GET', (s, org) => `/api/v1/organizations/${org}/${s}`, null],
  ['GET', (s, org) => `/api/v1/organizations/${org}/invitations/${s}/revoke`, null],
  ['GET', (s) => `/api/bulk-invitations/${s}`, null],
  ['POST', (s) => `/api/bulk-invitations/${s}/cancel`, null],
  ['GET', (s) => `/api/bulk-invitations/${s}/results.csv`, null],
  ['GET', (s) => `/api/organizations/${s}/bulk-invitations`, 'org'],
];
const ROUTE_WORDS = new Set([
  'health',
  'me',
  'invitations',
  'pending',
  'bulk',
  'organizations',
  'organization_roles',
  'organization_invitations',
  'demo',
  'users',
  'sign-in-tokens',
  'config',
  'bulk-invitations',
  'activity',
  'check',
  'results.csv',
  'cancel',
  'retry',
]);

describe('hostile IDs and paths', () => {
  it('answers 404 in the envelope and calls the upstream only for a well-formed ID', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATH_TEMPLATES),
        idSegment.filter((s) => !ROUTE_WORDS.has(s)),
        async ([method, build, prefix], segment) => {
          const target = toTarget(build(segment, h.orgA));
          const before = h.calls.length;
          const res = await rawHttp(server.port, {
            method,
            target,
            headers: { authorization: `Bearer ${tokens.staff}` },
          });
          expect(res.status, target).toBe(404);
          expect(res.headers['content-type'], target).toBe('application/json');
          expect(JSON.parse(res.body), target).toMatchObject({
            errors: [{ code: 'resource_not_found' }],
            clerk_trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
          });
          const wellFormed =
            prefix !== null && isClerkId(prefix as 'org', segment) && target.includes(segment);
          if (!wellFormed) expect(h.calls.slice(before), target).toEqual([]);
        },
      ),
      FC_OPTIONS,
    );
  });
});

// ── headers ───────────────────────────────────────────────────────────────────────────────────

const headerValue = (max: number) =>
  fc
    .string({
      unit: fc
        .integer({ min: 0x20, max: 0xff })
        .filter((c) => c !== 0x7f)
        .map((c) => String.fromCharCode(c)),
      maxLength: max,
    })
    .map((s) => s.trim());
const fakeJwt = fc
  .tuple(
    fc.base64String({ maxLength: 60 }),
    fc.base64String({ maxLength: 200 }),
    fc.base64String({ maxLength: 80 }),
  )
  .map((parts) =>
    parts.map((p) => p.replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')).join('.'),
  );
const authorization = fc.oneof(
  fc.constant(undefined),
  headerValue(60),
  headerValue(60).map((v) => `Bearer ${v}`),
  fakeJwt.map((j) => `Bearer ${j}`),
  fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer x y', 'Bearer eyJhbGciOiJub25lIn0.e30.'),
  fc.noShrink(fc.integer({ min: 8_000, max: 100_000 })).map((n) => `Bearer ${'A'.repeat(n)}`),
  fc.constant('VALID_WITH_SUFFIX'),
);
const cookie = fc.oneof(
  fc.constant(undefined),
  headerValue(80),
  fakeJwt.map((j) => `__session=${j}`),
  headerValue(40).map((v) => `__session=${v}; __session=other`),
  fc.noShrink(fc.integer({ min: 8_000, max: 100_000 })).map((n) => `__session=${'B'.repeat(n)}`),
);
const anyHeaderType = fc.oneof(
  fc.constant(undefined),
  headerValue(80),
  fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/html'),
);
const extraHeaders = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), headerValue(100), {
  maxKeys: 4,
});

describe('hostile headers', () => {
  it('never 5xx; garbage credentials are 401 (or the public answer) without reaching the upstream', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routeNames(() => true)),
        authorization,
        cookie,
        anyHeaderType,
        extraHeaders,
        fc.option(headerValue(100)),
        async (name, auth, cookieHeader, type, extra, requestId) => {
          const route = byName(name);
          const headers: Record<string, string> = { ...extra };
          for (const name of ['authorization', 'cookie', 'content-type', 'host', 'origin', 'x-request-id'])
            delete headers[name];
          if (auth !== undefined)
            headers.authorization = auth === 'VALID_WITH_SUFFIX' ? `Bearer ${tokens.staff}x` : auth;
          if (cookieHeader !== undefined) headers.cookie = cookieHeader;
          if (type !== undefined) headers['content-type'] = type;
          if (requestId !== null) headers['x-request-id'] = requestId;
          const body = route.method === 'POST' ? JSON.stringify(route.validBody?.(fx) ?? {}) : undefined;
          const answer = await send(route.method, routePath(route, fx), {
            headers,
            ...(body === undefined ? {} : { body }),
          });
          if (route.access === 'public' || route.access === 'demo') return;
          expect(answer.calls).toEqual([]);
          // Credentials mean nothing to Clerk's webhook: unsigned, it is a 400 whatever is sent.
          if (route.access === 'webhook') {
            expect(answer.status).toBe(400);
            return;
          }
          // A cookie-only mutation is refused for its missing Origin before the cookie is even read.
          if (answer.status === 403 && auth === undefined && route.method === 'POST') {
            expect(answer.body).toMatchObject({ errors: [{ code: 'origin_invalid' }] });
            return;
          }
          expect(answer.status).toBe(401);
        },
      ),
      FC_OPTIONS,
    );
  });

  it('answers a request line or headers Node cannot parse, or over 16 KB, in the envelope (431/400)', async () => {
    const huge = await rawHttp(server.port, {
      method: 'GET',
      target: '/api/me',
      headers: { cookie: `__session=${'C'.repeat(20_000)}` },
    });
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({ errors: [{ code: 'request_header_fields_too_large' }] });
    expect(huge.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const garbage = await rawHttp(server.port, {
      method: 'GET',
      target: '/api/me',
      headers: { 'bad header': 'x' },
    });
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toMatchObject({ errors: [{ code: 'request_invalid' }] });
    expect(garbage.headers['x-content-type-options']).toBe('nosniff');
  });
});

// ── bodies over 1 MB ──────────────────────────────────────────────────────────────────────────

describe('bodies over 1 MB', () => {
  const LIMIT = 1024 * 1024;
  const postRoutes = ROUTES.filter((r) => r.method === 'POST');

  it.each(postRoutes.map((r) => [r.name, r] as const))(
    '%s: 413 for the limit + 1 byte, sent chunked without Content-Length, and for a declared Content-Length',
    async (_name, route) => {
      const target = routePath(route, fx);
      // A bulk job (up to 20,000 rows) has its own, larger limit; every other body has 1 MB.
      const limit = route.bodyLimit === 'bulk' ? h.config.bulkBodyLimitBytes : h.config.bodyLimitBytes;
      expect(h.config.bodyLimitBytes).toBe(LIMIT);
      const body = Buffer.alloc(limit + 1, 0x20);
      for (const chunked of [true, false]) {
        const before = h.calls.length;
        const res = await rawHttp(server.port, {
          method: 'POST',
          target,
          headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'application/json' },
          body,
          chunked,
        });
        expect(res.status, `chunked=${chunked}`).toBe(413);
        expect(JSON.parse(res.body)).toMatchObject({ errors: [{ code: 'request_body_too_large' }] });
        expect(h.calls.slice(before)).toEqual([]);
      }
    },
  );

  it('accepts a body of exactly 1 MB (it is then validated, not refused for size)', async () => {
    const prefix = '{"email_address":"big@example.com","role":"org:member","public_metadata":{"pad":"';
    const suffix = '"}}';
    const text = prefix + 'x'.repeat(LIMIT - prefix.length - suffix.length) + suffix;
    expect(Buffer.byteLength(text)).toBe(LIMIT);
    const res = await rawHttp(server.port, {
      method: 'POST',
      target: `/api/v1/organizations/${h.orgA}/invitations`,
      headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'application/json' },
      body: Buffer.from(text),
      chunked: true,
    });
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });
});
