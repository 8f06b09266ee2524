import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionTokenFresh } from '@invites/clerk-schema/session-token';

// A page of the SPA opened by address starts everything at once from index.html: the browser fetches
// the page's own code (its lazy chunks) and the api reads it will make while the app's entry is still
// loading, instead of after it has run and matched the route. The app's `fetch` then takes the
// preloaded answer (same address, same mode). Hints only: a hint the app does not use costs one
// request, and nothing depends on one being there. e2e/specs/first-load.spec.ts checks that each hint
// is the request the app makes, once.

/** A Clerk ID in a path segment; anything else gets no hint (and an address made only of safe characters). */
const ID = '([A-Za-z0-9_]{1,64})';

/**
 * The SPA's first pages (apps/web/src/app/route-tree.tsx): the page modules it loads for each, and the
 * reads its loaders start from the address alone. A list's read depends on its URL state; only the
 * default view (no query string) is known here without the app's schemas, so it is hinted then only.
 * Literal segments come before parameters, as in the router (`bulk` is not an invitation ID).
 */
interface FirstPage {
  path: RegExp;
  modules: readonly string[];
  reads(params: readonly string[], plain: boolean): readonly string[];
}

const ROUTES = 'src/app/routes/';
// Both lists' default page: `LIST_DEFAULTS` in apps/web/src/lib/search-schemas.ts, as `toListQuery` sends it.
const DEFAULT_PAGE = 'order_by=-created_at&limit=25&offset=0';
const organization = (org: string) => `/api/v1/organizations/${org}`;
const orgList = (org: string) => `${organization(org)}/invitations?${DEFAULT_PAGE}`;
const allList = `/api/v1/organization_invitations?${DEFAULT_PAGE}`;
const invitation = (org: string, inv: string) => `${organization(org)}/invitations/${inv}`;

const PAGES: readonly FirstPage[] = [
  {
    path: /^\/orgs\/?$/,
    modules: [`${ROUTES}organizations-route-page.tsx`],
    reads: () => ['/api/v1/organizations?limit=100&order_by=name'],
  },
  {
    path: new RegExp(`^/orgs/${ID}/invitations/bulk/?$`),
    modules: [`${ROUTES}bulk-invite-page.tsx`],
    reads: ([org = '']) => [organization(org)],
  },
  {
    path: new RegExp(`^/orgs/${ID}/invitations/bulk/${ID}/?$`),
    modules: [`${ROUTES}bulk-progress-page.tsx`],
    reads: ([org = '']) => [organization(org)],
  },
  {
    path: new RegExp(`^/orgs/${ID}/invitations/?$`),
    modules: [`${ROUTES}org-invitations-page.tsx`],
    reads: ([org = ''], plain) => [organization(org), ...(plain ? [orgList(org)] : [])],
  },
  {
    path: new RegExp(`^/orgs/${ID}/invitations/${ID}/?$`),
    modules: [`${ROUTES}org-invitations-page.tsx`, `${ROUTES}invitation-detail-page.tsx`],
    reads: ([org = '', inv = ''], plain) => [
      organization(org),
      ...(plain ? [orgList(org)] : []),
      invitation(org, inv),
    ],
  },
  {
    path: /^\/invitations\/?$/,
    modules: [`${ROUTES}all-invitations-page.tsx`],
    reads: (_, plain) => (plain ? [allList] : []),
  },
  {
    path: new RegExp(`^/invitations/${ID}/${ID}/?$`),
    modules: [`${ROUTES}all-invitations-page.tsx`, `${ROUTES}invitation-detail-page.tsx`],
    reads: ([org = '', inv = ''], plain) => [...(plain ? [allList] : []), invitation(org, inv)],
  },
  { path: /^\/activity\/?$/, modules: [`${ROUTES}activity-page.tsx`], reads: () => [] },
  { path: /^\/people\/?$/, modules: [`${ROUTES}people-page.tsx`], reads: () => [] },
];

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** A page module's files (its chunk, the chunks it imports, their CSS), the entry's own left out. */
function moduleFiles(manifest: Manifest, source: string): { scripts: string[]; styles: string[] } {
  const collect = (key: string, into: { scripts: Set<string>; styles: Set<string> }) => {
    const chunk = manifest[key];
    if (!chunk || into.scripts.has(chunk.file)) return;
    into.scripts.add(chunk.file);
    for (const css of chunk.css ?? []) into.styles.add(css);
    for (const dep of chunk.imports ?? []) collect(dep, into);
  };
  const entry = { scripts: new Set<string>(), styles: new Set<string>() };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) collect(key, entry);
  const page = { scripts: new Set<string>(), styles: new Set<string>() };
  collect(source, page);
  // index.html already links the entry's own files.
  return {
    scripts: [...page.scripts].filter((f) => !entry.scripts.has(f)),
    styles: [...page.styles].filter((f) => !entry.styles.has(f)),
  };
}

function readManifest(webDist: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(webDist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null; // no build yet, or a dev server: no module hints
  }
}

export type FirstLoadHints = (pathname: string, search: string, sessionToken: string | undefined) => string;

const preloadFetch = (url: string, crossorigin: string) =>
  `<link rel="preload" as="fetch" ${crossorigin} href="${url.replaceAll('&', '&amp;')}">`;

/**
 * The `<link>` tags index.html gains for the page at `pathname`: `modulepreload` for its code (from
 * the build's manifest), `preload` for its reads when the session cookie can carry them, and for
 * Clerk's own first reads (`clerkReads`, clerk-frontend/first-reads.ts) when it cannot.
 */
export function firstLoadHints(webDist: string, clerkReads: readonly string[] = []): FirstLoadHints {
  let manifest: Manifest | null | undefined;
  const moduleTags = new Map<string, string>();
  const tagsFor = (source: string) => {
    let tags = moduleTags.get(source);
    if (tags === undefined) {
      manifest ??= readManifest(webDist);
      const { scripts, styles } = manifest ? moduleFiles(manifest, source) : { scripts: [], styles: [] };
      tags =
        // `crossorigin` on both: Vite loads a lazy chunk's CSS and code in cors mode, and a preload is
        // used only by a request of the same mode.
        styles.map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`).join('') +
        scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`).join('');
      moduleTags.set(source, tags);
    }
    return tags;
  };

  // Without a fresh session cookie every read waits for clerk-js to get a token, which starts with
  // these: they are the page's critical path then. With one, they would only compete with the page's
  // own reads. `use-credentials`: clerk-js sends its cookies (`credentials: 'include'`).
  const clerkTags = clerkReads.map((url) => preloadFetch(url, 'crossorigin="use-credentials"')).join('');

  return (pathname, search, sessionToken) => {
    // With a fresh `__session` cookie the app's first reads go on it before clerk-js has loaded:
    // preloading them is what the app would do. Read, not verified: the api verifies the reads.
    const fresh = sessionTokenFresh(sessionToken, Date.now());
    const clerk = fresh ? '' : clerkTags;
    for (const page of PAGES) {
      const match = page.path.exec(pathname);
      if (!match) continue;
      const reads = fresh ? ['/api/me', ...page.reads(match.slice(1), search === '')] : [];
      // `crossorigin`: the same request mode and credentials as the app's `fetch`, or it is not reused.
      return (
        clerk +
        reads.map((url) => preloadFetch(url, 'crossorigin')).join('') +
        page.modules.map(tagsFor).join('')
      );
    }
    return clerk;
  };
}
