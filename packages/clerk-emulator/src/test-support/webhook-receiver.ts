import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookEventErrors } from '@invites/clerk-schema/spec/webhooks';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  event: { type: string; data: Record<string, unknown>; timestamp: number; instance_id: string };
  /** The signature recomputed by hand from the Standard Webhooks formula matched the header. */
  signatureValid: boolean;
}

/** `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the base64 part of `whsec_…`. */
export function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * A local webhook endpoint for tests: records every request, checks its signature by hand and its
 * body against Clerk's webhooks spec (`problems`), and answers `respond()`'s status (200 by default).
 */
export async function startWebhookReceiver(secret: string) {
  const received: ReceivedWebhook[] = [];
  const problems: string[] = [];
  const waiters: (() => void)[] = [];
  let respond: (hit: ReceivedWebhook) => number | Promise<number> = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const h = req.headers;
      const signature = expectedSignature(secret, String(h['svix-id']), String(h['svix-timestamp']), body);
      const hit: ReceivedWebhook = {
        headers: h,
        body,
        event: JSON.parse(body) as ReceivedWebhook['event'],
        signatureValid: h['svix-signature'] === signature,
      };
      for (const p of webhookEventErrors(hit.event)) problems.push(`${hit.event.type}: ${p}`);
      received.push(hit);
      for (const wake of waiters.splice(0)) wake();
      res.writeHead(await respond(hit), { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    problems,
    /** Sets how the endpoint answers each request from now on. */
    answer(fn: typeof respond) {
      respond = fn;
    },
    /** Resolves once `predicate` holds for what has been received (fails after `timeoutMs`). */
    async waitFor(predicate: (hits: ReceivedWebhook[]) => boolean, timeoutMs = 5_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`webhook receiver: condition not met; got ${received.length} requests`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    /** Events received of `type`. */
    ofType(type: string): ReceivedWebhook[] {
      return received.filter((r) => r.event.type === type);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
