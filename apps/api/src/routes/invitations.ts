import {
  BulkCreateInvitationsBody,
  CreateInvitationBody,
  ListInstanceInvitationsQuery,
  ListOrganizationInvitationsQuery,
  ListPendingInvitationsQuery,
  RevokeInvitationBody,
} from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import { type AuditExtra, auditInvitationCall, type InvitationAction } from '../activity/audit.ts';
import { actingUserId, rejectPrivateMetadata } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { parseOrFail, queryValidator, readJsonBody } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import type { UpstreamRequest } from '../upstream/client.ts';
import { type RelayOutcome, relay } from '../upstream/relay.ts';
import { explainNotPending } from './explain-not-pending.ts';
import type { RouteDeps } from './route-deps.ts';

/** Validates a create body (one invitation) and stamps the inviter. */
function prepareInvitation(p: Principal, orgId: string, body: CreateInvitationBody): CreateInvitationBody {
  return { ...body, inviter_user_id: actingUserId(p, orgId, body.inviter_user_id) };
}

/** The JSON body of a create/bulk request; non-staff may not send private metadata. */
async function readInvitationBody(c: Context<AppEnv>): Promise<unknown> {
  const raw = await readJsonBody(c);
  if (!c.get('principal').isStaff) rejectPrivateMetadata(raw);
  return raw;
}

/** Clerk's seven invitation operations, scoped by the access rules. Mounted at `/api/v1`. */
export function invitationRoutes({ upstream, access, activity, recipients, expiring, store }: RouteDeps) {
  const orgScoped = access('org_manager');
  const instanceQuery = queryValidator(ListInstanceInvitationsQuery);
  const pendingQuery = queryValidator(ListPendingInvitationsQuery);
  const orgQuery = queryValidator(ListOrganizationInvitationsQuery);
  const strip = (p: Principal) => ({ strip: !p.isStaff });

  /**
   * Sends a change to Clerk and relays the answer; the call is audited and the bulk preview refreshed.
   * `explain` may replace a refusal with a fuller one and tell the audit what it learned.
   */
  async function sendAudited(
    c: Context<AppEnv>,
    req: UpstreamRequest,
    call: { action: InvitationAction; emailAddresses: string[]; detail?: Record<string, unknown> },
    explain?: (outcome: RelayOutcome) => Promise<{ response: Response; audit: AuditExtra } | null>,
  ): Promise<Response> {
    const org = c.req.param('org') ?? '';
    const audit = auditInvitationCall(c, activity, { ...call, organizationId: org });
    try {
      const res = await upstream.send(req);
      let observed: RelayOutcome | undefined;
      const response = await relay(res, {
        ...strip(c.get('principal')),
        observe: (outcome) => {
          observed = outcome;
        },
      });
      const explained = observed?.error && explain ? await explain(observed) : null;
      if (observed) audit.observe(observed, explained?.audit);
      return explained?.response ?? response;
    } catch (err) {
      audit.failed(err);
      throw err;
    } finally {
      recipients.forget(org);
      expiring.forget(org);
    }
  }

  return new Hono<AppEnv>()
    .get('/organization_invitations', access('staff'), async (c) => {
      const { search } = instanceQuery(c);
      const res = await upstream.send({ method: 'GET', path: '/v1/organization_invitations', query: search });
      return relay(res, { strip: false });
    })
    .get('/organizations/:org/invitations/pending', orgScoped, async (c) => {
      const { search } = pendingQuery(c);
      const path = `/v1/organizations/${c.req.param('org')}/invitations/pending`;
      const res = await upstream.send({ method: 'GET', path, query: search });
      return relay(res, strip(c.get('principal')));
    })
    .get('/organizations/:org/invitations/:inv', orgScoped, async (c) => {
      const path = `/v1/organizations/${c.req.param('org')}/invitations/${c.req.param('inv')}`;
      return relay(await upstream.send({ method: 'GET', path }), strip(c.get('principal')));
    })
    .get('/organizations/:org/invitations', orgScoped, async (c) => {
      const { search } = orgQuery(c);
      const path = `/v1/organizations/${c.req.param('org')}/invitations`;
      const res = await upstream.send({ method: 'GET', path, query: search });
      return relay(res, strip(c.get('principal')));
    })
    .post('/organizations/:org/invitations/bulk', orgScoped, async (c) => {
      const p = c.get('principal');
      const org = c.req.param('org');
      const items = parseOrFail(BulkCreateInvitationsBody, await readInvitationBody(c));
      const req: UpstreamRequest = {
        method: 'POST',
        path: `/v1/organizations/${org}/invitations/bulk`,
        body: items.map((item) => prepareInvitation(p, org, item)),
      };
      return sendAudited(c, req, {
        action: 'invitation.bulk_create',
        emailAddresses: items.map((item) => item.email_address),
      });
    })
    .post('/organizations/:org/invitations/:inv/revoke', orgScoped, async (c) => {
      const p = c.get('principal');
      const org = c.req.param('org');
      const body = parseOrFail(RevokeInvitationBody, (await readJsonBody(c)) ?? {});
      const inv = c.req.param('inv');
      const req: UpstreamRequest = {
        method: 'POST',
        path: `/v1/organizations/${org}/invitations/${inv}/revoke`,
        body: { ...body, requesting_user_id: actingUserId(p, org, body.requesting_user_id) },
      };
      // The address comes from Clerk's answer (the revoked invitation), or, when someone else settled it
      // first, from reading the invitation: the refusal then says what happened and who did it.
      return sendAudited(
        c,
        req,
        { action: 'invitation.revoke', emailAddresses: [], detail: { invitation_id: inv } },
        async (outcome) => {
          const explained = await explainNotPending({ upstream, store }, org, inv, outcome);
          if (!explained) return null;
          const { facts } = explained;
          return {
            response: explained.response,
            audit: {
              emailAddresses: [facts.email_address],
              detail: { invitation_status: facts.invitation_status },
            },
          };
        },
      );
    })
    .post('/organizations/:org/invitations', orgScoped, async (c) => {
      const p = c.get('principal');
      const org = c.req.param('org');
      const body = parseOrFail(CreateInvitationBody, (await readInvitationBody(c)) ?? {});
      const req: UpstreamRequest = {
        method: 'POST',
        path: `/v1/organizations/${org}/invitations`,
        body: prepareInvitation(p, org, body),
      };
      return sendAudited(c, req, { action: 'invitation.create', emailAddresses: [body.email_address] });
    });
}
