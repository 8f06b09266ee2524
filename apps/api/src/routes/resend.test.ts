import type { ActivityList, BulkJob, ResentInvitation } from '@invites/clerk-schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import {
  age,
  current,
  DAY_MS,
  fault,
  freshEmail,
  invitation,
  pendingTo,
  waitForJob,
} from '../test/lifecycle-fixtures.ts';

let h: Harness;
let call: ApiClient;
beforeAll(async () => {
  h = await startHarness({}, { worker: true });
  call = apiClient(h, await signIn(h, ['adminA', 'adminB', 'member', 'staff']));
});
afterAll(() => h.close());
afterEach(async () => {
  await h.emulator('DELETE', '/__emulator/faults');
});

const resend = (persona: 'adminA' | 'adminB' | 'member' | 'staff', org: string, id: string, body?: unknown) =>
  call(persona, 'POST', `/api/organizations/${org}/invitations/${id}/resend`, body);
const revokeCalls = (from: number) => h.calls.slice(from).filter((c) => c.path.endsWith('/revoke'));

describe('POST /api/organizations/:org/invitations/:inv/resend', () => {
  it('a pending invitation is revoked and created again with everything it carried; 201 names the old one', async () => {
    const email = freshEmail('pending');
    const old = await invitation(h, h.orgA, email, {
      role: 'org:admin',
      public_metadata: { team: 'blue' },
      private_metadata: { plan: 'gold' },
      redirect_url: 'https://app.example.com/welcome?from=invite',
      expires_in_days: 9,
    });
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as ResentInvitation;
    expect(fresh).toMatchObject({
      replaces: old.id,
      email_address: email,
      role: 'org:admin',
      status: 'pending',
      public_metadata: { team: 'blue' },
    });
    // Carried on the server for an org admin, and never shown to them.
    expect(fresh).not.toHaveProperty('private_metadata');
    const stored = await current(h, h.orgA, fresh.id);
    expect(stored.private_metadata).toEqual({ plan: 'gold' });
    expect(stored.url).toMatch(/^https:\/\/app\.example\.com\/welcome\?from=invite&__clerk_ticket=/);
    expect(((stored.expires_at ?? 0) - stored.created_at) / DAY_MS).toBe(9);
    expect((await current(h, h.orgA, old.id)).status).toBe('revoked');
    expect((await pendingTo(h, h.orgA, email)).map((i) => i.id)).toEqual([fresh.id]);

    await h.flushActivity();
    const log = (await (
      await call('adminA', 'GET', '/api/activity?action=invitation.resent&limit=100')
    ).json()) as ActivityList;
    expect(log.data.find((e) => e.detail.replaces === old.id)).toMatchObject({
      outcome: 'ok',
      email_addresses: [email],
      detail: { invitation_id: fresh.id },
    });
  });

  it('an expired invitation is only created again (no revoke), staff see its private metadata', async () => {
    const email = freshEmail('expired');
    const old = await invitation(h, h.orgB, email, { expires_in_days: 3, private_metadata: { seat: 7 } });
    await age(h, [old.id], 4 * DAY_MS);
    const before = h.calls.length;
    const res = await resend('staff', h.orgB, old.id);
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as ResentInvitation;
    expect(fresh).toMatchObject({ replaces: old.id, status: 'pending', private_metadata: { seat: 7 } });
    expect(((fresh.expires_at ?? 0) - fresh.created_at) / DAY_MS).toBe(3);
    expect(revokeCalls(before)).toEqual([]);
    expect((await current(h, h.orgB, old.id)).status).toBe('expired');
  });

  it('skips an address that became a member meanwhile, and says so; the invitation stays pending', async () => {
    const email = freshEmail('joined');
    const old = await invitation(h, h.orgA, email);
    const user = (await (await h.emulator('POST', '/v1/users', { email_address: [email] })).json()) as {
      id: string;
    };
    await h.emulator('POST', `/v1/organizations/${h.orgA}/memberships`, {
      user_id: user.id,
      role: 'org:member',
    });
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [
        {
          code: 'already_a_member_in_organization',
          long_message: `${email} is already a member of the organization; not resent.`,
        },
      ],
    });
    expect((await current(h, h.orgA, old.id)).status).toBe('pending');
  });

  it('skips an expired invitation whose address has a newer pending one', async () => {
    const email = freshEmail('twice');
    const old = await invitation(h, h.orgA, email, { expires_in_days: 1 });
    await age(h, [old.id], 2 * DAY_MS);
    const newer = await invitation(h, h.orgA, email);
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { code: string; long_message: string }[] };
    expect(body.errors[0]?.code).toBe('organization_invitation_not_unique');
    expect(body.errors[0]?.long_message).toContain(newer.id);
    expect((await pendingTo(h, h.orgA, email)).map((i) => i.id)).toEqual([newer.id]);
  });

  it('refuses an accepted or revoked invitation, another organization’s admin, a member, and an unknown id', async () => {
    const accepted = await invitation(h, h.orgA, freshEmail('accepted'));
    await h.emulator('POST', `/__emulator/invitations/${accepted.id}/accept`);
    const res = await resend('adminA', h.orgA, accepted.id);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [
        {
          code: 'organization_invitation_not_resendable',
          long_message: 'Only pending or expired invitations can be resent; this one is accepted.',
        },
      ],
    });
    const pending = await invitation(h, h.orgA, freshEmail('guarded'));
    expect((await resend('adminB', h.orgA, pending.id)).status).toBe(403);
    expect((await resend('member', h.orgA, pending.id)).status).toBe(403);
    expect((await resend('adminA', h.orgA, 'orginv_2NoSuchInvitation0000000000')).status).toBe(404);
    expect((await resend('adminA', h.orgA, pending.id, { role: 'org:admin' })).status).toBe(422);
    expect((await current(h, h.orgA, pending.id)).status).toBe('pending');
  });

  it('revoke worked, create failed (500): "revoked, not re-created", never silently; Retry creates it', async () => {
    const email = freshEmail('fault');
    const old = await invitation(h, h.orgA, email, { public_metadata: { keep: true } });
    await fault(h, {
      method: 'POST',
      path: '/v1/organizations/*/invitations/bulk',
      action: 'status',
      status: 500,
    });
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(502);
    const body = (await res.json()) as {
      errors: { code: string; long_message: string; meta: Record<string, string> }[];
    };
    const error = body.errors[0]!;
    expect(error.code).toBe('invitation_revoked_not_recreated');
    expect(error.long_message).toMatch(/^Revoked, not re-created: .*Retry to create it\.$/);
    expect(error.meta.invitation_id).toBe(old.id);
    expect((await current(h, h.orgA, old.id)).status).toBe('revoked');
    expect(await pendingTo(h, h.orgA, email)).toEqual([]);

    const jobId = error.meta.bulk_job_id!;
    const failed = (await (await call('adminA', 'GET', `/api/bulk-invitations/${jobId}`)).json()) as BulkJob;
    expect(failed).toMatchObject({ kind: 'reissue', counts: { failed: 1 } });
    expect((await call('adminA', 'POST', `/api/bulk-invitations/${jobId}/retry`)).status).toBe(200);
    const done = await waitForJob(call, 'adminA', jobId, (j) => j.counts.invited === 1);
    const now = await pendingTo(h, h.orgA, email);
    expect(now.map((i) => i.id)).toEqual([done.rows[0]?.invitation_id]);
    expect(now[0]?.public_metadata).toEqual({ keep: true });
  });

  it('a create whose answer is lost after Clerk made it (commit_then_drop) still answers 201, exactly once', async () => {
    const email = freshEmail('dropped');
    const old = await invitation(h, h.orgA, email);
    await fault(h, {
      method: 'POST',
      path: '/v1/organizations/*/invitations/bulk',
      action: 'commit_then_drop',
    });
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as ResentInvitation;
    expect((await pendingTo(h, h.orgA, email)).map((i) => i.id)).toEqual([fresh.id]);
  });

  it('a revoke whose answer is lost is confirmed, not repeated, and the new invitation made', async () => {
    const email = freshEmail('lost-revoke');
    const old = await invitation(h, h.orgA, email);
    await fault(h, {
      method: 'POST',
      path: '/v1/organizations/*/invitations/*/revoke',
      action: 'commit_then_drop',
    });
    const before = h.calls.length;
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(201);
    expect(revokeCalls(before)).toHaveLength(1);
    expect(await pendingTo(h, h.orgA, email)).toHaveLength(1);
  });

  it('Clerk’s rate limit on the create answers 202 with the job, which the worker finishes after Retry-After', async () => {
    const email = freshEmail('limited');
    const old = await invitation(h, h.orgA, email);
    await fault(h, {
      method: 'POST',
      path: '/v1/organizations/*/invitations/bulk',
      action: 'status',
      status: 429,
      retry_after: 1,
    });
    const res = await resend('adminA', h.orgA, old.id);
    expect(res.status).toBe(202);
    const job = (await res.json()) as BulkJob;
    expect(job).toMatchObject({ kind: 'reissue', status: 'waiting_rate_limit', counts: { pending: 1 } });
    const done = await waitForJob(call, 'adminA', job.id);
    expect(done.rows[0]).toMatchObject({ outcome: 'invited', source_invitation_id: old.id });
    expect(await pendingTo(h, h.orgA, email)).toHaveLength(1);
  });
});
