import {
  ClerkErrorsSchema,
  clerkErrors,
  listOf,
  MembershipPublicUserData,
  normalizeEmail,
  OrganizationInvitation,
  OrganizationInvitationList,
} from '@invites/clerk-schema';
import { z } from 'zod';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';
import type { BulkUpstream, UpstreamFailure } from './upstream.ts';
import { UpstreamUnavailableError } from './upstream.ts';

// Failures that happen before a byte of the request leaves this process: Clerk cannot have acted.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function networkFailure(err: unknown): UpstreamFailure {
  const timedOut = err instanceof UpstreamError && err.kind === 'timeout';
  const { errors } = timedOut ? clerkErrors.upstreamTimeout() : clerkErrors.upstreamUnavailable();
  return { ok: false, status: 0, errors, ambiguous: !NOT_SENT.has(errorCode(err) ?? ''), traceId: null };
}

type Reply = { ok: true; body: unknown; traceId: string | null } | UpstreamFailure;

async function readReply(res: UpstreamResponse): Promise<Reply> {
  const header = res.header('x-clerk-trace-id') ?? null;
  const success = res.status >= 200 && res.status < 300;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch (err) {
    // A success we cannot read may still have created invitations: ambiguous.
    if (success) return { ...networkFailure(err), traceId: header };
  }
  const envelope = ClerkErrorsSchema.safeParse(body);
  const traceId = header ?? (envelope.success ? (envelope.data.clerk_trace_id ?? null) : null);
  if (success) return { ok: true, body, traceId };
  const retryAfter = Number(res.header('retry-after'));
  return {
    ok: false,
    status: res.status,
    errors: envelope.success ? envelope.data.errors : clerkErrors.internal().errors,
    ...(res.status === 429 && Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
    ambiguous: res.status >= 500,
    traceId,
  };
}

const unexpectedBody = (traceId: string | null): UpstreamFailure => ({
  ...networkFailure(new Error('unexpected body')),
  traceId,
});

// Only what the member check reads of a membership.
const MemberPage = listOf(z.object({ public_user_data: MembershipPublicUserData.optional() }));
/** Addresses per membership lookup (Clerk takes up to 100 `email_address` values). */
const MEMBER_LOOKUP = 100;

/**
 * The bulk runner's Clerk operations over the api's shared upstream client (one keep-alive pool, one
 * timeout policy). POSTs are never retried by the client; the runner decides what an unknown outcome means.
 */
export function createBulkUpstream(client: UpstreamClient): BulkUpstream {
  async function call(req: UpstreamRequest): Promise<Reply> {
    try {
      return await readReply(await client.send(req));
    } catch (err) {
      return networkFailure(err);
    }
  }
  const orgPath = (org: string) => `/v1/organizations/${encodeURIComponent(org)}/invitations`;

  async function oneInvitation(req: UpstreamRequest) {
    const reply = await call(req);
    if (!reply.ok) return reply;
    const invitation = OrganizationInvitation.safeParse(reply.body);
    if (!invitation.success) return unexpectedBody(reply.traceId);
    return { ok: true as const, invitation: invitation.data, traceId: reply.traceId };
  }

  return {
    async bulkCreate(org, items) {
      const reply = await call({ method: 'POST', path: `${orgPath(org)}/bulk`, body: items });
      if (!reply.ok) return reply;
      // Clerk answers with the list envelope; a bare array is accepted too.
      const list = OrganizationInvitationList.safeParse(reply.body);
      const bare = list.success ? null : z.array(OrganizationInvitation).safeParse(reply.body);
      const invitations = list.success ? list.data.data : bare?.success ? bare.data : null;
      if (!invitations) return unexpectedBody(reply.traceId);
      return { ok: true, invitations, traceId: reply.traceId };
    },
    createOne: (org, item) => oneInvitation({ method: 'POST', path: orgPath(org), body: item }),
    getInvitation: (org, id) =>
      oneInvitation({ method: 'GET', path: `${orgPath(org)}/${encodeURIComponent(id)}` }),
    revoke: (org, id, requestingUserId) =>
      oneInvitation({
        method: 'POST',
        path: `${orgPath(org)}/${encodeURIComponent(id)}/revoke`,
        body: { requesting_user_id: requestingUserId },
      }),
    async findMembers(org, emails) {
      const memberPage = async (addresses: readonly string[]) => {
        const query = new URLSearchParams({ limit: String(MEMBER_LOOKUP) });
        for (const email of addresses) query.append('email_address', email);
        const path = `/v1/organizations/${encodeURIComponent(org)}/memberships`;
        const reply = await call({ method: 'GET', path, query });
        if (!reply.ok) throw new UpstreamUnavailableError({ ...reply, ambiguous: false });
        const page = MemberPage.safeParse(reply.body);
        if (!page.success) throw new UpstreamUnavailableError(unexpectedBody(reply.traceId));
        return page.data;
      };
      const wanted = [...new Set(emails.map(normalizeEmail))];
      const members = new Set<string>();
      for (let i = 0; i < wanted.length; i += MEMBER_LOOKUP) {
        const batch = wanted.slice(i, i + MEMBER_LOOKUP);
        const page = await memberPage(batch);
        let elsewhere = 0;
        for (const { public_user_data: user } of page.data) {
          const identifier = user?.identifier ? normalizeEmail(user.identifier) : null;
          if (identifier && batch.includes(identifier)) members.add(identifier);
          else elsewhere += 1;
        }
        // A member matched by an address that is not their identifier: ask for the rest one by one.
        if (elsewhere === 0) continue;
        for (const email of batch.filter((e) => !members.has(e))) {
          if ((await memberPage([email])).total_count > 0) members.add(email);
        }
      }
      return members;
    },
    async findPending(org, emails) {
      const replies = await Promise.all(
        emails.map((email) =>
          call({
            method: 'GET',
            path: orgPath(org),
            query: new URLSearchParams({
              status: 'pending',
              email_address: normalizeEmail(email),
              limit: '10',
            }),
          }),
        ),
      );
      const wanted = new Set(emails.map(normalizeEmail));
      const found: OrganizationInvitation[] = [];
      for (const reply of replies) {
        if (!reply.ok) throw new UpstreamUnavailableError({ ...reply, ambiguous: false });
        const list = OrganizationInvitationList.safeParse(reply.body);
        if (!list.success) throw new UpstreamUnavailableError(unexpectedBody(reply.traceId));
        for (const inv of list.data.data) {
          if (inv.status === 'pending' && wanted.has(normalizeEmail(inv.email_address))) found.push(inv);
        }
      }
      return found;
    },
  };
}
