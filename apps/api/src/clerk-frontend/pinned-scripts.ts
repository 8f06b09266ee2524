import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';

/**
 * clerk-js and Clerk's UI as the browser asks our origin for them (`proxyUrl="/__clerk"`):
 * `/npm/@clerk/clerk-js@6/dist/clerk.browser.js`, `/npm/@clerk/ui@1/dist/ui.browser.js` and their
 * lazy chunks. They come from the packages pinned in the lockfile, never from a CDN, so the served
 * version is exactly the one installed. Served compressed (brotli or gzip, made once per file).
 */

export interface PinnedPackage {
  name: '@clerk/clerk-js' | '@clerk/ui';
  version: string;
  dist: string;
}

const require = createRequire(import.meta.url);

function packageRoot(entry: string): string {
  // Neither package exports its package.json: walk up from the main entry to the folder holding it.
  let dir = dirname(require.resolve(entry));
  while (dir !== dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === entry) return dir;
    } catch {
      // not this folder
    }
    dir = dirname(dir);
  }
  throw new Error(`${entry} is not installed`);
}

function pinned(name: PinnedPackage['name']): PinnedPackage {
  const root = packageRoot(name);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { name, version, dist: join(root, 'dist') };
}

/** The installed clerk-js and @clerk/ui (read once, at start). */
export function pinnedClerkPackages(): PinnedPackage[] {
  return [pinned('@clerk/clerk-js'), pinned('@clerk/ui')];
}

/**
 * A request for `<name>@<tag>` matches the installed package when the tag is its exact version or its
 * major (what `@clerk/react` asks for); anything else is another version we do not serve.
 */
export function matchesPinned(pkg: PinnedPackage, tag: string): boolean {
  return tag === pkg.version || tag === pkg.version.split('.')[0];
}

// File names straight under dist/: entry bundles and their hashed, versioned chunks.
const FILE_NAME = /^[\w.-]+\.js$/;

export interface ScriptFile {
  body: Uint8Array;
  encoding: 'br' | 'gzip' | null;
  etag: string;
  /** Chunks carry the version in their name and never change; entries are revalidated. */
  immutable: boolean;
}

type Variants = { raw: Buffer; br: Buffer; gzip: Buffer };

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Serves files of the pinned packages' `dist/`, compressed once and kept in memory. */
export function createScriptStore(packages: readonly PinnedPackage[]) {
  const cache = new Map<string, Promise<Variants | null>>();

  const load = async (path: string): Promise<Variants | null> => {
    const raw = await readFile(path).catch(() => null);
    if (!raw) return null;
    const [br, gz] = await Promise.all([
      brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzipAsync(raw, { level: 9 }),
    ]);
    return { raw, br, gzip: gz };
  };

  return {
    packages,
    /** The file, or null when the package, version or file is not one we serve. */
    async get(name: string, tag: string, file: string, acceptEncoding: string): Promise<ScriptFile | null> {
      const pkg = packages.find((p) => p.name === name);
      if (!pkg || !matchesPinned(pkg, tag) || !FILE_NAME.test(file)) return null;
      const path = join(pkg.dist, file);
      let entry = cache.get(path);
      if (!entry) {
        entry = load(path);
        cache.set(path, entry);
      }
      const variants = await entry;
      if (!variants) {
        cache.delete(path);
        return null;
      }
      const accepts = (coding: string) =>
        new RegExp(`(?:^|[\\s,])${coding}(?:[\\s;,]|$)`).test(acceptEncoding);
      const encoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
      return {
        body: encoding === 'br' ? variants.br : encoding === 'gzip' ? variants.gzip : variants.raw,
        encoding,
        etag: `"${pkg.name.slice(7)}-${pkg.version}-${file}${encoding ? `.${encoding}` : ''}"`,
        immutable: file.includes(`_${pkg.version}.`),
      };
    },
  };
}

export type ScriptStore = ReturnType<typeof createScriptStore>;
