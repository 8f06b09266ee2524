import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { acyclicChunks, type ModuleGraph, NODE_MODULES, ownedModules, pageChunks } from './build/chunks.ts';
import { esmFacades, isEsmFacade } from './build/esm-facades.ts';

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
 * Clerk's SDK and what only it uses: the app would not load it without Clerk, so it belongs to
 * Clerk's chunk. TanStack Query's infinite-query observer is one (Clerk's paginated hooks; the app
 * has no infinite lists), though the importers rule cannot see it: query-core's index re-exports it
 * beside what the app imports.
 */
const clerkOwned = ownedModules(
  (id) => CLERK.test(id) || /[\\/]@tanstack[\\/]query-core[\\/].*[\\/]infiniteQueryObserver\.js$/.test(id),
);

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
      // index.html keeps its preloads of the entry's imports: without them the browser would ask for
      // the vendor chunk only once the entry has arrived and been parsed.
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((dep) => !entry.has(dep)),
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
