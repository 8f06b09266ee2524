import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Modules of the invitation tables, shared by the organization and instance-wide lists: one chunk
// instead of many small ones keeps those first routes to a few files.
const INVITATION_TABLE =
  /[\\/]node_modules[\\/].*@tanstack[\\/](react-table|table-core|store)[\\/]|[\\/]src[\\/]ui[\\/](data-table|row-selection|use-row-window|pagination|search-field|checkbox|checkbox-group|relative-time|status-badge)\.tsx?$|[\\/]src[\\/]features[\\/]invitations[\\/]components[\\/](invitation-list|invitation-columns|invitations-toolbar)\.tsx$|[\\/]src[\\/]features[\\/]revoke[\\/]components[\\/](revoke-button|bulk-revoke-button)\.tsx$/;

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // React 19 has useSyncExternalStore: the store bindings need only the selector helper, not the shim.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector',
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
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically goes into one chunk: without this the bundler cuts
        // it into several shared chunks, and each extra file costs gzip size on every first load.
        codeSplitting: {
          groups: [
            // React on its own, so the app and Clerk's chunk both import it (no cycle between the two).
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            // Clerk's React SDK in a chunk of its own, counted apart from the app's budget; without
            // pulling its dependencies (React, query-core) out of the app's own chunks.
            {
              name: 'clerk',
              test: /[\\/]node_modules[\\/].*@clerk[\\/]/,
              priority: 3,
              includeDependenciesRecursively: false,
            },
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'invitation-table', test: INVITATION_TABLE, priority: 1 },
          ],
        },
      },
    },
  },
});
