// How the web app's build cuts its chunks, beside vite.config.ts's groups: the graph rules behind the
// groups, and a check on what comes out.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * Fails the build when chunks import each other in a circle: the chunk groups take modules out
 * of the bundler's own placement, and in a circle of static imports a chunk would run before one it
 * needs.
 */
export function acyclicChunks(): Plugin {
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

export type ModuleGraph = {
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
export function ownedModules(owns: (id: string) => boolean) {
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

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
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
export function pageChunks(graph: ModuleGraph) {
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
