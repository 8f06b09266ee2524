// `pnpm bench`: every benchmark of the product in sequence, each printing its own table and writing
// JSON to <repo>/bench-results/, then one summary (cores, Node, each figure, its goal, met or missed)
// printed and written to bench-results/summary.json. A benchmark that fails is reported as such; the
// run exits 1 when any failed (a missed goal alone does not fail it: figures are reported, CI checks
// only the bundle budget).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  bulkFigures,
  bundleFigures,
  clerkFigures,
  emulatorFigures,
  expiringFigures,
  type Json,
  pageLoadFigures,
  proxyFigures,
  tableFigures,
  webhookFigures,
} from './summary-figures.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = `${REPO}bench-results`;

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Why the step did not run, when it cannot. */
  skip?: string;
}

const steps: Step[] = [
  { name: 'proxy cost', command: ['pnpm', '--filter', '@invites/api', 'bench:proxy'] },
  { name: 'bundle', command: ['pnpm', '--filter', '@invites/web', 'bundle:size'] },
  {
    name: 'table render',
    command: ['pnpm', '--filter', '@invites/e2e', 'bench:table'],
    env: { BENCH_SKIP_BUILD: '1' }, // the bundle step has just built the web app
  },
  {
    name: 'clerk sign-in',
    command: ['pnpm', '--filter', '@invites/e2e', 'bench:clerk'],
    env: { BENCH_SKIP_BUILD: '1' },
  },
  {
    name: 'page load',
    command: ['pnpm', '--filter', '@invites/e2e', 'bench:load'],
    env: { BENCH_SKIP_BUILD: '1' },
  },
  { name: 'emulator queries', command: ['pnpm', '--filter', '@invites/clerk-emulator', 'bench'] },
  { name: 'bulk jobs', command: ['pnpm', '--filter', '@invites/api', 'bench:bulk'] },
  { name: 'bulk preview', command: ['pnpm', '--filter', '@invites/web', 'bench:preview'] },
  { name: 'bulk check', command: ['pnpm', '--filter', '@invites/api', 'bench:check'] },
  { name: 'webhook burst', command: ['pnpm', '--filter', '@invites/api', 'bench:webhooks'] },
  { name: 'expiring soon', command: ['pnpm', '--filter', '@invites/api', 'bench:expiring'] },
];

function read(name: string): Json | null {
  const file = `${RESULTS}/${name}.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : null;
}

function main() {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  const outcomes: { name: string; status: 'ok' | 'failed' | 'skipped'; seconds: number; note?: string }[] =
    [];
  for (const step of steps) {
    console.log(`\n━━ ${step.name} ${'━'.repeat(Math.max(0, 70 - step.name.length))}`);
    if (step.skip) {
      console.log(`skipped: ${step.skip}`);
      outcomes.push({ name: step.name, status: 'skipped', seconds: 0, note: step.skip });
      continue;
    }
    const t = Date.now();
    const [command, ...args] = step.command as [string, ...string[]];
    const run = spawnSync(command, args, {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    });
    const seconds = Math.round((Date.now() - t) / 100) / 10;
    outcomes.push({ name: step.name, status: run.status === 0 ? 'ok' : 'failed', seconds });
  }

  const proxy = read('proxy');
  const bundle = read('bundle');
  const table = read('table-render');
  const emulator = read('emulator-queries');
  const clerk = read('clerk-sign-in');
  const pageLoad = read('page-load');
  const webhooks = read('webhook-burst');
  const expiring = read('expiring-soon');
  const figures = [
    ...(proxy ? proxyFigures(proxy) : []),
    ...(bundle ? bundleFigures(bundle) : []),
    ...(table ? tableFigures(table) : []),
    ...(clerk ? clerkFigures(clerk) : []),
    ...(pageLoad ? pageLoadFigures(pageLoad) : []),
    ...(emulator ? emulatorFigures(emulator) : []),
    ...bulkFigures(read('bulk-jobs'), read('preview'), read('bulk-check')),
    ...(webhooks ? webhookFigures(webhooks) : []),
    ...(expiring ? expiringFigures(expiring) : []),
  ];

  const width = Math.max(...figures.map((f) => f.figure.length)) + 2;
  const valueWidth = Math.max(...figures.map((f) => f.value.length)) + 2;
  console.log(`\n━━ summary ${'━'.repeat(64)}`);
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, loopback\n`,
  );
  console.log(
    `${'benchmark'.padEnd(10)}${'figure'.padEnd(width)}${'value'.padEnd(valueWidth)}${'goal'.padEnd(26)}result`,
  );
  for (const f of figures) {
    const result = f.met === null ? '' : f.met ? 'met' : 'MISSED';
    console.log(
      `${f.benchmark.padEnd(10)}${f.figure.padEnd(width)}${f.value.padEnd(valueWidth)}${f.goal.padEnd(26)}${result}`,
    );
  }
  console.log('');
  for (const o of outcomes) {
    console.log(
      `${o.name.padEnd(18)} ${o.status}${o.seconds ? ` (${o.seconds} s)` : ''}${o.note ? `: ${o.note}` : ''}`,
    );
  }
  const total = Math.round((Date.now() - started) / 1000);
  console.log(`\ntotal ${total} s`);
  writeFileSync(
    `${RESULTS}/summary.json`,
    `${JSON.stringify(
      {
        generated_at: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? null,
        total_seconds: total,
        steps: outcomes,
        figures,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${RESULTS}/summary.json`);
  if (outcomes.some((o) => o.status === 'failed')) process.exit(1);
}

main();
