import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { esmFacades, isEsmFacade } from './build/esm-facades.ts';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
const CLERK = /[\\/]node_modules[\\/]@clerk[\\/]/;

const THEME_SCRIPT = fileURLToPath(new URL('./src/theme-init.js', import.meta.url));

/**
 * index.html's theme script (it runs before the first paint, and the CSP allows no inline script) as a
 * content-hashed file in assets/: browsers then keep it for a year like the bundles, instead of asking
 * for it again on every load while the page waits (it blocks parsing). `pnpm dev` serves it from src/.
 */
function hashedThemeScript(): Plugin {
  return {
    name: 'hashed-theme-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const ref = this.emitFile({ type: 'asset', name: 'theme-init.js', source: readFileSync(THEME_SCRIPT) });
      const html = bundle['index.html'];
      if (html?.type !== 'asset') this.error('index.html is not in the bundle');
      html.source = String(html.source).replace('/src/theme-init.js', `/${this.getFileName(ref)}`);
    },
  };
}

/**
 * The entry's files (the entry chunk and every chunk it imports statically), known once the bundle is
 * written: they are in the page before any lazy chunk loads, so a lazy import need not list them as
 * its dependencies to preload (`build.modulePreload.resolveDependencies` below). Listed, their hashed
 * names would be repeated in every chunk with a lazy import, bytes on every first load for nothing.
 */
function entryFiles() {
  const files = new Set<string>();
  const plugin: Plugin = {
    name: 'entry-files',
    apply: 'build',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        files.clear();
        const add = (name: string) => {
          const chunk = bundle[name];
          if (files.has(name) || chunk?.type !== 'chunk') return;
          files.add(name);
          for (const dep of chunk.imports) add(dep);
        };
        for (const [name, chunk] of Object.entries(bundle))
          if (chunk.type === 'chunk' && chunk.isEntry) add(name);
      },
    },
  };
  return { plugin, has: (file: string) => files.has(file) };
}
const entry = entryFiles();

/**
 * Fails the build when chunks import each other in a circle: the chunk groups below take modules out
 * of the bundler's own placement, and in a circle of static imports a chunk would run before one it
 * needs.
 */
function acyclicChunks(): Plugin {
  return {
    name: 'acyclic-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const state = new Map<string, 'open' | 'done'>();
      const visit = (name: string, path: string[]) => {
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk' || state.get(name) === 'done') return;
        if (state.get(name) === 'open')
          this.error(`chunks import each other: ${[...path, name].join(' → ')}`);
        state.set(name, 'open');
        for (const dep of chunk.imports) visit(dep, [...path, name]);
        state.set(name, 'done');
      };
      for (const name of Object.keys(bundle)) visit(name, []);
    },
  };
}

type ModuleGraph = {
  getModuleInfo(id: string): {
    importers: readonly string[];
    dynamicImporters: readonly string[];
    importedIds: readonly string[];
  } | null;
};

/**
 * A chunk group's test: the modules `owns` names, and the libraries only those import (directly or
 * through each other). A library something else imports too stays out.
 */
function ownedModules(owns: (id: string) => boolean) {
  let known = new Map<string, boolean>();
  let knownIn: ModuleGraph | null = null;
  return (id: string, graph: ModuleGraph): boolean => {
    if (knownIn !== graph) {
      knownIn = graph;
      known = new Map();
    }
    const only = (id: string): boolean => {
      if (owns(id)) return true;
      if (!NODE_MODULES.test(id)) return false;
      const cached = known.get(id);
      if (cached !== undefined) return cached;
      known.set(id, false); // an import cycle proves nothing
      const info = graph.getModuleInfo(id);
      const importers = info ? [...info.importers, ...info.dynamicImporters] : [];
      const result = importers.length > 0 && importers.every(only);
      known.set(id, result);
      return result;
    };
    return only(id);
  };
}

/**
 * Clerk's SDK and what only it uses: the app would not load it without Clerk, so it belongs to
 * Clerk's chunk. TanStack Query's infinite-query observer is one (Clerk's paginated hooks; the app
 * has no infinite lists), though the importers rule cannot see it: query-core's index re-exports it
 * beside what the app imports.
 */
const clerkOwned = ownedModules(
  (id) => CLERK.test(id) || /[\\/]@tanstack[\\/]query-core[\\/].*[\\/]infiniteQueryObserver\.js$/.test(id),
);

const SRC = fileURLToPath(new URL('./src/', import.meta.url));
const ROUTE_PAGES = join(SRC, 'app/routes/');
/** The shared components. */
const UI = join(SRC, 'ui/');

/**
 * TanStack Store's shallow compare: only TanStack Table uses it, but the store's index (which the
 * router imports) re-exports it, so its importers do not show who needs it.
 */
const USED_ONLY_BY = [
  {
    library: /[\\/]@tanstack[\\/]store[\\/]dist[\\/]shallow\.js$/,
    user: /[\\/]@tanstack[\\/]react-table[\\/]/,
  },
];

/**
 * Chunks for what several route pages share (each page in `src/app/routes/` is loaded lazily by the
 * router). The bundler's own split follows every lazy import inside the pages too (a dialog, the
 * selection bar) and cuts what the pages share into a file per set of those: more files on each
 * first load, each with its own gzip framing and import/export lines. Here a module the entry does
 * not load goes by the set of route pages that import it statically (directly or through other
 * modules), one chunk per set; a set of shared components joins a wider one (below). A library the
 * entry does not load goes with the chunk of the shared modules importing it when every page that
 * loads the library loads that chunk anyway. No list of file names: a new module finds its chunk by
 * who imports it.
 */
function pageChunks(graph: ModuleGraph) {
  const imported = (id: string) => graph.getModuleInfo(id)?.importedIds ?? [];
  const closure = (from: string) => {
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const dep of imported(id)) walk(dep);
    };
    walk(from);
    return seen;
  };
  const inEntry = closure(join(SRC, 'main.tsx'));
  const pagesOf = new Map<string, string[]>();
  const pages = readdirSync(ROUTE_PAGES)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .sort()
    .map((f) => join(ROUTE_PAGES, f));
  const reached = new Set<string>();
  for (const page of pages)
    for (const id of closure(page)) {
      reached.add(id);
      if (!inEntry.has(id) && !NODE_MODULES.test(id)) pagesOf.set(id, [...(pagesOf.get(id) ?? []), page]);
    }

  const setOf = new Map<string, string>();
  for (const [id, importing] of pagesOf) if (importing.length > 1) setOf.set(id, importing.join('|'));
  // The shared components come in small pieces that pages use together: a set of them joins the set of
  // more components that covers its pages (the list controls join the data table), so its pages load
  // one file instead of several; that set's other pages load a few components they do not use.
  const uiSets = new Map<string, number>();
  for (const [id, set] of setOf) if (id.startsWith(UI)) uiSets.set(set, (uiSets.get(set) ?? 0) + 1);
  const covers = (wide: string, narrow: string) =>
    narrow.split('|').every((page) => wide.split('|').includes(page));
  const joins = new Map<string, string>();
  for (const [set, size] of uiSets) {
    const wider = [...uiSets]
      .filter(([other, otherSize]) => other !== set && otherSize > size && covers(other, set))
      .sort(([, a], [, b]) => b - a)[0];
    if (wider) joins.set(set, wider[0]);
  }
  for (const [id, set] of setOf) if (id.startsWith(UI) && joins.has(set)) setOf.set(id, joins.get(set)!);
  // A chunk is named after the module importing most of the others (the list, not the request helper
  // it uses); a name already taken (another set's, a group's) gets a number.
  const nameOfSet = new Map<string, string>();
  const taken = new Set(['ui', 'app', 'vendor', 'clerk', 'index']);
  const nameAfter = (id: string, set: string) => {
    const base = basename(id).replace(/\.[^.]*$/, '');
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    nameOfSet.set(set, name);
  };
  const members = new Map<string, string[]>();
  for (const [id, set] of setOf) members.set(set, [...(members.get(set) ?? []), id]);
  const importsInSet = (id: string, set: string) =>
    imported(id).filter((dep) => setOf.get(dep) === set).length;
  for (const [set, ids] of members) {
    if (nameOfSet.has(set)) continue;
    const top = ids.reduce((best, id) => (importsInSet(id, set) > importsInSet(best, set) ? id : best));
    nameAfter(top, set);
  }
  const chunkOf = new Map<string, string>();
  for (const [id, set] of setOf) chunkOf.set(id, nameOfSet.get(set)!);
  const chunkPages = new Map<string, Set<string>>();
  for (const [id, chunk] of chunkOf) {
    const known = chunkPages.get(chunk) ?? chunkPages.set(chunk, new Set()).get(chunk)!;
    for (const page of pagesOf.get(id) ?? []) known.add(page);
  }
  const libraryChunk = new Map<string, string | null | 'open'>();
  const chunkOfLibrary = (id: string): string | null | 'open' => {
    const known = libraryChunk.get(id);
    if (known !== undefined) return known;
    libraryChunk.set(id, 'open'); // in an import cycle: the other importers decide
    const hidden = USED_ONLY_BY.find(({ library }) => library.test(id));
    const importers = hidden
      ? [...reached].filter((other) => hidden.user.test(other))
      : (graph.getModuleInfo(id)?.importers ?? []);
    const chunks = new Set<string | null>();
    const pagesLoading = new Set<string>();
    for (const importer of importers) {
      if (NODE_MODULES.test(importer)) {
        const chunk = chunkOfLibrary(importer);
        if (chunk !== 'open') chunks.add(chunk);
      } else {
        const chunk = chunkOf.get(importer);
        if (chunk) chunks.add(chunk);
        // A lazily loaded module (no pages) imports it later, from wherever it is.
        for (const page of pagesOf.get(importer) ?? []) pagesLoading.add(page);
      }
    }
    // Outside every page chunk for one importer, or else in the chunk that every page loading it loads anyway.
    const result = chunks.has(null)
      ? null
      : ([...chunks].find(
          (chunk) => chunk && [...pagesLoading].every((page) => chunkPages.get(chunk)?.has(page)),
        ) ?? null);
    libraryChunk.set(id, result);
    return result;
  };
  const libraryIn = (id: string) => {
    const chunk = chunkOfLibrary(id);
    return chunk === 'open' ? null : chunk;
  };
  return (id: string) => (NODE_MODULES.test(id) ? libraryIn(id) : (chunkOf.get(id) ?? null));
}

let pageChunksIn: { graph: ModuleGraph; chunkOf: (id: string) => string | null } | null = null;

export default defineConfig({
  plugins: [
    react(),
    esmFacades(['react', 'react/jsx-runtime'], { libraries: /[\\/]@tanstack[\\/]react-table[\\/]/ }),
    hashedThemeScript(),
    entry.plugin,
    acyclicChunks(),
    // Every script and stylesheet also as .br and .gz beside it: the api serves those to browsers that
    // take them (serveStatic's `precompressed`), compressed once at build time at the highest level.
    compression({ include: /\.(js|css|svg)$/, threshold: 1024, algorithms: ['brotliCompress', 'gzip'] }),
  ],
  resolve: {
    alias: [
      // React 19 has useSyncExternalStore: the store bindings need only the selector helper, not the shim.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector',
      },
      // The router checks every URL with the zod/mini schemas of src/lib/search-schemas.ts, so they are
      // in the entry chunk. Built from zod's shipped TypeScript sources they are a module graph of
      // their own: sharing zod's compiled core with the classic API of the lazy form chunks would
      // put every part of the core that the classic API uses into the entry (a module stays whole
      // in one chunk). The forms' lazy chunks then carry their own copy of the core.
      {
        find: /^zod\/mini$/,
        replacement: fileURLToPath(new URL('./node_modules/zod/src/v4/mini/index.ts', import.meta.url)),
      },
    ],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      // clerk-js's scripts and Clerk's Frontend API, both served (or forwarded) by the api.
      '/__clerk': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: scripts/bundle-size.ts reads the chunk graph from it.
    manifest: true,
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps) => deps.filter((dep) => !entry.has(dep)),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Clerk's SDK in a chunk of its own: scripts/bundle-size.ts counts it apart from the
            // app's budget. `@clerk/*` and what only it imports: the libraries it shares with the
            // app stay in the app's chunks, where they are counted.
            {
              name: (id, graph) => (clerkOwned(id, graph) ? 'clerk' : null),
              debugName: 'clerk',
              test: NODE_MODULES,
              priority: 4,
              includeDependenciesRecursively: false,
            },
            // The libraries the entry imports statically, Clerk's dependencies among them, so that
            // Clerk's chunk and the app's both import them and never each other.
            {
              name: 'vendor',
              test: (id) => (NODE_MODULES.test(id) && !CLERK.test(id)) || isEsmFacade(id),
              tags: ['$initial'],
              priority: 3,
            },
            // Everything else the entry imports statically goes into one chunk: without this the
            // bundler cuts it into several shared chunks, and each extra file costs gzip size on
            // every first load.
            { name: 'app', tags: ['$initial'], priority: 2 },
            {
              name: (id, graph) => {
                if (pageChunksIn?.graph !== graph) pageChunksIn = { graph, chunkOf: pageChunks(graph) };
                return pageChunksIn.chunkOf(id);
              },
              debugName: 'shared by pages',
              priority: 1,
              // Only the modules named: their imports stay in their own chunks (the entry's, another shared chunk).
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
