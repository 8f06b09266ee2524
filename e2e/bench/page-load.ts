/// <reference lib="dom" />
// Loading an organization's invitations as a user feels it: Chromium opens /orgs/:orgId/invitations
// (Ada, an org admin, on Acme Corp) with the network throttled through CDP to 20 Mbit/s and 40 ms RTT,
// timed from navigation start to the frame after the table's first rows are in the DOM.
//   cold: a new browser context (empty HTTP cache) holding Ada's Clerk session;
//   warm: the same context loading the page again (the app's and Clerk's scripts cached).
// Each twice over: with the session's short-lived token still fresh in its cookie (Ada was active a
// moment ago, or opens a second tab), and with it expired (back after more than the token's minute:
// clerk-js must get a new token from Clerk before the api can be asked anything).
// The JSON keeps the requests of the median run that started before its rows were painted, the waterfall.
// Run: pnpm --filter @invites/e2e bench:load   (JSON in <repo>/bench-results/page-load.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { signInWithDemoButton } from '../sign-in.ts';
import {
  buildWebUnlessSkipped,
  freePort,
  launchChromium,
  percentile,
  REPO,
  startApi,
  stats,
  stopApi,
} from './stack.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RESULTS = `${REPO}bench-results/page-load.json`;
export const COLD_GOAL_MS = 1500;
export const WARM_GOAL_MS = 500;
const THROTTLE = { latency: 40, downloadThroughput: (20e6 / 8) | 0, uploadThroughput: (20e6 / 8) | 0 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

// In the page, from its first script on: the time of the frame after the first data row is in the DOM.
const ROWS_PAINTED = `
window.__rowsPainted = new Promise((resolve) => {
  const check = () => {
    const row = document.querySelector('table.data-table > tbody > tr:not(.skeleton-row):not(.fallback-row):not(.spacer-row)');
    if (!row) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
});`;

interface Request {
  path: string;
  start_ms: number;
  end_ms: number;
  /** Bytes on the wire (0: from the HTTP cache). */
  transfer_bytes: number;
}

interface Load {
  painted_ms: number;
  requests: Request[];
}

/** One load of `url` in a new page of `context`, throttled; navigation start → first rows painted. */
async function load(context: BrowserContext, url: string): Promise<Load> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
    await page.addInitScript(ROWS_PAINTED);
    await page.goto(url, { waitUntil: 'commit' });
    const painted = await page.evaluate(
      () => (window as unknown as { __rowsPainted: Promise<number> }).__rowsPainted,
    );
    const requests = await page.evaluate(() =>
      [
        { name: location.href, startTime: 0, responseEnd: 0, transferSize: 0 },
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]),
      ].map((e) => ({
        path: new URL(e.name).pathname + new URL(e.name).search,
        start_ms: Math.round(e.startTime),
        end_ms: Math.round(e.responseEnd),
        transfer_bytes: e.transferSize,
      })),
    );
    const navigation = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { end_ms: Math.round(nav?.responseEnd ?? 0), transfer_bytes: nav?.transferSize ?? 0 };
    });
    requests[0] = { ...(requests[0] as Request), ...navigation };
    // The waterfall is what the rows waited for: requests started after they were painted are left out.
    return { painted_ms: painted, requests: requests.filter((r) => r.start_ms <= painted) };
  } finally {
    await page.close();
  }
}

/** Ada's storage with a session token minted just now (`fresh`) or without one (`expired`). */
async function sessionState(
  signedIn: BrowserContext,
  page: Page,
  token: 'fresh' | 'expired',
): Promise<StorageState> {
  // clerk-js writes the new token into the `__session` cookie, as it does every minute in an open tab.
  await page.evaluate(async () => {
    await (
      window as { Clerk?: { session?: { getToken(o: object): Promise<string | null> } } }
    ).Clerk?.session?.getToken({ skipCache: true });
  });
  const state = await signedIn.storageState();
  if (token === 'fresh') return state;
  return { ...state, cookies: state.cookies.filter((c) => !c.name.startsWith('__session')) };
}

interface Series {
  cold: Load[];
  /** The second load: files from the HTTP cache, scripts compiled again (Chromium keeps their code from then on). */
  revisit: Load[];
  /** A later load: HTTP cache and compiled code both there, as for someone who uses the console. */
  warm: Load[];
}

async function series(
  browser: Browser,
  base: string,
  url: string,
  token: 'fresh' | 'expired',
  signedIn: BrowserContext,
  signedInPage: Page,
): Promise<Series> {
  const out: Series = { cold: [], revisit: [], warm: [] };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({
      baseURL: base,
      storageState: await sessionState(signedIn, signedInPage, token),
    });
    try {
      // Every load after the first is the same person coming back: the token as fresh (or not) as before.
      const again = async () => {
        if (token === 'expired') await context.clearCookies({ name: /^__session/ });
        return load(context, url);
      };
      out.cold.push(await load(context, url));
      out.revisit.push(await again());
      out.warm.push(await again());
    } finally {
      await context.close();
    }
  }
  return out;
}

/** The run whose time is the median, for its waterfall. */
function medianRun(loads: Load[]): Load | undefined {
  const median = percentile(
    loads.map((l) => l.painted_ms),
    0.5,
  );
  return loads.find((l) => l.painted_ms === median);
}

async function main() {
  buildWebUnlessSkipped();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = await startApi(port);
  const browser = await launchChromium();
  try {
    const signedIn = await browser.newContext({ baseURL: base });
    const page = await signedIn.newPage();
    await signInWithDemoButton(page, { name: 'Ada Lovelace', email: 'ada@acme.example' });
    const orgs = (await (await page.request.get('/api/v1/organizations')).json()) as {
      data: { id: string; name: string }[];
    };
    const acme = orgs.data.find((o) => o.name === 'Acme Corp');
    if (!acme) throw new Error('Acme Corp is not visible to Ada');
    const url = `/orgs/${acme.id}/invitations`;

    // Warm-up: the api compresses each script once, JIT, the emulator's caches.
    await series(browser, base, url, 'fresh', signedIn, page);
    const fresh = await series(browser, base, url, 'fresh', signedIn, page);
    const expired = await series(browser, base, url, 'expired', signedIn, page);
    await signedIn.close();

    const summary = (s: Series) => ({
      cold: { ...stats(s.cold.map((l) => l.painted_ms)), waterfall: medianRun(s.cold)?.requests ?? [] },
      revisit: {
        ...stats(s.revisit.map((l) => l.painted_ms)),
        waterfall: medianRun(s.revisit)?.requests ?? [],
      },
      warm: { ...stats(s.warm.map((l) => l.painted_ms)), waterfall: medianRun(s.warm)?.requests ?? [] },
    });
    const result = {
      generated_at: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      chromium: browser.version(),
      runs: RUNS,
      throttle: { rtt_ms: THROTTLE.latency, mbit_per_s: 20 },
      goals_ms: { cold: COLD_GOAL_MS, warm: WARM_GOAL_MS },
      fresh_token: summary(fresh),
      expired_token: summary(expired),
    };
    const verdict = (ms: number, goal: number) => (ms <= goal ? 'met' : 'MISSED');
    console.log(
      `\nPage load: /orgs/:acme/invitations to first rows painted, 20 Mbit/s, 40 ms RTT (Chromium ${result.chromium}, ${cpus().length} cores, ${RUNS} runs)`,
    );
    console.log(`${'load'.padEnd(36)}${'median'.padStart(10)}${'p90'.padStart(10)}  goal`);
    const line = (name: string, s: { median_ms: number; p90_ms: number }, goal: number) =>
      console.log(
        `${name.padEnd(36)}${`${s.median_ms} ms`.padStart(10)}${`${s.p90_ms} ms`.padStart(10)}  ≤ ${goal} ms ${verdict(s.median_ms, goal)}`,
      );
    line('cold, session token fresh', result.fresh_token.cold, COLD_GOAL_MS);
    line('second load, session token fresh', result.fresh_token.revisit, WARM_GOAL_MS);
    line('warm, session token fresh', result.fresh_token.warm, WARM_GOAL_MS);
    line('cold, session token expired', result.expired_token.cold, COLD_GOAL_MS);
    line('second load, session token expired', result.expired_token.revisit, WARM_GOAL_MS);
    line('warm, session token expired', result.expired_token.warm, WARM_GOAL_MS);
    for (const [name, run] of [
      ['cold, token fresh', result.fresh_token.cold],
      ['warm, token fresh', result.fresh_token.warm],
      ['cold, token expired', result.expired_token.cold],
      ['warm, token expired', result.expired_token.warm],
    ] as const) {
      console.log(
        `\nwaterfall of the median ${name} load (${run.median_ms} ms; ms from navigation start, requests before the rows painted):`,
      );
      for (const r of run.waterfall) {
        console.log(
          `${String(r.start_ms).padStart(6)} → ${String(r.end_ms).padStart(5)}  ${(r.transfer_bytes ? `${(r.transfer_bytes / 1024).toFixed(1)} KiB` : 'cache').padStart(10)}  ${r.path.slice(0, 100)}`,
        );
      }
    }
    mkdirSync(`${REPO}bench-results`, { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote ${RESULTS}`);
  } finally {
    await browser.close();
    stopApi(api);
  }
}

await main();
