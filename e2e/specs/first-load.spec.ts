import type { BrowserContext, Page } from '@playwright/test';
import { dataRows, expect, test } from '../fixtures.ts';

interface Loaded {
  /** The reads index.html preloaded (`<link rel=preload as=fetch>`), as absolute URLs. */
  hinted: string[];
  /** The page code index.html preloaded (`<link rel=modulepreload>`). */
  modules: string[];
  /** Every request the page made: URL and who started it (`link` for a preload, `fetch` for the app). */
  requests: { url: string; by: string }[];
}

/** Opens `path` in a new tab of the signed-in browser, as a person opening a bookmark does. */
async function openByAddress(
  context: BrowserContext,
  path: string,
): Promise<{ page: Page; loaded: () => Promise<Loaded> }> {
  const page = await context.newPage();
  await page.goto(path);
  const loaded = () =>
    page.evaluate(() => ({
      hinted: [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map(
        (l) => l.href,
      ),
      modules: [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
        (l) => l.href,
      ),
      requests: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        url: e.name,
        by: e.initiatorType,
      })),
    }));
  return { page, loaded };
}

/** The session token clerk-js keeps in its cookie, renewed now (as an open tab does every minute). */
async function freshToken(page: Page) {
  await page.evaluate(async () => {
    await (
      window as { Clerk?: { session?: { getToken(o: object): Promise<string | null> } } }
    ).Clerk?.session?.getToken({
      skipCache: true,
    });
  });
}

const apiReads = (l: Loaded) => l.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/'));

test.describe('first load', () => {
  let orgPath = '';
  test.beforeEach(async ({ signInAs, orgByName, page }) => {
    await signInAs('acmeAdmin');
    orgPath = `/orgs/${(await orgByName('Acme Corp')).id}/invitations`;
    await freshToken(page);
  });

  test("an organization's list opened by address: its data and code start from index.html, and the app makes no read twice", async ({
    page,
  }) => {
    const { page: tab, loaded } = await openByAddress(page.context(), orgPath);
    await expect(dataRows(tab.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
    const l = await loaded();
    const paths = l.hinted.map((u) => new URL(u).pathname + new URL(u).search);
    expect(paths).toEqual([
      '/api/me',
      expect.stringMatching(/^\/api\/v1\/organizations\/org_\w+$/),
      expect.stringMatching(
        /^\/api\/v1\/organizations\/org_\w+\/invitations\?order_by=-created_at&limit=25&offset=0$/,
      ),
    ]);
    // Each preloaded read is the app's own request: made once, by the preload, not again by `fetch`.
    for (const url of l.hinted)
      expect(l.requests.filter((r) => r.url === url)).toEqual([{ url, by: 'link' }]);
    const reads = apiReads(l).map((r) => r.url);
    expect(new Set(reads).size).toBe(reads.length);
    // And the page's own chunk came from a hint too.
    expect(l.modules.some((u) => /\/assets\/org-invitations-page-[\w-]+\.js$/.test(u))).toBe(true);
    // Every script and stylesheet is fetched once: a hint the page could not use (another request
    // mode) would be fetched again by the page.
    const assets = l.requests.map((r) => r.url).filter((u) => /\/assets\/[^/]+\.(js|css)$/.test(u));
    expect(assets.filter((u, i) => assets.indexOf(u) !== i)).toEqual([]);
    expect(assets.some((u) => u.endsWith('.css'))).toBe(true);
  });

  test('a slow read does not hold the page back: its frame and the loading table show while the list is on its way', async ({
    page,
  }) => {
    // With a fresh session cookie the first render waits briefly for the page's reads, to draw the
    // page once with its rows; a read that takes longer must not leave the tab blank.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.context().route(/\/invitations\?/, async (route) => {
      await held;
      await route.continue();
    });
    const { page: tab } = await openByAddress(page.context(), orgPath);
    const table = tab.getByRole('table', { name: 'Invitations' });
    await expect(tab.getByRole('heading', { level: 1, name: /Acme Corp/ })).toBeVisible();
    await expect(table).toHaveAttribute('aria-busy', 'true');
    release();
    await expect(table).toHaveAttribute('aria-busy', 'false');
    await expect(dataRows(table)).toHaveCount(25);
  });

  test('with a fresh session token, clerk-js starts once the page is drawn, not in the task that draws it', async ({
    page,
  }) => {
    // The page's reads go on the session cookie then: Clerk's start (its token poller's worker, its
    // first reads and their processing) waits for the frame with the rows to be painted.
    await page.context().addInitScript(() => {
      const w = window as { __rowsFrame?: number };
      new MutationObserver((_, observer) => {
        const row = document.querySelector(
          'table.data-table > tbody > tr:not(.skeleton-row):not(.fallback-row):not(.spacer-row)',
        );
        if (!row) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          w.__rowsFrame = performance.now();
        });
      }).observe(document, { childList: true, subtree: true });
    });
    const { page: tab } = await openByAddress(page.context(), orgPath);
    await expect(dataRows(tab.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
    await expect
      .poll(() => tab.evaluate(() => (window as { Clerk?: { loaded?: boolean } }).Clerk?.loaded === true))
      .toBe(true);
    const { frame, clerkStarts } = await tab.evaluate(() => ({
      frame: (window as { __rowsFrame?: number }).__rowsFrame ?? Number.NaN,
      clerkStarts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\/__clerk\/v1\/(environment|client)\?/.test(e.name))
        .map((e) => e.startTime),
    }));
    expect(clerkStarts.length).toBeGreaterThan(0);
    for (const start of clerkStarts) expect(start).toBeGreaterThan(frame);
  });

  test('a filtered list and a deep link to one invitation: the reads the address names are preloaded, the rest the app makes', async ({
    page,
  }) => {
    const first = (await (
      await page.request.get(`/api/v1${orgPath.replace(/^\/orgs/, '/organizations')}?status=pending&limit=1`)
    ).json()) as { data: { id: string; email_address: string }[] };
    const invitation = first.data[0];
    if (!invitation) throw new Error('Acme has no pending invitation to open');

    const { page: tab, loaded } = await openByAddress(
      page.context(),
      `${orgPath}/${invitation.id}?status=pending`,
    );
    await expect(tab.getByRole('dialog', { name: invitation.email_address })).toBeVisible();
    await expect(dataRows(tab.getByRole('table', { name: 'Invitations' })).first()).toBeVisible();
    const l = await loaded();
    const paths = l.hinted.map((u) => new URL(u).pathname);
    expect(paths).toContain(`/api/v1${orgPath.replace(/^\/orgs/, '/organizations')}/${invitation.id}`);
    // The filtered list's query comes from the app's URL state: not hinted, asked once by the app.
    const list = apiReads(l).filter((r) => new URL(r.url).pathname.endsWith('/invitations'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ by: 'fetch' });
    expect(new URL(list[0]?.url ?? '').searchParams.get('status')).toBe('pending');
    for (const url of l.hinted)
      expect(l.requests.filter((r) => r.url === url)).toEqual([{ url, by: 'link' }]);
  });

  test('with the session token expired, nothing is read before Clerk has a new one', async ({ page }) => {
    // The signed-in tab's clerk-js would write a new token into the cookie: stop it first.
    await page.goto('about:blank');
    await page.context().clearCookies({ name: /^__session/ });
    const { page: tab, loaded } = await openByAddress(page.context(), orgPath);
    await expect(dataRows(tab.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
    const l = await loaded();
    expect(apiReads(l).filter((r) => r.by === 'link')).toEqual([]);
    // Clerk's own first reads are the ones that start from index.html then, and clerk-js takes them
    // from there: each is requested once.
    expect(l.hinted.map((u) => new URL(u).pathname)).toEqual([
      '/__clerk/v1/environment',
      '/__clerk/v1/client',
    ]);
    for (const url of l.hinted)
      expect(l.requests.filter((r) => r.url === url)).toEqual([{ url, by: 'link' }]);
    const clerkReads = l.requests.filter((r) => /\/__clerk\/v1\/(environment|client)\?/.test(r.url));
    expect(clerkReads).toHaveLength(2);
  });
});
