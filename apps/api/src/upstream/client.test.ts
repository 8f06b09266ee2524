import { afterEach, describe, expect, it } from 'vitest';
import { type StubServer, sendJson, startStub } from '../test/stub-server.ts';
import { createUpstream, type UpstreamOptions } from './client.ts';
import { UpstreamError } from './errors.ts';
import { relay } from './relay.ts';

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

function client(url: string, overrides: Partial<UpstreamOptions> = {}) {
  return createUpstream({
    baseUrl: url,
    secretKey: 'sk_test_stub',
    timeoutMs: 2_000,
    retries: 2,
    retryBaseMs: 5,
    ...overrides,
  });
}

const CLERK_500 = {
  errors: [{ code: 'internal_clerk_error', message: 'oops', long_message: 'oops' }],
  clerk_trace_id: 'a'.repeat(32),
};

describe('upstream client', () => {
  it('sends the secret key as a bearer token and JSON bodies', async () => {
    stub = await startStub((_req, res) => sendJson(res, 200, { ok: true }));
    const res = await client(stub.url).send({ method: 'POST', path: '/v1/things', body: { a: 1 } });
    expect(await res.json()).toEqual({ ok: true });
    expect(stub.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/things',
      body: '{"a":1}',
      headers: { authorization: 'Bearer sk_test_stub', 'content-type': 'application/json' },
    });
  });

  it('retries a GET that got a 5xx and returns the later success', async () => {
    stub = await startStub((_req, res, _body, i) =>
      i < 2 ? sendJson(res, 503, CLERK_500) : sendJson(res, 200, { ok: i }),
    );
    const res = await client(stub.url).send({ method: 'GET', path: '/v1/things' });
    expect(res.status).toBe(200);
    expect(stub.requests).toHaveLength(3);
  });

  it('gives up after the configured retries and returns the last 5xx', async () => {
    stub = await startStub((_req, res) => sendJson(res, 500, CLERK_500));
    const res = await client(stub.url, { retries: 1 }).send({ method: 'GET', path: '/v1/things' });
    expect(res.status).toBe(500);
    expect(stub.requests).toHaveLength(2);
  });

  it('never retries a POST', async () => {
    stub = await startStub((_req, res) => sendJson(res, 503, CLERK_500));
    const res = await client(stub.url).send({ method: 'POST', path: '/v1/things', body: {} });
    expect(res.status).toBe(503);
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a GET whose connection was reset', async () => {
    stub = await startStub((req, res, _body, i) =>
      i === 0 ? req.socket.destroy() : sendJson(res, 200, { ok: true }),
    );
    const res = await client(stub.url).send({ method: 'GET', path: '/v1/things' });
    expect(res.status).toBe(200);
    expect(stub.requests).toHaveLength(2);
  });

  it('reports an unreachable upstream as a network error', async () => {
    const err = await client('http://127.0.0.1:9', { retries: 1 })
      .send({ method: 'GET', path: '/v1/things' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).kind).toBe('network');
  });

  it('reports a slow upstream as a timeout without retrying', async () => {
    stub = await startStub((_req, res) => setTimeout(() => sendJson(res, 200, {}), 1_000));
    const err = await client(stub.url, { timeoutMs: 150 })
      .send({ method: 'GET', path: '/v1/things' })
      .catch((e: unknown) => e);
    expect((err as UpstreamError).kind).toBe('timeout');
    expect(stub.requests).toHaveLength(1);
  });

  it('refuses a path that was not built from safe segments', async () => {
    await expect(client('http://127.0.0.1:9').send({ method: 'GET', path: '/v1/../admin' })).rejects.toThrow(
      /unsafe/,
    );
  });
});

describe('relaying upstream answers', () => {
  it("passes Clerk's error, status, trace id and Retry-After through", async () => {
    const body = {
      errors: [{ code: 'too_many_requests', message: 'Too many', long_message: 'Too many requests' }],
      clerk_trace_id: 'b'.repeat(32),
    };
    stub = await startStub((_req, res) => sendJson(res, 429, body, { 'retry-after': '17' }));
    const res = await relay(await client(stub.url).send({ method: 'GET', path: '/v1/x' }), { strip: false });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('17');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-clerk-trace-id')).toBe('b'.repeat(32));
    expect(await res.json()).toEqual(body);
  });

  it("answers 502, not 401, when Clerk rejects the api's own secret key", async () => {
    const body = {
      errors: [{ code: 'clerk_key_invalid', message: 'bad key', long_message: 'bad key' }],
      clerk_trace_id: 'd'.repeat(32),
    };
    stub = await startStub((_req, res) => sendJson(res, 401, body));
    const res = await relay(await client(stub.url).send({ method: 'GET', path: '/v1/x' }), { strip: false });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'upstream_unavailable' }],
      clerk_trace_id: 'd'.repeat(32),
    });
  });

  it('turns a non-JSON answer into a bad-response upstream error', async () => {
    stub = await startStub((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    const upstream = client(stub.url, { retries: 0 });
    await expect(
      relay(await upstream.send({ method: 'GET', path: '/v1/x' }), { strip: false }),
    ).rejects.toMatchObject({
      kind: 'bad_response',
    });
  });

  it('removes private_metadata at any depth when asked to strip', async () => {
    stub = await startStub((_req, res) =>
      sendJson(res, 200, {
        data: [{ id: 'a', private_metadata: { s: 1 }, nested: { private_metadata: 2, keep: 3 } }],
        total_count: 1,
      }),
    );
    const res = await relay(await client(stub.url).send({ method: 'GET', path: '/v1/x' }), { strip: true });
    expect(await res.json()).toEqual({ data: [{ id: 'a', nested: { keep: 3 } }], total_count: 1 });
  });

  it('streams a success body through unchanged when not stripping', async () => {
    const body = { data: [{ id: 'a', private_metadata: { s: 1 } }], total_count: 1 };
    stub = await startStub((_req, res) => sendJson(res, 200, body, { 'x-clerk-trace-id': 'c'.repeat(32) }));
    const res = await relay(await client(stub.url).send({ method: 'GET', path: '/v1/x' }), { strip: false });
    expect(await res.json()).toEqual(body);
    expect(res.headers.get('x-clerk-trace-id')).toBe('c'.repeat(32));
  });
});
