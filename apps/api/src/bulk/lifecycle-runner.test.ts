import type { OrganizationInvitation } from '@invites/clerk-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../activity/activity-log.ts';
import type { Store } from '../store/create-store.ts';
import { FAST_SETTINGS, waitForJob } from '../test/bulk-helpers.ts';
import { FakeUpstream } from '../test/fake-upstream.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { createInvitationJob } from './invitation-job-repository.ts';
import { retryFailedRows } from './job-commands.ts';
import { type BulkWorker, startBulkWorker } from './worker.ts';

const ORG = 'org_lifecycle';
const ADMIN = 'user_admin';
const DAY = 86_400_000;

describeEachStore('reissue and revoke jobs (fake Clerk)', (kind) => {
  let store: Store;
  let clerk: FakeUpstream;
  let worker: BulkWorker | null;

  beforeEach(async () => {
    store = await openTestStore(kind);
    clerk = new FakeUpstream();
    worker = null;
  });
  afterEach(async () => {
    await worker?.stop();
    await store.close();
  });

  const start = (overrides: Record<string, number> = {}) => {
    worker = startBulkWorker({ store, upstream: clerk, workerId: 'w1', ...FAST_SETTINGS, ...overrides });
  };
  /** An invitation as Clerk holds it; `expired` moves it past its expiry. */
  async function invitation(email: string, extra: { expired?: boolean; days?: number } = {}) {
    const created = await clerk.createOne(ORG, {
      email_address: email,
      role: 'org:admin',
      public_metadata: { team: 'blue' },
      private_metadata: { plan: 'gold' },
      redirect_url: 'https://app.example.com/welcome',
      expires_in_days: extra.days ?? 14,
    });
    if (!created.ok) throw new Error('fake create failed');
    const inv = clerk.invitations.find((i) => i.id === created.invitation.id)!;
    if (extra.expired) inv.status = 'expired';
    return inv;
  }
  const job = (kind: 'reissue' | 'revoke', invitations: OrganizationInvitation[]) =>
    createInvitationJob(store, {
      kind,
      organizationId: ORG,
      createdBy: ADMIN,
      createdByName: 'Ada Admin',
      inviterUserId: ADMIN,
      targets: invitations.map((i) => ({ invitation_id: i.id })),
    });
  const activity = async (action: string) =>
    (
      await listActivity(
        store,
        { action, since: 0, until: Number.MAX_SAFE_INTEGER, limit: 500, offset: 0 },
        { all: true },
      )
    ).data;

  describe('revoke', () => {
    it('revokes every pending invitation, learns each address, and logs each one', async () => {
      const targets = await Promise.all(Array.from({ length: 12 }, (_, i) => invitation(`r${i}@x.example`)));
      const { id } = await job('revoke', targets);
      start();
      const done = await waitForJob(store, id);
      expect(done.counts).toEqual({ invited: 0, skipped: 0, failed: 0, pending: 0, revoked: 12 });
      expect(done.rows[3]).toMatchObject({
        email_address: 'r3@x.example',
        outcome: 'revoked',
        invitation_id: targets[3]!.id,
        source_invitation_id: targets[3]!.id,
      });
      expect(clerk.invitations.every((i) => i.status === 'revoked')).toBe(true);
      const entries = await activity('invitation.revoke');
      expect(entries).toHaveLength(12);
      expect(entries[0]).toMatchObject({ outcome: 'ok', actor_id: ADMIN, detail: { bulk_job_id: id } });
    });

    it('skips what is no longer pending with the reason, and fails an unknown invitation', async () => {
      const accepted = await invitation('acc@x.example');
      accepted.status = 'accepted';
      const gone = await invitation('gone@x.example');
      gone.status = 'revoked';
      const { id } = await job('revoke', [
        accepted,
        gone,
        { ...accepted, id: 'orginv_2NotThere000000000000000000' } as OrganizationInvitation,
      ]);
      start();
      const done = await waitForJob(store, id);
      expect(done.rows.map((r) => [r.outcome, r.message])).toEqual([
        ['skipped', 'Already accepted; not revoked.'],
        ['skipped', 'Already revoked; not revoked.'],
        ['failed', 'No invitation orginv_2NotThere000000000000000000 was found in this organization.'],
      ]);
    });

    it('a revoke whose answer was lost is confirmed, not sent twice; a 429 waits', async () => {
      const targets = [await invitation('lost@x.example'), await invitation('slow@x.example')];
      clerk.revokeFaults.push('commit_then_drop', 'rate_limit');
      const { id } = await job('revoke', targets);
      start();
      const done = await waitForJob(store, id);
      expect(done.counts.revoked).toBe(2);
      expect(clerk.calls.filter((c) => c === 'revoke')).toHaveLength(3);
    });
  });

  describe('reissue', () => {
    it('revokes a pending invitation and creates it again; an expired one is only created', async () => {
      const pending = await invitation('pending@x.example', { days: 7 });
      const expired = await invitation('expired@x.example', { days: 21, expired: true });
      const { id } = await job('reissue', [pending, expired]);
      start();
      const done = await waitForJob(store, id);
      expect(done.counts).toEqual({ invited: 2, skipped: 0, failed: 0, pending: 0 });
      expect(clerk.calls.filter((c) => c === 'revoke')).toHaveLength(1);
      expect(pending.status).toBe('revoked');
      for (const [old, days] of [
        [pending, 7],
        [expired, 21],
      ] as const) {
        const row = done.rows.find((r) => r.source_invitation_id === old.id)!;
        const fresh = clerk.invitations.find((i) => i.id === row.invitation_id)!;
        expect(fresh).toMatchObject({
          status: 'pending',
          email_address: old.email_address,
          role: 'org:admin',
          inviter_id: ADMIN,
          public_metadata: { team: 'blue' },
          private_metadata: { plan: 'gold' },
          url: 'https://app.example.com/welcome?__clerk_ticket=t&__clerk_status=sign_up',
        });
        expect(((fresh.expires_at ?? 0) - fresh.created_at) / DAY).toBe(days);
      }
      const entries = await activity('invitation.resent');
      expect(entries.map((e) => e.detail.replaces).sort()).toEqual([pending.id, expired.id].sort());
      expect(entries.every((e) => e.outcome === 'ok' && typeof e.detail.invitation_id === 'string')).toBe(
        true,
      );
    });

    it('skips a member, a newer pending invitation and an accepted one, and says why', async () => {
      const member = await invitation('member@x.example', { expired: true });
      clerk.members.add('member@x.example');
      const older = await invitation('twice@x.example', { expired: true });
      const newer = await invitation('twice@x.example');
      const accepted = await invitation('done@x.example');
      accepted.status = 'accepted';
      const { id } = await job('reissue', [member, older, accepted]);
      start();
      const done = await waitForJob(store, id);
      expect(done.rows.map((r) => [r.outcome, r.code, r.message])).toEqual([
        [
          'skipped',
          'already_a_member_in_organization',
          'member@x.example is already a member of the organization; not resent.',
        ],
        [
          'skipped',
          'organization_invitation_not_unique',
          `twice@x.example already has a newer pending invitation (${newer.id}); not resent.`,
        ],
        ['skipped', 'organization_invitation_not_pending', 'Already accepted; not resent.'],
      ]);
      expect(clerk.calls).not.toContain('revoke');
      expect(clerk.calls.some((c) => c.startsWith('bulk'))).toBe(false);
    });

    it('a revoke that worked and a create that kept failing ends "revoked, not re-created"; Retry creates it', async () => {
      const pending = await invitation('fragile@x.example');
      clerk.faults.push('server_error', 'server_error');
      const { id } = await job('reissue', [pending]);
      start({ maxFailures: 2 });
      const failed = await waitForJob(store, id);
      expect(failed.rows[0]).toMatchObject({
        outcome: 'failed',
        code: 'invitation_revoked_not_recreated',
        message: expect.stringMatching(/^Revoked, not re-created: .* Retry to create it\.$/),
      });
      expect(pending.status).toBe('revoked');
      const logged = await activity('invitation.resent');
      expect(logged).toMatchObject([{ outcome: 'invitation_revoked_not_recreated' }]);

      await retryFailedRows(store, id);
      worker?.wake();
      const retried = await waitForJob(store, id, 5_000, (j) => j.counts.invited === 1);
      expect(clerk.calls.filter((c) => c === 'revoke')).toHaveLength(1);
      expect(clerk.pending('fragile@x.example')?.id).toBe(retried.rows[0]?.invitation_id);
    });

    it('a create or a revoke whose answer was lost is confirmed: one new invitation, one revoke', async () => {
      const a = await invitation('a@x.example');
      const b = await invitation('b@x.example');
      clerk.revokeFaults.push('commit_then_drop');
      clerk.faults.push('commit_then_drop');
      const { id } = await job('reissue', [a, b]);
      start();
      const done = await waitForJob(store, id);
      expect(done.counts.invited).toBe(2);
      expect(clerk.calls.filter((c) => c === 'revoke')).toHaveLength(2);
      for (const email of ['a@x.example', 'b@x.example']) {
        expect(
          clerk.invitations.filter((i) => i.email_address === email && i.status === 'pending'),
        ).toHaveLength(1);
      }
    });
  });
});
