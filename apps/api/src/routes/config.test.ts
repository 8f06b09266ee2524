import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleConfig } from '@invites/clerk-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { type AppConfig, appConfig, TEST_PUBLISHABLE_KEY } from '../config.ts';
import { createDeps } from '../deps.ts';
import { createLogger } from '../log.ts';

const dist = mkdtempSync(join(tmpdir(), 'web-dist-config-'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><html><head><title>x</title></head><body></body></html>',
);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

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

describe('GET /api/config and the config inlined in index.html', () => {
  it('hands the publishable key and the proxy path to the browser; the demo only against the emulator', async () => {
    const res = await appWith(true).request('/api/config');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      publishable_key: TEST_PUBLISHABLE_KEY,
      proxy_url: '/__clerk',
      sign_in_url: null,
      demo: true,
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

  it('inlines the same config in every page, with a preload of the pinned clerk-js', async () => {
    const app = appWith(true);
    for (const path of ['/', '/orgs/org_1/invitations?status=pending']) {
      const html = await (await app.request(path)).text();
      expect(await inlineConfig(html)).toEqual(await (await app.request('/api/config')).json());
      expect(html).toContain(
        '<link rel="preload" as="script" crossorigin="anonymous" href="/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js">',
      );
      expect(html.indexOf('console-config')).toBeLessThan(html.indexOf('</head>'));
    }
  });

  it('escapes markup in inlined values, so a value cannot close the script element', async () => {
    const app = appWith(false, { signInUrl: 'https://a.example/</script><script>alert(1)</script>' });
    const html = await (await app.request('/')).text();
    expect(html).not.toContain('</script><script>alert(1)');
    expect((await inlineConfig(html)).sign_in_url).toBe(
      'https://a.example/</script><script>alert(1)</script>',
    );
  });
});
