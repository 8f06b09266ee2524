import { setTimeout as sleep } from 'node:timers/promises';
import type { ClerkFailure } from '@invites/clerk-schema';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/app-env.ts';
import { sendFailure } from '../http/respond.ts';
import type { Fault, FaultRegistry } from './fault-registry.ts';

/** Thrown when a connection must be dropped but there is no socket (in-process `app.fetch`). */
export class ConnectionDroppedError extends Error {
  constructor() {
    super('clerk-emulator: connection dropped by an injected fault');
    this.name = 'ConnectionDroppedError';
  }
}

const CODES: Record<number, [string, string]> = {
  429: ['too_many_requests', 'Too many requests, retry later'],
  500: ['internal_clerk_error', 'There was an internal error on our servers. Please try again later.'],
  502: ['bad_gateway', 'The server received an invalid response from an upstream server.'],
  503: ['service_unavailable', 'The service is temporarily unavailable. Please try again later.'],
  504: ['gateway_timeout', 'The server did not answer in time.'],
};

function faultFailure(fault: Fault, status: number): ClerkFailure {
  const [code, longMessage] = CODES[status] ?? ['emulated_fault', `An injected fault answered ${status}.`];
  return {
    status,
    errors: [{ code, message: code.replaceAll('_', ' '), long_message: longMessage }],
    ...(fault.retry_after !== undefined ? { headers: { 'Retry-After': String(fault.retry_after) } } : {}),
  };
}

function nonJson(c: Context<AppEnv>, fault: Fault, status: number): Response {
  const html = `<html><head><title>${status}</title></head><body><h1>${status} Service Error</h1></body></html>`;
  return c.body(html, status as ContentfulStatusCode, {
    'Content-Type': 'text/html',
    ...(fault.retry_after !== undefined ? { 'Retry-After': String(fault.retry_after) } : {}),
  });
}

/** Destroys the client's socket; without one (in-process), throws so `app.fetch` rejects like a network error. */
function dropConnection(c: Context<AppEnv>): Response {
  const socket = c.env?.incoming?.socket;
  if (!socket) throw new ConnectionDroppedError();
  socket.destroy();
  return c.body(null, 500);
}

/** Answers requests matching an injected fault the way the fault says (see README, "Faults"). */
export function injectFaults(registry: FaultRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const fault = registry.take(c.req.method, c.req.path);
    if (!fault) return next();
    if (fault.delay_ms > 0) await sleep(fault.delay_ms);
    switch (fault.action) {
      case 'delay':
        return next();
      case 'status':
        return sendFailure(c, faultFailure(fault, fault.status ?? 503));
      case 'non_json':
        return nonJson(c, fault, fault.status ?? 503);
      case 'reset':
        return dropConnection(c);
      case 'commit_then_drop':
        await next();
        return dropConnection(c);
    }
  });
}
