import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clerkFirstReads } from './first-reads.ts';
import { pinnedClerkPackages } from './pinned-scripts.ts';

const LIVE = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
const dist = mkdtempSync(join(tmpdir(), 'clerk-js-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
// Each fake bundle in a folder of its own: a bundle is read once per path.
const fake = (source: string) => {
  const folder = mkdtempSync(join(dist, 'dist-'));
  writeFileSync(join(folder, 'clerk.browser.js'), source);
  return { name: '@clerk/clerk-js' as const, version: '6.1.2', dist: folder };
};

describe('clerkFirstReads', () => {
  it("builds the environment and client addresses as clerk-js does, with its bundle's API version", () => {
    const pkg = fake('o.append("__clerk_api_version","2031-02-03"),o.append("_clerk_js_version","6.1.2")');
    expect(clerkFirstReads(LIVE, pkg, '/__clerk')).toEqual([
      '/__clerk/v1/environment?__clerk_api_version=2031-02-03&_clerk_js_version=6.1.2',
      '/__clerk/v1/client?__clerk_api_version=2031-02-03&_clerk_js_version=6.1.2',
    ]);
  });

  it('finds the API version in the installed clerk-js', () => {
    const installed = pinnedClerkPackages().find((p) => p.name === '@clerk/clerk-js');
    const [environment] = clerkFirstReads(LIVE, installed, '/__clerk');
    expect(environment).toMatch(
      new RegExp(
        `^/__clerk/v1/environment\\?__clerk_api_version=\\d{4}-\\d{2}-\\d{2}&_clerk_js_version=${installed?.version}$`,
      ),
    );
  });

  it('knows none for a development key, a bundle it has not read, or no bundle', () => {
    const pkg = fake('o.append("__clerk_api_version","2031-02-03")');
    expect(clerkFirstReads('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', pkg, '/__clerk')).toEqual([]);
    expect(clerkFirstReads(LIVE, fake('apiVersion:"2031-02-03"'), '/__clerk')).toEqual([]);
    expect(clerkFirstReads(LIVE, { ...pkg, dist: join(dist, 'missing') }, '/__clerk')).toEqual([]);
    expect(clerkFirstReads(LIVE, undefined, '/__clerk')).toEqual([]);
  });
});
