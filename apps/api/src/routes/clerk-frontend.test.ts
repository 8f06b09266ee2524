import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { pinnedClerkPackages } from '../clerk-frontend/pinned-scripts.ts';
import { appConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { createLogger } from '../log.ts';
import { type StubServer, sendJson, startStub } from '../test/stub-server.ts';

const SECRET = 'sk_test_frontend_proxy';
const [clerkJs, clerkUi] = pinnedClerkPackages();
const major = (v: string) => v.split('.')[0];

function appFor(fapiUrl: string) {
  const config = appConfig({
    clerkApiUrl: 'http://127.0.0.1:9',
    clerkSecretKey: SECRET,
    clerkFapiUrl: fapiUrl,
  });
  const logLines: string[] = [];
  const logger = createLogger({ write: (line) => logLines.push(line), secrets: [SECRET] });
  return { app: createApp(config, createDeps(config, { logger })), logLines };
}

let fapi: StubServer;
let app: ReturnType<typeof appFor>['app'];

beforeAll(async () => {
  fapi = await startStub((req, res, _body) => {
    if (req.url?.startsWith('/fapi/v1/client/sign_ins')) {
      return sendJson(
        res,
        200,
        { response: { object: 'sign_in_attempt' }, client: null },
        {
          'set-cookie': '__client=abc; Path=/; HttpOnly; SameSite=Lax',
          'x-clerk-trace-id': 'f'.repeat(32),
        },
      );
    }
    return sendJson(res, 200, { object: 'environment' }, { 'x-clerk-trace-id': 'e'.repeat(32) });
  });
  app = appFor(`${fapi.url}/fapi`).app;
});
afterAll(() => fapi.close());

describe('/__clerk/npm: clerk-js and Clerk UI from the pinned packages', () => {
  it('serves clerk.browser.js of the pinned clerk-js for its major version, brotli-compressed', async () => {
    expect(clerkJs?.name).toBe('@clerk/clerk-js');
    const res = await app.request(
      `/__clerk/npm/@clerk/clerk-js@${major(clerkJs!.version)}/dist/clerk.browser.js`,
      {
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = brotliDecompressSync(Buffer.from(await res.arrayBuffer()));
    expect(body.equals(readFileSync(join(clerkJs!.dist, 'clerk.browser.js')))).toBe(true);
  });

  it('serves the exact version too, gzip when brotli is not accepted, and 304 for a matching ETag', async () => {
    const path = `/__clerk/npm/@clerk/ui@${clerkUi!.version}/dist/ui.browser.js`;
    const res = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = gunzipSync(Buffer.from(await res.arrayBuffer()));
    expect(body.equals(readFileSync(join(clerkUi!.dist, 'ui.browser.js')))).toBe(true);
    const etag = res.headers.get('etag') ?? '';
    const again = await app.request(path, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('marks versioned chunks immutable', async () => {
    const { readdirSync } = await import('node:fs');
    const chunk = readdirSync(clerkUi!.dist).find((f) => f.startsWith('signin_ui_') && f.endsWith('.js'));
    const res = await app.request(`/__clerk/npm/@clerk/ui@${major(clerkUi!.version)}/dist/${chunk}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['another major', `/__clerk/npm/@clerk/clerk-js@5/dist/clerk.browser.js`],
    ['another package', `/__clerk/npm/@clerk/backend@3/dist/index.js`],
    ['a file outside dist', `/__clerk/npm/@clerk/clerk-js@6/package.json`],
    ['a nested path', `/__clerk/npm/@clerk/ui@1/dist/themes/dark.js`],
    ['a missing file', `/__clerk/npm/@clerk/ui@1/dist/nope.js`],
    ['a traversal', `/__clerk/npm/@clerk/ui@1/dist/..%2f..%2fpackage.json`],
  ])('answers 404 in Clerk’s envelope for %s', async (_label, path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { errors: { code: string }[]; clerk_trace_id: string };
    expect(body.errors[0]?.code).toBe('resource_not_found');
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('/__clerk/v1: the Frontend API proxy', () => {
  it('forwards to the one Frontend API with Clerk’s proxy headers, and passes the answer and cookies back', async () => {
    const before = fapi.requests.length;
    const res = await app.request(
      'http://console.test/__clerk/v1/client/sign_ins?__clerk_api_version=2026-08-20',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://console.test' },
        body: 'identifier=ada%40acme.example&locale=en-US',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response: { object: 'sign_in_attempt' }, client: null });
    expect(res.headers.get('set-cookie')).toContain('__client=abc');
    const seen = fapi.requests[before];
    expect(seen?.url).toBe('/fapi/v1/client/sign_ins?__clerk_api_version=2026-08-20');
    expect(seen?.body).toBe('identifier=ada%40acme.example&locale=en-US');
    expect(seen?.headers['clerk-proxy-url']).toBe('http://console.test/__clerk');
    expect(seen?.headers['clerk-secret-key']).toBe(SECRET);
  });

  it('never forwards paths outside /v1', async () => {
    const before = fapi.requests.length;
    for (const path of ['/__clerk', '/__clerk/', '/__clerk/oauth_callback', '/__clerk/v2/client']) {
      expect((await app.request(path)).status).toBe(404);
    }
    expect(fapi.requests.length).toBe(before);
  });

  it('answers 502 in Clerk’s envelope, without the secret key, when the Frontend API is down', async () => {
    const down = appFor('http://127.0.0.1:9/fapi');
    const res = await down.app.request('/__clerk/v1/environment');
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text) as {
      errors: { code: string; long_message: string }[];
      clerk_trace_id: string;
    };
    expect(body.errors[0]?.code).toBe('upstream_unavailable');
    expect(body.errors[0]?.long_message).toMatch(/sign-in service could not be reached/);
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(down.logLines.join('\n')).not.toContain(SECRET);
  });
});
