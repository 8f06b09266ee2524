import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { clerkErrors, errorBody, newTraceId } from '@invites/clerk-schema';
import { errorResponse } from './http/errors.ts';
import { applySecurityHeaders, SECURITY_HEADERS } from './http/security-headers.ts';

export interface Listening {
  server: Server;
  /** `http://<host>:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `fetch` on a node http server. Request targets node-server refuses to parse (backslashes,
 * bad hosts) get the same 404 envelope as any unknown path.
 */
export function listen(
  fetch: (req: Request, env: unknown) => Response | Promise<Response>,
  options: { port: number; hostname?: string },
): Promise<Listening> {
  const listener = getRequestListener(fetch, {
    errorHandler: () => {
      const res = errorResponse(clerkErrors.notFound());
      applySecurityHeaders(res.headers);
      return res;
    },
  });
  const server = createServer({ keepAliveTimeout: 5_000 }, listener);
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1';
      resolve({
        server,
        port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Requests Node cannot parse (headers over 16 KB, malformed request lines or headers) get Clerk's
 * envelope and the security headers instead of Node's bare `400`/`431`, then the socket is closed.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const sent = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || sent) {
    socket.destroy();
    return;
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'); // as Node does
    return;
  }
  const failure =
    err.code === 'HPE_HEADER_OVERFLOW' ? clerkErrors.headersTooLarge() : clerkErrors.requestInvalid();
  const traceId = newTraceId();
  const body = JSON.stringify(errorBody(failure.errors, traceId));
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'x-clerk-trace-id': traceId,
    'cache-control': 'no-store',
    connection: 'close',
    ...SECURITY_HEADERS,
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${failure.status} ${failure.errors[0]?.message ?? 'Bad request'}\r\n${head.join('')}\r\n${body}`,
  );
}
