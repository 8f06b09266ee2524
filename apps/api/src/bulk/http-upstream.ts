import {
  ClerkErrorsSchema,
  clerkErrors,
  normalizeEmail,
  OrganizationInvitation,
  OrganizationInvitationList,
} from '@invites/clerk-schema';
import { Agent, type Dispatcher, request } from 'undici';
import { z } from 'zod';
import type { BulkUpstream, UpstreamFailure } from './upstream.ts';
import { UpstreamUnavailableError } from './upstream.ts';

export interface HttpUpstreamOptions {
  /** Clerk's API origin, e.g. `https://api.clerk.com` (paths get `/v1/…`). */
  apiUrl: string;
  secretKey: string;
  /** Per-request timeout; a timed-out POST is treated as ambiguous. */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

// Failures that happen before a byte of the request leaves this process: Clerk cannot have acted.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function networkFailure(err: unknown): UpstreamFailure {
  const code =
    (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code;
  const name = (err as { name?: string }).name;
  const timedOut = name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT';
  const { errors } = timedOut ? clerkErrors.upstreamTimeout() : clerkErrors.upstreamUnavailable();
  return { ok: false, status: 0, errors, ambiguous: !NOT_SENT.has(code ?? ''), traceId: null };
}

type Reply = { ok: true; body: unknown; traceId: string | null } | UpstreamFailure;

/** The bulk runner's Clerk client over undici, with a per-request timeout. */
export function createHttpUpstream(options: HttpUpstreamOptions): BulkUpstream & { close(): Promise<void> } {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const ownDispatcher = options.dispatcher ? null : new Agent({ keepAliveTimeout: 4_000 });
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  const base = options.apiUrl.replace(/\/+$/, '');

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    let res: Dispatcher.ResponseData;
    let text: string;
    try {
      res = await request(`${base}${path}`, {
        method,
        dispatcher,
        headers: {
          authorization: `Bearer ${options.secretKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.body.text();
    } catch (err) {
      return networkFailure(err);
    }
    const header = res.headers['x-clerk-trace-id'];
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const envelope = ClerkErrorsSchema.safeParse(parsed);
    const traceId =
      (typeof header === 'string' ? header : null) ??
      (envelope.success ? (envelope.data.clerk_trace_id ?? null) : null);
    if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true, body: parsed, traceId };
    const retryAfter = Number(res.headers['retry-after']);
    return {
      ok: false,
      status: res.statusCode,
      errors: envelope.success ? envelope.data.errors : clerkErrors.internal().errors,
      ...(res.statusCode === 429 && Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
      ambiguous: res.statusCode >= 500,
      traceId,
    };
  }

  const orgPath = (org: string) => `/v1/organizations/${encodeURIComponent(org)}/invitations`;

  return {
    async bulkCreate(org, items) {
      const reply = await call('POST', `${orgPath(org)}/bulk`, items);
      if (!reply.ok) return reply;
      // Clerk answers with the list envelope; a bare array is accepted too.
      const list = OrganizationInvitationList.safeParse(reply.body);
      const bare = list.success ? null : z.array(OrganizationInvitation).safeParse(reply.body);
      const invitations = list.success ? list.data.data : bare?.success ? bare.data : null;
      // A success we cannot read may still have created invitations: ambiguous.
      if (!invitations) return { ...networkFailure(new Error('unexpected body')), traceId: reply.traceId };
      return { ok: true, invitations, traceId: reply.traceId };
    },
    async createOne(org, item) {
      const reply = await call('POST', orgPath(org), item);
      if (!reply.ok) return reply;
      const invitation = OrganizationInvitation.safeParse(reply.body);
      if (!invitation.success)
        return { ...networkFailure(new Error('unexpected body')), traceId: reply.traceId };
      return { ok: true, invitation: invitation.data, traceId: reply.traceId };
    },
    async findPending(org, emails) {
      const replies = await Promise.all(
        emails.map((email) => {
          const qs = new URLSearchParams({
            status: 'pending',
            email_address: normalizeEmail(email),
            limit: '10',
          });
          return call('GET', `${orgPath(org)}?${qs}`);
        }),
      );
      const wanted = new Set(emails.map(normalizeEmail));
      const found: OrganizationInvitation[] = [];
      for (const reply of replies) {
        if (!reply.ok) throw new UpstreamUnavailableError({ ...reply, ambiguous: false });
        const list = OrganizationInvitationList.safeParse(reply.body);
        if (!list.success) throw new UpstreamUnavailableError(networkFailure(new Error('unexpected body')));
        for (const inv of list.data.data) {
          if (inv.status === 'pending' && wanted.has(normalizeEmail(inv.email_address))) found.push(inv);
        }
      }
      return found;
    },
    async close() {
      await ownDispatcher?.close();
    },
  };
}
