import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from './listen.ts';
import { type Harness, type Persona, startHarness } from './test/harness.ts';
import { rawHttp } from './test/raw-http.ts';
import { bulkJob, pendingInvitation, ROUTES, routeUrl } from './test/route-catalog.ts';

/**
 * A scripted session over every route (as staff, an org admin, a member and anonymous; on success,
 * refusal, bad input and upstream faults; with the bulk worker running a job), capturing every
 * response and every log line: none holds the secret key or any `sk_test_`/`sk_live_` key, and no
 * log line holds a session token or its signature.
 */

const CLERK_KEY = /\bsk_(?:test|live)_[A-Za-z0-9]+/;
let h: Harness;
let server: Listening;
const tokens = {} as Record<Persona, string>;
const responses: string[] = [];

beforeAll(async () => {
  h = await startHarness({ upstreamTimeoutMs: 300 }, { worker: true });
  server = await listen(h.app.fetch, { port: 0, hostname: '127.0.0.1' });
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const)
    tokens[persona] = await h.tokenFor(persona);
});
afterAll(async () => {
  await server.close();
  await h.close();
});

async function record(res: Response): Promise<Response> {
  const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  // A streamed answer (a CSV export) that broke midway is recorded with its error, which is checked too.
  const body = await res
    .clone()
    .text()
    .catch((err: unknown) => `[body broke: ${String(err)}]`);
  responses.push(`${res.status}\n${headers}\n\n${body}`);
  return res;
}

describe('secrets stay out of every response and log line', () => {
  it('runs the whole surface, then finds no key or token', async () => {
    // clerk-js keeps a `__session` cookie on our origin: the fallback credential.
    const cookieToken = await h.tokenFor('adminA');
    expect(cookieToken.length).toBeGreaterThan(100);

    for (const who of ['staff', 'adminA', 'member', 'anonymous'] as const) {
      for (const route of ROUTES) {
        const fx = {
          org: h.orgA,
          inv: await pendingInvitation(h, h.orgA),
          job: await bulkJob(h, h.orgA, tokens.staff),
          user: h.userIds.member,
        };
        const body =
          route.name === 'demo sign-in token' ? { user_id: h.userIds.member } : route.validBody?.(fx);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (who !== 'anonymous') headers.authorization = `Bearer ${tokens[who]}`;
        await record(
          await h.app.request(routeUrl(route, fx), {
            method: route.method,
            headers,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        );
      }
    }

    // Cookie session, bad input, the secret key and a forged token offered as credentials.
    const inv = `/api/v1/organizations/${h.orgA}/invitations`;
    const cookie = { cookie: `__session=${cookieToken}`, origin: 'http://localhost' };
    await record(await h.app.request(`http://localhost${inv}?status=pending`, { headers: cookie }));
    await record(
      await h.app.request(`http://localhost${inv}`, {
        method: 'POST',
        headers: { ...cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ email_address: 'cookie-secret@example.com', role: 'org:member' }),
      }),
    );
    await record(
      await h.app.request(`${inv}?limit=0`, { headers: { authorization: `Bearer ${tokens.staff}` } }),
    );
    await record(
      await h.app.request(inv, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'application/json' },
        body: '{"broken',
      }),
    );
    await record(await h.app.request(inv, { headers: { authorization: `Bearer ${h.secretKey}` } }));
    await record(
      await h.app.request(inv, { headers: { authorization: `Bearer ${tokens.staff.slice(0, -4)}AAAA` } }),
    );
    await record(
      await h.app.request(`${inv}?query=${h.secretKey}`, {
        headers: { authorization: `Bearer ${tokens.staff}` },
      }),
    );

    // Every upstream fault, on a read and a write.
    for (const fault of [
      { action: 'status', status: 429, retry_after: 1 },
      { action: 'status', status: 500 },
      { action: 'status', status: 503 },
      { action: 'reset' },
      { action: 'non_json', status: 502 },
      { action: 'delay', delay_ms: 1000 },
    ]) {
      await h.emulator('POST', '/__emulator/faults', { path: `/v1${inv.slice(7)}`, count: 4, ...fault });
      await record(await h.app.request(inv, { headers: { authorization: `Bearer ${tokens.staff}` } }));
      await record(
        await h.app.request(inv, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            email_address: `fault-secret-${Date.now()}@example.com`,
            role: 'org:member',
          }),
        }),
      );
      await h.emulator('DELETE', '/__emulator/faults');
    }

    // The socket layer's own answers.
    for (const req of [
      { method: 'GET', target: '/api/me', headers: { cookie: `__session=${'x'.repeat(20_000)}` } },
      { method: 'GET', target: '/api/me', headers: { 'bad header': tokens.staff } },
    ]) {
      const res = await rawHttp(server.port, req);
      responses.push(`${res.status}\n${JSON.stringify(res.headers)}\n\n${res.body}`);
    }

    // Let the worker run the queued jobs, so its Clerk calls and log lines are in the sample.
    await h.emulator('POST', '/__emulator/faults', {
      path: '/v1/organizations/*/invitations/bulk',
      action: 'status',
      status: 503,
      count: 2,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await h.flushActivity();
    const activity = await h.app.request('/api/activity?limit=500', {
      headers: { authorization: `Bearer ${tokens.staff}` },
    });
    await record(activity);

    const sessionTokens = [cookieToken, ...Object.values(tokens)];
    expect(responses.length).toBeGreaterThan(ROUTES.length * 4);
    expect(h.logLines.length).toBeGreaterThan(responses.length);
    for (const response of responses) {
      expect(response).not.toContain(h.secretKey);
      expect(response).not.toMatch(CLERK_KEY);
    }
    for (const line of h.logLines) {
      expect(line).not.toContain(h.secretKey);
      expect(line).not.toMatch(CLERK_KEY);
      for (const token of sessionTokens) {
        expect(line).not.toContain(token);
        expect(line).not.toContain(token.split('.')[2]);
      }
    }
  }, 60_000); // every route four times over, each with fresh fixtures: more than the default test time
});
