import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { appConfig } from './config.ts';
import { createDeps } from './deps.ts';
import { silentLogger } from './log.ts';
import type { UpstreamClient } from './upstream/client.ts';

const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
const BUNDLE = `export const rows = [${'"row",'.repeat(400)}];`;
writeFileSync(join(dist, 'assets', 'vendor-def456.js'), BUNDLE);
writeFileSync(join(dist, 'assets', 'vendor-def456.js.br'), brotliCompressSync(BUNDLE));
writeFileSync(join(dist, 'assets', 'vendor-def456.js.gz'), gzipSync(BUNDLE));
writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
mkdirSync(join(dist, '.vite'));
writeFileSync(join(dist, '.vite', 'manifest.json'), '{"index.html":{}}');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

let upstreamCalls = 0;
const noUpstream: UpstreamClient = {
  send: async () => {
    upstreamCalls++;
    throw new Error('no upstream in this test');
  },
  close: async () => {},
};

function app(webDist: string, imageOrigins: string[] = []) {
  const config = appConfig({
    clerkApiUrl: 'http://127.0.0.1:9',
    clerkSecretKey: 'sk_test_x',
    webDist,
    imageOrigins,
  });
  // Pages carry the run-time config, which names the upstream kind: known here, not asked.
  const detectEmulator = () => Promise.resolve(false);
  return createApp(
    config,
    createDeps(config, { upstream: noUpstream, logger: silentLogger, detectEmulator }),
  );
}

describe('serving the SPA', () => {
  it('serves index.html at / without caching', async () => {
    const res = await app(dist).request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('id="root"');
  });

  it('serves hashed assets with a one-year immutable cache', async () => {
    const res = await app(dist).request('/assets/index-abc123.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the build’s compressed copy to a browser that takes it, the file itself to one that does not', async () => {
    const br = await app(dist).request('/assets/vendor-def456.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const compressed = Buffer.from(await br.arrayBuffer());
    expect(compressed.length).toBeLessThan(BUNDLE.length / 10);
    expect(brotliDecompressSync(compressed).toString()).toBe(BUNDLE);
    const gzip = await app(dist).request('/assets/vendor-def456.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await app(dist).request('/assets/vendor-def456.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BUNDLE);
  });

  it('falls back to index.html for client routes', async () => {
    const res = await app(dist).request('/orgs/org_2abcdefghijklmnopqrstuvwxyz/invitations?status=pending');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="root"');
  });

  it('does not serve build metadata under dot folders such as .vite/manifest.json', async () => {
    const res = await app(dist).request('/.vite/manifest.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('index.html');
  });

  it('answers 404 for a missing asset instead of index.html', async () => {
    const res = await app(dist).request('/assets/missing-123.js');
    expect(res.status).toBe(404);
  });

  it('answers an unknown /api path with a 404 envelope, not the SPA', async () => {
    const res = await app(dist).request('/api/v1/jwks');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { errors: { code: string }[]; clerk_trace_id: string };
    expect(body.errors[0]?.code).toBe('resource_not_found');
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('x-clerk-trace-id')).toBe(body.clerk_trace_id);
  });

  it('explains how to build the app when dist is missing', async () => {
    const res = await app(join(dist, 'nope')).request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('pnpm start');
  });

  it("allows Clerk's avatar host as an image source only when configured (against real Clerk)", async () => {
    const real = await app(dist, ['https://img.clerk.com']).request('/');
    expect(real.headers.get('content-security-policy')).toContain(
      "img-src 'self' data: https://img.clerk.com;",
    );
    const demo = await app(dist).request('/');
    expect(demo.headers.get('content-security-policy')).toContain("img-src 'self' data:;");
  });

  it('puts the security headers on pages and API answers alike', async () => {
    for (const path of ['/', '/assets/index-abc123.js', '/api/nothing']) {
      const res = await app(dist).request(path);
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    expect(upstreamCalls).toBe(0);
  });
});
