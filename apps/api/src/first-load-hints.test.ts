import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstLoadHints } from './first-load-hints.ts';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const token = (exp: number) =>
  `h.${Buffer.from(JSON.stringify({ sub: 'user_1', exp })).toString('base64url')}.sig`;
const FRESH = token(NOW / 1000 + 50);

const dist = mkdtempSync(join(tmpdir(), 'hints-dist-'));
mkdirSync(join(dist, '.vite'));
writeFileSync(
  join(dist, '.vite', 'manifest.json'),
  JSON.stringify({
    'index.html': {
      file: 'assets/index-1.js',
      isEntry: true,
      imports: ['_vendor-1.js'],
      css: ['assets/index-1.css'],
    },
    '_vendor-1.js': { file: 'assets/vendor-1.js' },
    '_table-1.js': { file: 'assets/table-1.js', imports: ['_vendor-1.js'], css: ['assets/table-1.css'] },
    'src/app/routes/org-invitations-page.tsx': {
      file: 'assets/org-page-1.js',
      isDynamicEntry: true,
      imports: ['_vendor-1.js', 'index.html', '_table-1.js'],
    },
    'src/app/routes/invitation-detail-page.tsx': { file: 'assets/detail-1.js', imports: ['_vendor-1.js'] },
  }),
);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const links = (html: string) => [...html.matchAll(/<link ([^>]*)>/g)].map((m) => m[1] ?? '');

describe('firstLoadHints', () => {
  const hints = firstLoadHints(dist);
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("preloads an organization's default list, its data and its page code, not the entry's", () => {
    expect(links(hints('/orgs/org_1/invitations', '', FRESH))).toEqual([
      'rel="preload" as="fetch" crossorigin href="/api/me"',
      'rel="preload" as="fetch" crossorigin href="/api/v1/organizations/org_1"',
      'rel="preload" as="fetch" crossorigin href="/api/v1/organizations/org_1/invitations?order_by=-created_at&amp;limit=25&amp;offset=0"',
      'rel="preload" as="style" crossorigin href="/assets/table-1.css"',
      'rel="modulepreload" crossorigin href="/assets/org-page-1.js"',
      'rel="modulepreload" crossorigin href="/assets/table-1.js"',
    ]);
  });

  it('leaves a filtered list to the app (its query comes from the URL state), and adds a deep link', () => {
    const tags = links(hints('/orgs/org_1/invitations/orginv_2', '?status=pending', FRESH));
    expect(tags.filter((t) => t.includes('as="fetch"'))).toEqual([
      'rel="preload" as="fetch" crossorigin href="/api/me"',
      'rel="preload" as="fetch" crossorigin href="/api/v1/organizations/org_1"',
      'rel="preload" as="fetch" crossorigin href="/api/v1/organizations/org_1/invitations/orginv_2"',
    ]);
    expect(tags).toContain('rel="modulepreload" crossorigin href="/assets/detail-1.js"');
  });

  it('preloads no reads without a fresh session cookie: the app waits for Clerk then', () => {
    for (const cookie of [undefined, token(NOW / 1000 + 5), 'not-a-jwt', 'a.%%%.c']) {
      const tags = links(hints('/orgs/org_1/invitations', '', cookie));
      expect(tags.some((t) => t.includes('as="fetch"'))).toBe(false);
      expect(tags).toContain('rel="modulepreload" crossorigin href="/assets/org-page-1.js"');
    }
  });

  it('matches a literal segment before a parameter, and hints nothing for unknown or unsafe paths', () => {
    expect(hints('/orgs/org_1/invitations/bulk', '', FRESH)).toContain('href="/api/v1/organizations/org_1"');
    expect(hints('/orgs/org_1/invitations/bulk', '', FRESH)).not.toContain('/invitations/bulk"');
    expect(hints('/nowhere', '', FRESH)).toBe('');
    expect(hints('/orgs/org_1"><script>/invitations', '', FRESH)).toBe('');
    expect(hints('/orgs/%22x/invitations', '', FRESH)).toBe('');
  });

  it("preloads Clerk's first reads only without a fresh session cookie, on every page", () => {
    const clerk = ['/__clerk/v1/environment?v=1&j=2', '/__clerk/v1/client?v=1&j=2'];
    const withClerk = firstLoadHints(dist, clerk);
    const clerkTags = [
      'rel="preload" as="fetch" crossorigin="use-credentials" href="/__clerk/v1/environment?v=1&amp;j=2"',
      'rel="preload" as="fetch" crossorigin="use-credentials" href="/__clerk/v1/client?v=1&amp;j=2"',
    ];
    for (const cookie of [undefined, token(NOW / 1000 + 5)]) {
      expect(links(withClerk('/orgs/org_1/invitations', '', cookie)).slice(0, 3)).toEqual([
        ...clerkTags,
        'rel="preload" as="style" crossorigin href="/assets/table-1.css"',
      ]);
      expect(links(withClerk('/sign-in', '', cookie))).toEqual(clerkTags);
    }
    expect(withClerk('/orgs/org_1/invitations', '', FRESH)).not.toContain('/__clerk/');
    expect(withClerk('/sign-in', '', FRESH)).toBe('');
  });

  it('gives no module hints without a build manifest', () => {
    const none = firstLoadHints(join(dist, 'missing'));
    expect(none('/orgs/org_1/invitations', '', undefined)).toBe('');
  });
});
