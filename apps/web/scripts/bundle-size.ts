// Gzipped JavaScript a browser fetches before a signed-in user's first route renders, from the Vite
// manifest of the last build: the entry chunk and its static imports, plus the route's lazy chunk(s)
// and their static imports (shared chunks counted once). Also the gzip total of all JS.
// Clerk's SDK (`@clerk/*`, its own chunks: the `clerk` group in vite.config.ts) is reported apart and
// not held to the budget: the app's own code is.
// Run after `vite build`:  tsx scripts/bundle-size.ts [--check]
//   --check  exits 1 when the app's own JS of any first route is above the budget (140 KiB,
//            1 KiB = 1,024 bytes, gzip level 6). Every route a user can open first is enforced:
//            support staff share deep links, so a deep link is a first route. A lazy page under
//            src/app/routes that FIRST_ROUTES does not list is measured as entry + page and enforced too.
// Writes <repo>/bench-results/bundle.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 140;
const KIB = 1024;
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const MANIFEST = join(DIST, '.vite/manifest.json');
const RESULTS = fileURLToPath(new URL('../../../bench-results/bundle.json', import.meta.url));
const ROUTES_DIR = 'src/app/routes/';

/**
 * Routes a user can open first (a sign-in, a reload, a shared link), with the lazy route modules the
 * router loads for them (parent before child). `/` and `/orgs/:orgId` redirect to routes listed here.
 */
const FIRST_ROUTES: { path: string; who: string; lazy: string[] }[] = [
  { path: '/orgs', who: 'everyone, after sign-in', lazy: ['organizations-route-page.tsx'] },
  { path: '/orgs/:orgId/invitations', who: 'org admin deep link', lazy: ['org-invitations-page.tsx'] },
  {
    path: '/orgs/:orgId/invitations/:invitationId',
    who: 'link to one invitation',
    lazy: ['org-invitations-page.tsx', 'invitation-detail-page.tsx'],
  },
  { path: '/orgs/:orgId/invitations/bulk', who: 'bulk invite', lazy: ['bulk-invite-page.tsx'] },
  { path: '/orgs/:orgId/invitations/bulk/:jobId', who: 'a bulk job', lazy: ['bulk-progress-page.tsx'] },
  { path: '/invitations', who: 'staff deep link', lazy: ['all-invitations-page.tsx'] },
  {
    path: '/invitations/:orgId/:invitationId',
    who: 'staff link to one invitation',
    lazy: ['all-invitations-page.tsx', 'invitation-detail-page.tsx'],
  },
  { path: '/activity', who: 'activity log', lazy: ['activity-page.tsx'] },
  { path: '/sign-in', who: 'signed out', lazy: ['sign-in-page.tsx'] },
];

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface RouteFigure {
  route: string;
  who: string;
  /** Always true: every first route is held to the budget (kept for bench/run-all.ts). */
  enforced: boolean;
  /** The app's own JS files (Clerk's are in `clerk_files`). */
  files: string[];
  js_raw_bytes: number;
  js_gzip_bytes: number;
  js_gzip_kib: number;
  css_gzip_kib: number;
  /** Clerk's SDK chunks the route loads, outside the budget. */
  clerk_files: string[];
  clerk_js_gzip_kib: number;
  within_budget: boolean;
}

/** A chunk of Clerk's SDK: the `clerk` code-splitting group, or a module under `@clerk/`. */
function isClerkChunk(key: string, chunk: ManifestChunk): boolean {
  return chunk.name === 'clerk' || /(^|[\\/])@clerk[\\/]/.test(chunk.src ?? key);
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string): { raw: number; gzip: number } {
  let size = gzipCache.get(file);
  if (!size) {
    const bytes = readFileSync(join(DIST, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    gzipCache.set(file, size);
  }
  return size;
}

/** Every chunk key reachable from `keys` through static imports (what the browser must fetch). */
function staticClosure(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle-size: ${key} is not in the Vite manifest`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen];
}

function measure(manifest: Manifest, entryKey: string, route: string, who: string, lazy: string[]) {
  const keys = staticClosure(manifest, [entryKey, ...lazy]);
  const chunks = keys.map((k) => manifest[k] as ManifestChunk);
  const clerk = keys.filter((k) => isClerkChunk(k, manifest[k] as ManifestChunk));
  const jsOf = (list: ManifestChunk[]) => list.map((c) => c.file).filter((f) => f.endsWith('.js'));
  const js = jsOf(keys.filter((k) => !clerk.includes(k)).map((k) => manifest[k] as ManifestChunk));
  const clerkJs = jsOf(clerk.map((k) => manifest[k] as ManifestChunk));
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  const gzip = js.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
  const figure: RouteFigure = {
    route,
    who,
    enforced: true,
    files: js,
    js_raw_bytes: js.reduce((sum, f) => sum + sizeOf(f).raw, 0),
    js_gzip_bytes: gzip,
    js_gzip_kib: round(gzip / KIB),
    css_gzip_kib: round(css.reduce((sum, f) => sum + sizeOf(f).gzip, 0) / KIB),
    clerk_files: clerkJs,
    clerk_js_gzip_kib: round(clerkJs.reduce((sum, f) => sum + sizeOf(f).gzip, 0) / KIB),
    within_budget: gzip <= BUDGET_KIB * KIB,
  };
  return figure;
}

const round = (n: number) => Math.round(n * 10) / 10;

function main() {
  if (!existsSync(MANIFEST)) {
    console.error(`bundle-size: ${MANIFEST} is missing; run \`pnpm --filter @invites/web build\` first.`);
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('bundle-size: the manifest has no entry chunk');

  const lazyPages = Object.keys(manifest).filter(
    (k) => k.startsWith(ROUTES_DIR) && manifest[k]?.isDynamicEntry,
  );
  const figures: RouteFigure[] = [];
  const covered = new Set<string>();
  for (const r of FIRST_ROUTES) {
    const lazy = r.lazy.map((name) => `${ROUTES_DIR}${name}`);
    const missing = lazy.filter((k) => !manifest[k]);
    if (missing.length > 0) {
      throw new Error(
        `bundle-size: ${r.path} expects lazy route module(s) ${missing.join(', ')}; update FIRST_ROUTES in apps/web/scripts/bundle-size.ts`,
      );
    }
    for (const k of lazy) covered.add(k);
    figures.push(measure(manifest, entryKey, r.path, r.who, lazy));
  }
  for (const page of lazyPages.filter((k) => !covered.has(k))) {
    const name = `(${page.slice(ROUTES_DIR.length)})`;
    figures.push(measure(manifest, entryKey, name, 'lazy page missing from FIRST_ROUTES', [page]));
  }

  const clerkFiles = new Set(
    Object.entries(manifest)
      .filter(([k, c]) => isClerkChunk(k, c))
      .map(([, c]) => c.file),
  );
  const total = (files: string[]) => {
    const sizes = files.map((f) => sizeOf(f));
    return {
      files: files.length,
      raw_bytes: sizes.reduce((s, x) => s + x.raw, 0),
      gzip_bytes: sizes.reduce((s, x) => s + x.gzip, 0),
    };
  };
  const assets = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const all = total(assets.filter((f) => !clerkFiles.has(f)));
  const clerkAll = total(assets.filter((f) => clerkFiles.has(f)));
  const entryOnly = staticClosure(manifest, [entryKey])
    .filter((k) => !isClerkChunk(k, manifest[k] as ManifestChunk))
    .map((k) => manifest[k]?.file ?? '')
    .filter((f) => f.endsWith('.js'))
    .reduce((s, f) => s + sizeOf(f).gzip, 0);

  const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;
  console.log(
    `\nFirst-route JavaScript, the app's own (gzip level 6, 1 KiB = 1,024 bytes; budget ${BUDGET_KIB} KiB); Clerk's SDK apart\n`,
  );
  const width = Math.max(...figures.map((f) => f.route.length), 5);
  console.log(
    `${'route'.padEnd(width)}  ${'JS gzip'.padStart(10)}  ${'files'.padStart(5)}  ${'CSS gzip'.padStart(9)}  ${'Clerk JS'.padStart(9)}  ≤ ${BUDGET_KIB} KiB`,
  );
  for (const f of figures) {
    const verdict = f.within_budget ? 'ok' : 'OVER';
    console.log(
      `${f.route.padEnd(width)}  ${`${f.js_gzip_kib.toFixed(1)} KiB`.padStart(10)}  ${String(f.files.length).padStart(5)}  ${`${f.css_gzip_kib.toFixed(1)} KiB`.padStart(9)}  ${`${f.clerk_js_gzip_kib.toFixed(1)} KiB`.padStart(9)}  ${verdict}`,
    );
  }
  console.log(`${'entry alone'.padEnd(width)}  ${kib(entryOnly).padStart(10)}`);
  console.log(
    `${'all JS'.padEnd(width)}  ${kib(all.gzip_bytes).padStart(10)}  ${String(all.files).padStart(5)}  (${kib(all.raw_bytes)} raw)`,
  );
  console.log(
    `${"Clerk's SDK".padEnd(width)}  ${kib(clerkAll.gzip_bytes).padStart(10)}  ${String(clerkAll.files).padStart(5)}  (${kib(clerkAll.raw_bytes)} raw, not in the budget)`,
  );

  const over = figures.filter((f) => !f.within_budget);
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        generated_at: new Date().toISOString(),
        node: process.version,
        gzip_level: 6,
        kib_bytes: KIB,
        budget_kib: BUDGET_KIB,
        entry_gzip_kib: round(entryOnly / KIB),
        first_routes: figures,
        max_first_route_gzip_kib: Math.max(...figures.map((f) => f.js_gzip_kib)),
        all_js: { ...all, gzip_kib: round(all.gzip_bytes / KIB) },
        clerk_js: { ...clerkAll, gzip_kib: round(clerkAll.gzip_bytes / KIB) },
        enforced_within_budget: over.length === 0,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS}`);

  if (process.argv.includes('--check')) {
    if (over.length > 0) {
      console.error(
        `\nBundle budget exceeded: ${over.map((f) => `${f.route} ${f.js_gzip_kib.toFixed(1)} KiB`).join(', ')} > ${BUDGET_KIB} KiB gzip`,
      );
      process.exit(1);
    }
    console.log(`Bundle budget met: all ${figures.length} first routes ≤ ${BUDGET_KIB} KiB gzip.`);
  }
}

main();
