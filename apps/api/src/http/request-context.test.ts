import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../listen.ts';
import { createLogger } from '../log.ts';
import { rawHttp } from '../test/raw-http.ts';
import type { AppEnv } from '../types.ts';
import { requestContext } from './request-context.ts';
import { respond } from './respond.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/** A small app behind the request frame: answers built with `respond`, with `c.json`, and streamed. */
function frameApp(lines: string[]) {
  const app = new Hono<AppEnv>();
  app.use(requestContext(createLogger({ write: (l) => lines.push(l), now: () => 0 }), () => 0));
  app.get('/api/built', () => respond('{"ok":true}', 200, { 'x-clerk-trace-id': 't1' }));
  app.get('/api/cached', () => respond('{}', 200, { 'cache-control': 'private, max-age=5' }));
  app.get('/api/json', (c) => c.json({ ok: true }));
  app.get('/page', () => respond('<p>hi</p>', 200, { 'content-type': 'text/html' }));
  app.get('/api/stream', () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.enqueue(new TextEncoder().encode('1}'));
        controller.close();
      },
    });
    return respond(body, 200, { 'content-type': 'application/json' });
  });
  return app;
}

function expectFramed(headers: { get(name: string): string | null }, where: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers.get(name), where).toBe(value);
  expect(headers.get('x-request-id'), where).toMatch(/^[\w-]{8,64}$/);
}

describe('the request frame', () => {
  const lines: string[] = [];
  const app = frameApp(lines);

  it('adds the security headers, the request id and no-store to an answer built with respond', async () => {
    const res = await app.request('/api/built', { headers: { 'x-request-id': 'client-id-123' } });
    expect(res.status).toBe(200);
    expectFramed(res.headers, 'built');
    expect(res.headers.get('x-request-id')).toBe('client-id-123');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('{"ok":true}');
    expect(JSON.parse(lines.at(-1) as string)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      msg: 'request',
      request_id: 'client-id-123',
      method: 'GET',
      path: '/api/built',
      status: 200,
      duration_ms: 0,
      trace_id: 't1',
    });
  });

  it('keeps an answer’s own cache-control, and sets none outside the API', async () => {
    expect((await app.request('/api/cached')).headers.get('cache-control')).toBe('private, max-age=5');
    const page = await app.request('/page');
    expectFramed(page.headers, 'page');
    expect(page.headers.get('cache-control')).toBeNull();
    expect(page.headers.get('content-type')).toBe('text/html');
  });

  it('frames answers made any other way too', async () => {
    const res = await app.request('/api/json');
    expectFramed(res.headers, 'json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers a path trick with the 404 envelope, framed and logged, without routing it', async () => {
    const before = lines.length;
    const res = await app.request('/api//built');
    expect(res.status).toBe(404);
    expectFramed(res.headers, 'trick');
    expect(await res.json()).toMatchObject({ errors: [{ code: 'resource_not_found' }] });
    expect(lines.slice(before).map((l) => JSON.parse(l))).toMatchObject([{ msg: 'request', status: 404 }]);
  });

  it('passes a streamed body through, in-process and over a socket', async () => {
    expect(await (await app.request('/api/stream')).text()).toBe('{"a":1}');
    let server: Listening | undefined;
    try {
      server = await listen(frameApp([]).fetch, { port: 0, hostname: '127.0.0.1' });
      const res = await rawHttp(server.port, { method: 'GET', target: '/api/stream' });
      expect(res.status).toBe(200);
      expect(res.body).toBe('{"a":1}');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      await server?.close();
    }
  });
});

describe('the request frame over a socket', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(frameApp([]).fetch, { port: 0, hostname: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('writes each header once, with its value', async () => {
    const res = await rawHttp(server.port, { method: 'GET', target: '/api/built' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"ok":true}');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(res.headers[name.toLowerCase()]).toBe(value);
    }
    expect(res.headers['x-clerk-trace-id']).toBe('t1');
    expect(res.headers['content-length']).toBe('11');
  });
});
