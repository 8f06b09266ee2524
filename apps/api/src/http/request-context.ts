import { createMiddleware } from 'hono/factory';
import type { Logger } from '../log.ts';
import type { AppEnv } from '../types.ts';
import { rawPath } from './path-guard.ts';

const CLIENT_REQUEST_ID = /^[\w-]{8,64}$/;

/** Gives each request an id (`x-request-id`), a child logger, and one access log line. */
export const requestContext = (logger: Logger, now: () => number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && CLIENT_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    // The trace id the client was shown (errors print it), so support can find this line from it.
    const traceId = c.res.headers.get('x-clerk-trace-id');
    log.info('request', {
      method: c.req.method,
      path: rawPath(c),
      status: c.res.status,
      duration_ms: now() - started,
      ...(traceId ? { trace_id: traceId } : {}),
      ...(c.get('principal') ? { user_id: c.get('principal').userId } : {}),
    });
  });
