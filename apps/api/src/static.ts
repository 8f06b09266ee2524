import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './types.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

const MISSING_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invitations Console</title></head>
<body><h1>Invitations Console</h1>
<p>The web app has not been built yet. Run <code>pnpm start</code> from the repository root (it builds the app, then starts the server), or <code>pnpm --filter @invites/web build</code>.</p>
<p>The API is running: <a href="/api/health">/api/health</a>.</p></body></html>
`;

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  // Build metadata such as `.vite/manifest.json` is for tooling, not for browsers.
  if (urlPath.split('/').some((segment) => segment.startsWith('.'))) return null;
  const target = resolve(root, `.${urlPath}`);
  if (target !== root && !target.startsWith(root + sep)) return null;
  const info = await stat(target).catch(() => null);
  return info?.isFile() ? target : null;
}

function fileResponse(body: Uint8Array, type: string, cacheControl: string): Response {
  return new Response(body, { headers: { 'content-type': type, 'cache-control': cacheControl } });
}

/**
 * Serves the built SPA: hashed `/assets/*` with a one-year immutable cache, other files and
 * index.html revalidated; extension-less client routes fall back to index.html, which gets
 * `headTags()` (run-time config) before `</head>`.
 */
export function spaRoutes(webDist: string, headTags: () => Promise<string> = async () => '') {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  const encoder = new TextEncoder();

  const serveIndex = async () => {
    const html = await readFile(index, 'utf8').catch(() => null);
    if (!html) return fileResponse(encoder.encode(MISSING_BUILD), TYPES['.html'] as string, NO_CACHE);
    const page = html.replace('</head>', `${await headTags()}</head>`);
    return fileResponse(encoder.encode(page), TYPES['.html'] as string, NO_CACHE);
  };

  return new Hono<AppEnv>().get('*', async (c) => {
    const path = new URL(c.req.url).pathname;
    if (path === '/' || path === '/index.html') return serveIndex();
    const file = await fileAt(root, path);
    if (file) {
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return fileResponse(await readFile(file), type, path.startsWith('/assets/') ? IMMUTABLE : NO_CACHE);
    }
    if (path.startsWith('/assets/') || extname(path).toLowerCase() in TYPES) {
      return c.text('Not found', 404, { 'cache-control': NO_CACHE });
    }
    return serveIndex();
  });
}
