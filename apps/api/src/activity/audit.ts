import { normalizeEmail } from '@invites/clerk-schema';
import type { Context } from 'hono';
import { type Principal, primaryEmail } from '../auth/principal.ts';
import type { AppEnv } from '../types.ts';
import { UpstreamError } from '../upstream/errors.ts';
import type { RelayOutcome } from '../upstream/relay.ts';
import type { ActivityRecorder } from './activity-recorder.ts';

/** How the activity log names a user: "First Last", else their primary email, else null. */
export function actorName(p: Principal): string | null {
  const name = [p.user.first_name, p.user.last_name].filter((part) => part?.trim()).join(' ');
  return name || primaryEmail(p.user);
}

export type InvitationAction = 'invitation.create' | 'invitation.bulk_create' | 'invitation.revoke';

/** What the route learned after Clerk answered (the address of an invitation a revoke found settled). */
export interface AuditExtra {
  emailAddresses?: string[];
  detail?: Record<string, unknown>;
}

export interface InvitationAudit {
  /** Records Clerk's answer (what `relay` observed), with anything learned since. */
  observe(outcome: RelayOutcome, extra?: AuditExtra): void;
  /** The call failed before Clerk answered (network, timeout, unreadable answer). */
  failed(err: unknown): void;
}

function outcomeOfFailure(err: unknown): string {
  if (err instanceof UpstreamError)
    return err.kind === 'timeout' ? 'upstream_timeout' : 'upstream_unavailable';
  return 'internal_error';
}

/**
 * The invitation id and address of a single-invitation answer, or the ids of a bulk answer's
 * invitations: they name the changes Clerk's webhooks will report again (see activity-log.ts).
 */
function fromBody(body: unknown): {
  invitation_id?: string;
  invitation_ids?: string[];
  email_address?: string;
} {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const { id, email_address, data } = body as { id?: unknown; email_address?: unknown; data?: unknown };
  const ids = Array.isArray(data)
    ? data
        .map((item) => (item as { id?: unknown } | null)?.id)
        .filter((v): v is string => typeof v === 'string')
    : [];
  return {
    ...(typeof id === 'string' ? { invitation_id: id } : {}),
    ...(ids.length > 0 ? { invitation_ids: ids } : {}),
    ...(typeof email_address === 'string' ? { email_address } : {}),
  };
}

/**
 * Audit entry for one Clerk call made through the `/api/v1` invitation routes: who, which organization
 * and addresses, Clerk's status, error code (or `ok`) and trace id. Written off the request path.
 */
export function auditInvitationCall(
  c: Context<AppEnv>,
  recorder: ActivityRecorder,
  call: {
    action: InvitationAction;
    organizationId: string;
    emailAddresses: readonly string[];
    detail?: Record<string, unknown>;
  },
): InvitationAudit {
  const p = c.get('principal');
  const log = c.get('log');
  const base = {
    action: call.action,
    actor_id: p.userId,
    actor_name: actorName(p),
    organization_id: call.organizationId,
  };
  const emails = call.emailAddresses.map(normalizeEmail);
  return {
    observe(outcome, extra = {}) {
      const { email_address, ...found } = fromBody(outcome.body);
      const learned = extra.emailAddresses?.map(normalizeEmail) ?? [];
      recorder.record(
        {
          ...base,
          email_addresses:
            emails.length > 0 ? emails : email_address ? [normalizeEmail(email_address)] : learned,
          outcome: outcome.error?.code ?? 'ok',
          clerk_trace_id: outcome.traceId,
          detail: { ...call.detail, ...found, ...extra.detail, status: outcome.status },
        },
        log,
      );
    },
    failed(err) {
      recorder.record(
        {
          ...base,
          email_addresses: emails,
          outcome: outcomeOfFailure(err),
          clerk_trace_id: null,
          detail: { ...call.detail },
        },
        log,
      );
    },
  };
}
