/// <reference lib="dom" />
// Where the 500-row table's time goes: a Chromium performance trace (devtools.timeline + V8's sampling
// profiler) of Ada opening Acme's invitations with pageSize=500, cut to the window from the list
// response's end to the frame after the rows are drawn, summed per kind of main-thread work and per
// piece of code (JSON, React, TanStack Table, the app's table code…).
// Run: pnpm --filter @invites/e2e bench:table-trace  (builds the web app with source maps, which place
// each sample in its source file; TRACE_UNMINIFIED=1 keeps function names; BENCH_SKIP_BUILD=1 reuses
// the last build; TRACE_LIGHT=1 leaves V8's sampling profiler out, for task timings closer to an
// untraced run). Writes the raw trace and
// the summary to <repo>/bench-results/table-trace*.json (open the raw trace in DevTools' Performance panel).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { signInWithDemoButton } from '../sign-in.ts';
import { freePort, launchChromium, REPO, startApi, stopApi } from './stack.ts';
import { TABLE_PROBE } from './table-probe.ts';
import { type SourceResolver, summarizeTrace, type TraceEvent, type TraceSummary } from './trace-summary.ts';

const ROWS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = `${REPO}bench-results`;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'loading',
  'v8.execute',
  ...(process.env.TRACE_LIGHT === '1' ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

/** Source maps of the built scripts (when built with them), keyed by file name. */
function sourceResolver(): SourceResolver {
  const dir = `${REPO}apps/web/dist/assets`;
  const maps = new Map<string, TraceMap>();
  if (existsSync(dir))
    for (const file of readdirSync(dir))
      if (file.endsWith('.js.map'))
        maps.set(file.slice(0, -4), new TraceMap(readFileSync(`${dir}/${file}`, 'utf8')));
  return (url, line, column) => {
    const map = maps.get(url.replace(/^.*\//, ''));
    if (!map) return null;
    return originalPositionFor(map, { line: line + 1, column }).source;
  };
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const args = ['--filter', '@invites/web', 'exec', 'vite', 'build', '--sourcemap'];
    // Unminified, the samples keep the names of React's and the libraries' functions.
    if (process.env.TRACE_UNMINIFIED === '1') args.push('--minify', 'false');
    execFileSync('pnpm', args, {
      cwd: REPO,
      stdio: 'ignore',
    });
  }
  const resolve = sourceResolver();
  const port = await freePort();
  const api = await startApi(port);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      baseURL: `http://127.0.0.1:${port}`,
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript(TABLE_PROBE);
    const page = await context.newPage();
    await signInWithDemoButton(page, { name: 'Ada Lovelace', email: 'ada@acme.example' });
    const orgs = (await (await page.request.get('/api/v1/organizations')).json()) as {
      data: { id: string; name: string }[];
    };
    const acme = orgs.data.find((o) => o.name === 'Acme Corp');
    if (!acme) throw new Error('Acme Corp is not visible to Ada');
    const url = `/orgs/${acme.id}/invitations?pageSize=${ROWS}`;
    const open = async () => {
      await page.goto(url, { waitUntil: 'commit' });
      await page.evaluate(() => (window as unknown as { __loadShown: Promise<unknown> }).__loadShown);
      await page.waitForTimeout(300);
    };
    await open(); // warm-up
    mkdirSync(OUT, { recursive: true });
    const summaries: TraceSummary[] = [];
    for (let i = 0; i < RUNS; i++) {
      await browser.startTracing(page, { categories: CATEGORIES });
      await open();
      const buffer = await browser.stopTracing();
      const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      const summary = summarizeTrace(events, '/invitations?', resolve);
      if (summaries.every((s) => s.window_ms <= summary.window_ms))
        writeFileSync(`${OUT}/table-trace.raw.json`, buffer);
      summaries.push(summary);
    }
    for (const [i, s] of summaries.entries()) {
      console.log(
        `\nrun ${i + 1}: list response end → painted ${s.window_ms.toFixed(1)} ms (rows in the DOM at ${s.to_dom_ms} ms), main-thread CPU ${s.main_thread_cpu_ms.toFixed(1)} ms`,
      );
      console.log('  main thread, by kind of work:');
      for (const [name, ms] of Object.entries(s.by_kind))
        console.log(`    ${name.padEnd(34)}${ms.toFixed(1).padStart(8)} ms`);
      console.log('  JavaScript (CPU samples), by code:');
      for (const [name, ms] of Object.entries(s.by_code).slice(0, 14))
        console.log(`    ${name.padEnd(34)}${ms.toFixed(1).padStart(8)} ms`);
      console.log('  JavaScript (CPU samples), by the code that asked for it:');
      for (const [name, ms] of Object.entries(s.by_owner).slice(0, 14))
        console.log(`    ${name.padEnd(60)}${ms.toFixed(1).padStart(8)} ms`);
      console.log('  inclusive time (the function or what it calls):');
      for (const f of s.inclusive.slice(0, 30))
        console.log(`    ${f.name.slice(0, 80).padEnd(82)}${f.ms.toFixed(1).padStart(7)} ms`);
      console.log('  top functions (self time):');
      for (const f of s.top_functions.slice(0, 15))
        console.log(`    ${f.name.slice(0, 60).padEnd(62)}${f.ms.toFixed(1).padStart(7)} ms`);
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
    };
    console.log(`\nmedians of ${summaries.length} runs:`);
    console.log(
      `  list response end → painted        ${median(summaries.map((s) => s.window_ms)).toFixed(1)} ms`,
    );
    console.log(
      `  list response end → rows in the DOM ${median(summaries.map((s) => s.to_dom_ms ?? Number.NaN)).toFixed(1)} ms`,
    );
    console.log(
      `  main-thread CPU in the window      ${median(summaries.map((s) => s.main_thread_cpu_ms)).toFixed(1)} ms`,
    );
    for (const kind of Object.keys(summaries[0]?.by_kind ?? {}))
      console.log(`  ${kind.padEnd(34)}${median(summaries.map((s) => s.by_kind[kind] ?? 0)).toFixed(1)} ms`);
    writeFileSync(`${OUT}/table-trace.json`, `${JSON.stringify(summaries, null, 2)}\n`);
    console.log(`\nwrote ${OUT}/table-trace.json and table-trace.raw.json (the slowest run)`);
  } finally {
    await browser.close();
    stopApi(api);
  }
}

await main();
