import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleConfig } from '@invites/clerk-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { pinnedClerkPackages } from '../clerk-frontend/pinned-scripts.ts';
import { type AppConfig, appConfig, TEST_PUBLISHABLE_KEY } from '../config.ts';
import { createDeps } from '../deps.ts';
import { createLogger } from '../log.ts';
import { headTags } from './config.ts';

const dist = mkdtempSync(join(tmpdir(), 'web-dist-config-'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><html><head><title>x</title></head><body></body></html>',
);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const pinned = (name: '@clerk/clerk-js' | '@clerk/ui') =>
  pinnedClerkPackages().find((p) => p.name === name)?.version ?? '';

function appWith(emulator: boolean, overrides: Partial<AppConfig> = {}) {
  const config = appConfig({
    clerkApiUrl: 'http://127.0.0.1:9',
    clerkSecretKey: 'sk_test_x',
    webDist: dist,
    ...overrides,
  });
  const deps = createDeps(config, {
    logger: createLogger({ write: () => {} }),
    detectEmulator: () => Promise.resolve(emulator),
  });
  return createApp(config, deps);
}

async function inlineConfig(html: string): Promise<ConsoleConfig> {
  const json = /<script id="console-config" type="application\/json">(.*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('no inline config in the page');
  return ConsoleConfig.parse(JSON.parse(json));
}

/** The attributes of the first tag in `html`, read as an HTML parser reads double-quoted ones. */
function scriptAttributes(html: string): Map<string, string> {
  const tag = html.slice(0, html.indexOf('>') + 1);
  const decode = (v: string) =>
    v.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return new Map(
    [...tag.matchAll(/ ([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1] ?? '', decode(m[2] ?? '')]),
  );
}

describe('GET /api/config and the config inlined in index.html', () => {
  it('hands the publishable key and the proxy path to the browser; the demo only against the emulator', async () => {
    const res = await appWith(true).request('/api/config');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      publishable_key: TEST_PUBLISHABLE_KEY,
      proxy_url: '/__clerk',
      sign_in_url: null,
      demo: true,
      clerk_ui_url: `/__clerk/npm/@clerk/ui@${pinned('@clerk/ui')}/dist/ui.browser.js`,
    });
  });

  it('never offers the demo in production, and names the hosted sign-in page against real Clerk', async () => {
    const prod = appWith(true, { nodeEnv: 'production' });
    expect(((await (await prod.request('/api/config')).json()) as ConsoleConfig).demo).toBe(false);
    const clerk = appWith(false, { signInUrl: 'https://accounts.example.com/sign-in' });
    expect(await (await clerk.request('/api/config')).json()).toMatchObject({
      demo: false,
      sign_in_url: 'https://accounts.example.com/sign-in',
    });
  });

  it('inlines the same config in every page, and starts the pinned clerk-js at once (async, set up by its attributes)', async () => {
    const app = appWith(true);
    for (const path of ['/', '/orgs/org_1/invitations?status=pending']) {
      const html = await (await app.request(path)).text();
      expect(await inlineConfig(html)).toEqual(await (await app.request('/api/config')).json());
      expect(html).toContain(
        `<script src="/__clerk/npm/@clerk/clerk-js@${pinned('@clerk/clerk-js')}/dist/clerk.browser.js" async crossorigin="anonymous" data-clerk-js-script="true" data-clerk-publishable-key="${TEST_PUBLISHABLE_KEY}" data-clerk-proxy-url="/__clerk"></script>`,
      );
      expect(html.indexOf('console-config')).toBeLessThan(html.indexOf('</head>'));
    }
  });

  it('serves the pinned clerk-js by its exact version for a year, and by its major revalidated', async () => {
    const app = appWith(true);
    const version = pinned('@clerk/clerk-js');
    const exact = await app.request(`/__clerk/npm/@clerk/clerk-js@${version}/dist/clerk.browser.js`);
    expect(exact.status).toBe(200);
    expect(exact.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const major = await app.request(
      `/__clerk/npm/@clerk/clerk-js@${version.split('.')[0]}/dist/clerk.browser.js`,
    );
    expect(major.headers.get('cache-control')).toBe('no-cache');
  });

  it('escapes markup in inlined values, so a value cannot close the script element', async () => {
    const app = appWith(false, { signInUrl: 'https://a.example/</script><script>alert(1)</script>' });
    const html = await (await app.request('/')).text();
    expect(html).not.toContain('</script><script>alert(1)');
    expect((await inlineConfig(html)).sign_in_url).toBe(
      'https://a.example/</script><script>alert(1)</script>',
    );
  });

  it('escapes the attributes of the clerk-js tag, so a value cannot end the attribute or the tag', () => {
    const hostile = '"><script>alert(1)</script><x a="&';
    const html = headTags(
      { publishable_key: hostile, proxy_url: hostile, sign_in_url: null, demo: false, clerk_ui_url: '' },
      `/__clerk/npm/x${hostile}`,
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(2);
    const tag = scriptAttributes(html.slice(html.lastIndexOf('<script')));
    expect(tag.get('src')).toBe(`/__clerk/npm/x${hostile}`);
    expect(tag.get('data-clerk-publishable-key')).toBe(hostile);
    expect(tag.get('data-clerk-proxy-url')).toBe(hostile);
  });
});
