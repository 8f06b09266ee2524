import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures.ts';

/**
 * Security checks against the real stack: the built assets hold no secret key, every page and api
 * answer carries the hardened headers, the index has no inline script, and a signed-in browser's
 * cookie cannot be used for a mutation from another origin.
 */

const DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const EMULATOR_KEY = 'sk_test_emulator';
const CLERK_KEY = /sk_(?:test|live)_[A-Za-z0-9]+/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectHardened(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("script-src 'self';");
  expect(csp, where).toContain("connect-src 'self';");
  // Clerk's UI injects its CSS at run time: inline styles are the one exception, never scripts.
  expect(csp.replace("style-src 'self' 'unsafe-inline'", ''), where).not.toMatch(/unsafe-|https?:|\*/);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('no-referrer');
  expect(headers['x-powered-by'], where).toBeUndefined();
}

test.describe('security', () => {
  test('the built web app holds no Clerk secret key', () => {
    const files = filesUnder(DIST);
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(text, file).not.toContain(EMULATOR_KEY);
      expect(text, file).not.toMatch(CLERK_KEY);
    }
  });

  test('pages, assets and api answers carry the security headers; the index has no inline script', async ({
    page,
    request,
    signInAs,
  }) => {
    const index = await request.get('/');
    const html = await index.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      if (/\btype="application\/json"/.test(attributes)) {
        // The run-time config: inert data, never run.
        expect(attributes).not.toMatch(/\bsrc=/);
        expect(() => JSON.parse(body)).not.toThrow();
        continue;
      }
      expect(attributes, 'every script is a file').toMatch(/\bsrc="\/[^"]+"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    for (const path of ['/', '/orgs/org_2UmbrellaHealth000000000000/invitations', asset, '/favicon.svg']) {
      expectHardened((await request.get(path)).headers(), path);
    }
    for (const path of [
      '/api/health',
      '/api/me',
      '/api/v1/users',
      '/api/v1/organizations/%2e%2e/users',
      '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js',
      '/__clerk/v1/environment',
      '/__clerk/elsewhere',
    ]) {
      expectHardened((await request.get(path)).headers(), path);
    }
    // The headers hold while the app runs in the browser, too.
    await signInAs('acmeAdmin');
    const main = await page.goto('/');
    expectHardened((main?.headers() ?? {}) as Record<string, string>, 'navigation');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a cookie session cannot be used for a mutation from another origin', async ({
    page,
    baseURL,
    signInAs,
    orgByName,
  }) => {
    await signInAs('acmeAdmin');
    const org = await orgByName('Acme Corp');
    const url = `/api/v1/organizations/${org.id}/invitations`;
    const body = { email_address: `csrf-${Date.now()}@e2e-tests.example`, role: 'org:member' };
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null']) {
      const res = await page.request.post(url, { data: body, headers: { origin } });
      expect(res.status(), origin).toBe(403);
      expect(await res.json()).toMatchObject({ errors: [{ code: 'origin_invalid' }] });
    }
    const noOrigin = await page.request.post(url, { data: body });
    expect(noOrigin.status()).toBe(403);

    // A classic cross-site form post from an attacker's page: the browser leaves the cookie behind.
    const form = `<form method="post" enctype="text/plain" action="${baseURL}${url}"><input name='{"email_address":"${body.email_address}","role":"org:member","x":"' value='"}'></form><script>document.forms[0].submit()</script>`;
    await page.route('http://attacker.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: form }),
    );
    const posted = page.waitForResponse((r) => r.url().endsWith(url) && r.request().method() === 'POST');
    await page.goto('http://attacker.test/');
    const res = await posted;
    expect([401, 403]).toContain(res.status());

    const list = await page.request.get(url, { params: { email_address: body.email_address } });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });
});
