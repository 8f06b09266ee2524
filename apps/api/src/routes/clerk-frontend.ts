import { clerkFrontendApiProxy } from '@clerk/backend/proxy';
import { clerkErrors } from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { ScriptStore } from '../clerk-frontend/pinned-scripts.ts';
import type { AppConfig } from '../config.ts';
import { errorResponse, notFoundResponse } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';

/** Where clerk-js reaches Clerk through our origin (`proxyUrl` of the SPA's ClerkProvider). */
export const CLERK_PROXY_PATH = '/__clerk';

const SCRIPT = /^\/npm\/(@clerk\/[a-z-]+)@([\w.-]+)\/dist\/([^/]+)$/;

/**
 * The code of a failure of the proxy itself (not an answer of Clerk's, which carries a trace id):
 * `proxy_request_failed` when the Frontend API is unreachable, `proxy_configuration_error` …
 */
async function proxyFailureCode(res: Response): Promise<string | null> {
  if (res.status < 500 || res.headers.has('x-clerk-trace-id')) return null;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { errors?: { code?: string }[] } | null;
  const code = body?.errors?.[0]?.code ?? '';
  return code.startsWith('proxy_') ? code : null;
}

/**
 * `/__clerk/*`: clerk-js's scripts from the pinned packages, and Clerk's Frontend API (`/v1/*`)
 * forwarded with `@clerk/backend/proxy` to the one instance configured: Clerk in production, the
 * emulator in the demo. Nothing else under the prefix is forwarded.
 */
export function clerkFrontendRoutes(config: AppConfig, scripts: ScriptStore) {
  const proxyOptions = {
    proxyPath: CLERK_PROXY_PATH,
    publishableKey: config.clerkPublishableKey,
    secretKey: config.clerkSecretKey,
    ...(config.clerkFapiUrl ? { fapiUrl: config.clerkFapiUrl } : {}),
  };

  return new Hono<AppEnv>()
    .get('/npm/*', async (c) => {
      const match = SCRIPT.exec(c.req.path.slice(CLERK_PROXY_PATH.length));
      if (!match) return notFoundResponse();
      const [, name = '', tag = '', file = ''] = match;
      const found = await scripts.get(name, tag, file, c.req.header('accept-encoding') ?? '');
      if (!found) {
        const served = scripts.packages.map((p) => `${p.name}@${p.version}`).join(', ');
        return errorResponse(clerkErrors.notFound(`Not served here: this console serves ${served}.`));
      }
      const headers: Record<string, string> = {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': found.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag: found.etag,
        vary: 'Accept-Encoding',
      };
      if (found.encoding) headers['content-encoding'] = found.encoding;
      if (c.req.header('if-none-match') === found.etag) return c.body(null, 304, headers);
      return c.body(found.body as Uint8Array<ArrayBuffer>, 200, headers);
    })
    .all('/v1/*', async (c) => {
      const res = await clerkFrontendApiProxy(c.req.raw, proxyOptions);
      const failure = await proxyFailureCode(res);
      if (failure === null) return res;
      if (failure !== 'proxy_request_failed') {
        c.get('log').error({ code: failure }, 'clerk frontend api proxy misconfigured');
        return errorResponse(clerkErrors.internal());
      }
      c.get('log').warn({ code: failure }, 'clerk frontend api unreachable');
      return errorResponse(
        clerkErrors.upstreamUnavailable(
          "Clerk's sign-in service could not be reached. Try again in a moment.",
        ),
      );
    })
    .all('*', () => notFoundResponse());
}
