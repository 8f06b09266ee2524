import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clerkErrors } from '@invites/clerk-schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpUpstream } from './http-upstream.ts';
import { UpstreamUnavailableError } from './upstream.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const ORG = 'org_http';
const item = { email_address: 'a@example.com', role: 'org:member', inviter_user_id: null };
const invitation = (email: string, id = 'orginv_1') => ({
  object: 'organization_invitation',
  id,
  email_address: email,
  role: 'org:member',
  role_name: 'Member',
  organization_id: ORG,
  inviter_id: null,
  public_inviter_data: null,
  status: 'pending',
  public_metadata: {},
  url: null,
  expires_at: null,
  created_at: 1,
  updated_at: 1,
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-clerk-trace-id': 'tr4ce', ...headers });
  res.end(JSON.stringify(body));
}

describe('HTTP upstream', () => {
  let server: Server;
  let handler: Handler;
  let url: string;
  const seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];
  const upstream = () => createHttpUpstream({ apiUrl: url, secretKey: 'sk_test_x', timeoutMs: 200 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
        handler(req, res, body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // The clients keep connections alive for 30 s; do not wait for them.
        server.closeAllConnections();
      }),
  );
  afterEach(() => {
    seen.length = 0;
  });

  it('posts the items to the bulk endpoint with the secret key and returns the invitations', async () => {
    handler = (_req, res) => json(res, 200, { data: [invitation('a@example.com')], total_count: 1 });
    const result = await upstream().bulkCreate(ORG, [item]);
    expect(result).toMatchObject({ ok: true, traceId: 'tr4ce', invitations: [{ id: 'orginv_1' }] });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: `/v1/organizations/${ORG}/invitations/bulk`,
      auth: 'Bearer sk_test_x',
    });
    expect(JSON.parse(seen[0]!.body)).toEqual([item]);
  });

  it('an unreadable success body is ambiguous: invitations may have been created', async () => {
    handler = (_req, res) => json(res, 200, { unexpected: true });
    expect(await upstream().bulkCreate(ORG, [item])).toMatchObject({ ok: false, ambiguous: true });
  });

  it('reports Retry-After on a 429', async () => {
    handler = (_req, res) =>
      json(res, 429, { errors: clerkErrors.tooManyRequests(7).errors }, { 'retry-after': '7' });
    expect(await upstream().bulkCreate(ORG, [item])).toMatchObject({
      ok: false,
      status: 429,
      retryAfterSeconds: 7,
      ambiguous: false,
    });
  });

  it('treats a 5xx as ambiguous and a 4xx as a definite rejection with Clerk’s errors', async () => {
    handler = (_req, res) => json(res, 503, { errors: clerkErrors.internal().errors });
    expect(await upstream().bulkCreate(ORG, [item])).toMatchObject({
      ok: false,
      status: 503,
      ambiguous: true,
    });
    handler = (_req, res) =>
      json(res, 400, { errors: clerkErrors.duplicateRecord(['a@example.com']).errors });
    expect(await upstream().bulkCreate(ORG, [item])).toMatchObject({
      ok: false,
      status: 400,
      ambiguous: false,
      errors: [{ code: 'duplicate_record', meta: { email_addresses: ['a@example.com'] } }],
    });
  });

  it('a request that outlives the timeout is ambiguous', async () => {
    // Far apart (200 ms timeout, 2 s answer) so a loaded machine's late timers cannot blur the two.
    handler = (_req, res) => setTimeout(() => json(res, 200, []), 2_000);
    const started = Date.now();
    const result = await upstream().bulkCreate(ORG, [item]);
    expect(result).toMatchObject({
      ok: false,
      status: 0,
      ambiguous: true,
      errors: [{ code: 'upstream_timeout' }],
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a connection reset after sending is ambiguous', async () => {
    handler = (req) => req.socket.destroy();
    expect(await upstream().bulkCreate(ORG, [item])).toMatchObject({ ok: false, status: 0, ambiguous: true });
  });

  it('a refused connection is not ambiguous: nothing was sent', async () => {
    const closed = createHttpUpstream({
      apiUrl: 'http://127.0.0.1:1',
      secretKey: 'sk_test_x',
      timeoutMs: 500,
    });
    expect(await closed.bulkCreate(ORG, [item])).toMatchObject({ ok: false, status: 0, ambiguous: false });
  });

  it('finds pending invitations one address at a time', async () => {
    handler = (req, res) => {
      const email = new URL(req.url ?? '', url).searchParams.get('email_address') ?? '';
      json(
        res,
        200,
        email === 'b@example.com'
          ? { data: [invitation(email, 'orginv_b')], total_count: 1 }
          : { data: [], total_count: 0 },
      );
    };
    const found = await upstream().findPending(ORG, ['a@example.com', 'B@example.com']);
    expect(found.map((i) => i.id)).toEqual(['orginv_b']);
    const queries = seen.map((s) => new URL(s.url, url).searchParams);
    expect(queries.map((q) => q.get('status'))).toEqual(['pending', 'pending']);
    expect(queries.map((q) => q.get('email_address')).sort()).toEqual(['a@example.com', 'b@example.com']);
  });

  it('finding pending invitations throws when Clerk cannot answer', async () => {
    handler = (_req, res) => json(res, 500, { errors: clerkErrors.internal().errors });
    await expect(upstream().findPending(ORG, ['a@example.com'])).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
  });
});
