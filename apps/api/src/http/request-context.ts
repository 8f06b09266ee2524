import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../log.ts';
import type { AppEnv } from '../types.ts';
import { notFoundResponse } from './errors.ts';
import { isSuspiciousPath, rawPath } from './path-guard.ts';
import { responseParts } from './respond.ts';
import { applySecurityHeaders, SECURITY_HEADERS } from './security-headers.ts';

const CLIENT_REQUEST_ID = /^[\w-]{8,64}$/;

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * What every request goes through, as one middleware: a request id (`x-request-id`) and a child
 * logger; the path guard (tricks get a 404 before routing, auth or any upstream call); the security
 * headers, and `cache-control: no-store` on API answers that set none; one access-log line.
 */
export const requestContext = (
  logger: Logger,
  now: () => number,
  securityHeaders: Readonly<Record<string, string>> = SECURITY_HEADERS,
) => {
  const headerList = Object.entries(securityHeaders).map(([name, value]) => [name.toLowerCase(), value]);
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && CLIENT_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const path = rawPath(c);
    if (isSuspiciousPath(path)) c.res = notFoundResponse();
    else await next();
    const traceId = finishHeaders(c, requestId, headerList, securityHeaders);
    // The request's logger: `request_id`, and `user_id` once authenticated. The trace id is the one the
    // client was shown (errors print it), so support can find this line from it. One flat object of
    // one shape for every line (pino leaves an undefined `trace_id` out), no copy to add the trace id.
    log.info(
      {
        method: c.req.method,
        path,
        status: c.res.status,
        duration_ms: now() - started,
        trace_id: traceId ?? undefined,
      },
      'request',
    );
  });
};

/**
 * Adds the security headers, the request id and, on API paths, `cache-control: no-store` unless the
 * answer set its own; returns the answer's trace id. This is the one place headers are added after a
 * handler has answered, so an answer built with `respond` is re-issued with one plain header record.
 */
function finishHeaders(
  c: Context<AppEnv>,
  requestId: string,
  headerList: readonly string[][],
  securityHeaders: Readonly<Record<string, string>>,
): string | null {
  const api = isApiPath(c.req.path);
  const parts = responseParts(c.res);
  if (parts) {
    // Added in place (the record is this response's own): spreading into a fresh object with this
    // many keys costs V8 several µs.
    const headers = parts.headers;
    for (const [name = '', value = ''] of headerList) headers[name] = value;
    headers['x-request-id'] = requestId;
    if (api && headers['cache-control'] === undefined) headers['cache-control'] = 'no-store';
    // Replace, not assign over: Hono's setter would copy the old response's headers one by one.
    c.res = undefined;
    c.res = new Response(parts.body, { status: parts.status, headers });
    return headers['x-clerk-trace-id'] ?? null;
  }
  const headers = c.res.headers;
  applySecurityHeaders(headers, securityHeaders);
  headers.set('x-request-id', requestId);
  if (api && !headers.has('cache-control')) headers.set('cache-control', 'no-store');
  return headers.get('x-clerk-trace-id');
}
