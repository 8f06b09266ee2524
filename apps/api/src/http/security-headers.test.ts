import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../listen.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { rawHttp } from '../test/raw-http.ts';
import { bulkJob, pendingInvitation, ROUTES, type RouteFixtures, routePath } from '../test/route-catalog.ts';

/**
 * Every response, page or API, success or failure, in-process or from the socket layer, carries a
 * CSP without inline script or external origins, `frame-ancestors 'none'`, nosniff, a Referrer-Policy
 * and no X-Powered-By.
 */

const dist = mkdtempSync(join(tmpdir(), 'web-dist-headers-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app-1.js"></script>',
);
writeFileSync(join(dist, 'assets', 'app-1.js'), 'export {}');

let h: Harness;
let server: Listening;
let fx: RouteFixtures;
let staff: string;
let member: string;

beforeAll(async () => {
  h = await startHarness({ webDist: dist, upstreamTimeoutMs: 300 });
  server = await listen(h.app.fetch, { port: 0, hostname: '127.0.0.1' });
  staff = await h.tokenFor('staff');
  member = await h.tokenFor('member');
  fx = { org: h.orgA, inv: await pendingInvitation(h, h.orgA), job: await bulkJob(h, h.orgA, staff) };
});
afterAll(async () => {
  await server.close();
  await h.close();
  rmSync(dist, { recursive: true, force: true });
});

type HeaderBag = { get(name: string): string | null };
const bag = (headers: Record<string, string>): HeaderBag => ({
  get: (n) => headers[n.toLowerCase()] ?? null,
});

/** The policy every response must meet; `where` names the response in failures. */
function expectHardened(headers: HeaderBag, where: string) {
  const csp = headers.get('content-security-policy') ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name, values]),
  );
  expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(directives.get('script-src') ?? directives.get('default-src'), where).toEqual(["'self'"]);
  expect(directives.get('object-src'), where).toEqual(["'none'"]);
  // Clerk's UI injects its CSS at run time (FAPI-NOTES.md): inline styles are the one exception.
  expect(directives.get('style-src'), where).toEqual(["'self'", "'unsafe-inline'"]);
  expect(directives.get('worker-src'), where).toEqual(["'self'", 'blob:']);
  for (const [name, values] of directives) {
    for (const value of values) {
      if (name === 'style-src' && value === "'unsafe-inline'") continue;
      // No inline code, no eval, no other origin (scheme, host or wildcard) in any directive.
      expect(value, `${where}: ${name}`).not.toMatch(/unsafe-|^\*|^https?:|^wss?:|\.[a-z]{2,}/i);
    }
  }
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('referrer-policy'), where).toMatch(/^(no-referrer|same-origin|strict-origin)/);
  expect(headers.get('x-frame-options'), where).toBe('DENY');
  expect(headers.get('x-powered-by'), where).toBeNull();
}

describe('security headers', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    '%s: on success, 401, 403, 404 and a malformed id',
    async (where, route) => {
      const body = route.validBody ? JSON.stringify(route.validBody(fx)) : undefined;
      const send = (token: string | null, path = routePath(route, fx)) =>
        h.app.request(path, {
          method: route.method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(body === undefined ? {} : { body }),
        });
      const statuses = new Set<number>();
      for (const res of [await send(staff), await send(null), await send(member)]) {
        statuses.add(res.status);
        expectHardened(res.headers, `${where} → ${res.status}`);
      }
      const bad = route.pattern.replace(':org', 'org_bad').replace(':inv', 'orginv_bad').replace(':id', 'x');
      if (bad !== route.pattern) {
        const res = await send(staff, bad);
        expect(res.status).toBe(404);
        expectHardened(res.headers, `${where} malformed id`);
      }
      expect(statuses.size).toBeGreaterThanOrEqual(1);
    },
  );

  it.each([
    ['the SPA index', '/'],
    ['a client route', '/orgs/org_2AcmeCorp000000000000000000/invitations'],
    ['a hashed asset', '/assets/app-1.js'],
    ['a missing asset', '/assets/missing-1.js'],
    ['an unknown api path', '/api/v1/users'],
    ['a path trick', '/api/v1/organizations/%2e%2e/users'],
  ])('%s', async (where, path) => {
    expectHardened((await h.app.request(path)).headers, where);
  });

  it('on 502 and 504 answers to upstream faults', async () => {
    const path = `/v1/organizations/${h.orgA}/invitations`;
    await h.emulator('POST', '/__emulator/faults', {
      path,
      method: 'GET',
      action: 'status',
      status: 503,
      count: 3,
    });
    const unavailable = await h.app.request(`/api${path}`, { headers: { authorization: `Bearer ${staff}` } });
    expect(unavailable.status).toBe(502);
    expectHardened(unavailable.headers, '502');
    await h.emulator('POST', '/__emulator/faults', { path, method: 'GET', action: 'delay', delay_ms: 1000 });
    const slow = await h.app.request(`/api${path}`, { headers: { authorization: `Bearer ${staff}` } });
    expect(slow.status).toBe(504);
    expectHardened(slow.headers, '504');
    await h.emulator('DELETE', '/__emulator/faults');
  });

  it('over a real socket: pages, 413, 431, unparsable requests and targets node-server refuses', async () => {
    const cases: [string, Parameters<typeof rawHttp>[1], number][] = [
      ['page', { method: 'GET', target: '/' }, 200],
      ['api', { method: 'GET', target: '/api/health' }, 200],
      [
        '413',
        {
          method: 'POST',
          target: `/api/v1/organizations/${h.orgA}/invitations`,
          headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
          body: Buffer.alloc(h.config.bodyLimitBytes + 1, 0x20),
          chunked: true,
        },
        413,
      ],
      ['431', { method: 'GET', target: '/api/me', headers: { cookie: 'x'.repeat(20_000) } }, 431],
      ['400', { method: 'GET', target: '/api/me', headers: { 'bad header': 'x' } }, 400],
      ['backslash target', { method: 'GET', target: '/api\\v1\\users' }, 404],
      ['absolute-form target', { method: 'GET', target: 'http://evil.example/api/health' }, 200],
      ['OPTIONS', { method: 'OPTIONS', target: '/api/health' }, 404],
      ['HEAD', { method: 'HEAD', target: '/' }, 200],
    ];
    for (const [where, req, status] of cases) {
      const res = await rawHttp(server.port, req);
      expect(res.status, where).toBe(status);
      expectHardened(bag(res.headers), where);
    }
  });

  it('the policy has no inline script, eval or external origin', () => {
    const bad = {
      get: (n: string) => (n === 'content-security-policy' ? "script-src 'self' 'unsafe-inline'" : null),
    };
    expect(() => expectHardened(bad, 'self-check')).toThrow();
  });
});
