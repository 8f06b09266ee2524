/// <reference lib="dom" />
// Clerk's part of the console, apart from the app's own budget:
//   - @clerk/react in our bundle (the `clerk-*` chunks vite.config.ts splits off), KiB gzip;
//   - clerk-js and Clerk's UI as the api serves them to the sign-in page (every /__clerk/npm/ file the
//     page fetched: bytes on the wire as served, brotli, and the same files at gzip level 6);
//   - cold load of /sign-in in Chromium (new context, empty cache): navigation start → Clerk's form
//     (its email field) painted, median of RUNS; unthrottled, and throttled through CDP to 20 Mbit/s
//     and 40 ms RTT (the profile of the other load benchmarks).
// Run: pnpm --filter @invites/e2e bench:clerk   (JSON in <repo>/bench-results/clerk-sign-in.json)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { buildWebUnlessSkipped, freePort, launchChromium, REPO, startApi, stats, stopApi } from './stack.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RESULTS = `${REPO}bench-results/clerk-sign-in.json`;
const KIB = 1024;
const THROTTLE = { latency: 40, downloadThroughput: (20e6 / 8) | 0, uploadThroughput: (20e6 / 8) | 0 };

// In the page (a string: tsx would wrap named functions in a helper the page does not have): resolves
// with the time of the frame after Clerk's email field is first in the DOM.
const FORM_PAINTED = `
window.__formPainted = new Promise((resolve) => {
  const check = () => {
    if (!document.querySelector('input[name="identifier"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
});
`;

interface Load {
  form_painted_ms: number;
  clerk_files: { url: string; encoded_bytes: number; decoded_bytes: number }[];
}

/** One cold load of /sign-in: navigation start → the frame after Clerk's email field is in the DOM. */
async function coldLoad(browser: Browser, base: string, throttled: boolean): Promise<Load> {
  const context = await browser.newContext({ baseURL: base });
  try {
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
    }
    await page.addInitScript(FORM_PAINTED);
    await page.goto('/sign-in', { waitUntil: 'commit' });
    const painted = await page.evaluate(
      () => (window as unknown as { __formPainted: Promise<number> }).__formPainted,
    );
    const clerkFiles = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => new URL(e.name).pathname.startsWith('/__clerk/npm/'))
        .map((e) => ({
          url: new URL(e.name).pathname,
          encoded_bytes: e.encodedBodySize,
          decoded_bytes: e.decodedBodySize,
        })),
    );
    return { form_painted_ms: painted, clerk_files: clerkFiles };
  } finally {
    await context.close();
  }
}

/** The files of the `clerk-*` chunks in the web build: @clerk/react and what it brings. */
function clerkReactInBundle(): { files: string[]; gzip_kib: number } {
  const assets = join(REPO, 'apps/web/dist/assets');
  const files = readdirSync(assets).filter((f) => /^clerk-[\w-]+\.js$/.test(f));
  const gzip = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 6 }).length,
    0,
  );
  return { files, gzip_kib: Math.round((gzip / KIB) * 10) / 10 };
}

async function main() {
  buildWebUnlessSkipped();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = await startApi(port);
  const browser = await launchChromium();
  try {
    await coldLoad(browser, base, false); // warm-up: the api compresses each script once
    const fast: Load[] = [];
    const slow: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      fast.push(await coldLoad(browser, base, false));
      slow.push(await coldLoad(browser, base, true));
    }
    const served = fast[0]?.clerk_files ?? [];
    const rawFiles = await Promise.all(
      served.map(async (f) => {
        const res = await fetch(`${base}${f.url}`, { headers: { 'accept-encoding': 'identity' } });
        return Buffer.from(await res.arrayBuffer());
      }),
    );
    const gzipBytes = rawFiles.reduce((sum, b) => sum + gzipSync(b, { level: 6 }).length, 0);
    const react = clerkReactInBundle();
    const result = {
      generated_at: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      chromium: browser.version(),
      runs: RUNS,
      clerk_react_in_bundle: react,
      clerk_js_and_ui_as_served: {
        files: served.map((f) => f.url),
        served_kib: Math.round((served.reduce((s, f) => s + f.encoded_bytes, 0) / KIB) * 10) / 10,
        gzip_kib: Math.round((gzipBytes / KIB) * 10) / 10,
        raw_kib: Math.round((rawFiles.reduce((s, b) => s + b.length, 0) / KIB) * 10) / 10,
      },
      cold_load_to_sign_in_form: {
        unthrottled: stats(fast.map((l) => l.form_painted_ms)),
        throttled_20mbit_40ms: stats(slow.map((l) => l.form_painted_ms)),
      },
    };
    console.log(`\nClerk's part (Chromium ${result.chromium}, ${cpus().length} cores, ${RUNS} runs)`);
    console.log(`@clerk/react in our bundle (${react.files.length} chunks)   ${react.gzip_kib} KiB gzip`);
    const s = result.clerk_js_and_ui_as_served;
    console.log(
      `clerk-js + UI for the sign-in page (${s.files.length} files)  ${s.gzip_kib} KiB gzip, ${s.served_kib} KiB as served (brotli), ${s.raw_kib} KiB raw`,
    );
    const c = result.cold_load_to_sign_in_form;
    console.log(
      `cold load → sign-in form painted, unthrottled   median ${c.unthrottled.median_ms} ms, p90 ${c.unthrottled.p90_ms} ms`,
    );
    console.log(
      `cold load → sign-in form painted, 20 Mbit/40 ms  median ${c.throttled_20mbit_40ms.median_ms} ms, p90 ${c.throttled_20mbit_40ms.p90_ms} ms`,
    );
    mkdirSync(`${REPO}bench-results`, { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote ${RESULTS}`);
  } finally {
    await browser.close();
    stopApi(api);
  }
}

await main();
