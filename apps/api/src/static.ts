import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import type { AppEnv } from './types.ts';

/** Extensions of files the build emits: a missing one is a 404, not the SPA. */
const ASSET_EXTENSIONS = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.png',
  '.jpg',
  '.ico',
  '.webp',
  '.woff',
  '.woff2',
  '.txt',
  '.webmanifest',
]);
const HTML = 'text/html; charset=utf-8';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

const MISSING_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invitations Console</title></head>
<body><h1>Invitations Console</h1>
<p>The web app has not been built yet. Run <code>pnpm start</code> from the repository root (it builds the app, then starts the server), or <code>pnpm --filter @invites/web build</code>.</p>
<p>The API is running: <a href="/api/health">/api/health</a>.</p></body></html>
`;

function fileResponse(body: Uint8Array, type: string, cacheControl: string): Response {
  return new Response(body, { headers: { 'content-type': type, 'cache-control': cacheControl } });
}

/**
 * Serves the built SPA: files with Hono's `serveStatic` (precompressed), hashed `/assets/*` with a one-year immutable
 * cache and the rest revalidated; index.html at `/` and for extension-less client routes, with
 * `headTags(c)` (run-time config, the page's first-load hints) before `</head>`.
 */
export function spaRoutes(
  webDist: string,
  headTags: (c: Context<AppEnv>) => Promise<string> = async () => '',
) {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  const encoder = new TextEncoder();

  const serveIndex = async (c: Context<AppEnv>) => {
    const html = await readFile(index, 'utf8').catch(() => null);
    if (!html) return fileResponse(encoder.encode(MISSING_BUILD), HTML, NO_CACHE);
    const page = html.replace('</head>', `${await headTags(c)}</head>`);
    return fileResponse(encoder.encode(page), HTML, NO_CACHE);
  };
  const notFound = (c: Context) => c.text('Not found', 404, { 'cache-control': NO_CACHE });

  return (
    new Hono<AppEnv>()
      .get('/', serveIndex)
      .get('/index.html', serveIndex)
      .get('*', async (c, next) => {
        // Build metadata such as `.vite/manifest.json` is for tooling, not for browsers.
        if (c.req.path.split('/').some((segment) => segment.startsWith('.'))) return notFound(c);
        // For the file serveStatic may answer with (it takes the headers set before it).
        c.header('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : NO_CACHE);
        await next();
        return c.res;
      })
      // The build writes each script and stylesheet also as .br and .gz (vite.config.ts): sent to the
      // browsers that take them, so a first visit downloads a third of the bytes.
      .get('*', serveStatic({ root, precompressed: true }))
      .get('*', async (c) => {
        const path = c.req.path;
        if (path.startsWith('/assets/') || ASSET_EXTENSIONS.has(extname(path).toLowerCase()))
          return notFound(c);
        return serveIndex(c);
      })
  );
}
