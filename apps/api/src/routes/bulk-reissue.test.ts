import type { ActivityList, BulkJob } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { current, freshEmail, invitation, pendingTo, waitForJob } from '../test/lifecycle-fixtures.ts';

// Issue 14's "Include rows that already have a pending invitation": such rows of a bulk invite are
// re-issued (the resend path) inside the same job, so its results account for every pasted line.

let h: Harness;
let call: ApiClient;
beforeAll(async () => {
  h = await startHarness({}, { worker: true });
  call = apiClient(h, await signIn(h, ['adminA']));
});
afterAll(() => h.close());

describe('a bulk invite that re-issues the pending invitations it was told to', () => {
  it('revokes and re-creates each pending one, invites the new addresses, one job, one result per line', async () => {
    const pendingEmail = freshEmail('again');
    const old = await invitation(h, h.orgA, pendingEmail, { public_metadata: { source: 'crm' } });
    const newcomer = freshEmail('new');
    const res = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: [
        { email_address: pendingEmail, role: 'org:member', line: 1, reissue_invitation_id: old.id },
        { email_address: newcomer, role: 'org:member', line: 2 },
      ],
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as BulkJob;
    expect(created.rows[0]).toMatchObject({ line: 1, source_invitation_id: old.id, outcome: 'pending' });
    const done = await waitForJob(call, 'adminA', created.id);
    expect(done.counts).toEqual({ invited: 2, skipped: 0, failed: 0, pending: 0 });
    const [again, fresh] = done.rows;
    expect(again).toMatchObject({ outcome: 'invited', source_invitation_id: old.id, line: 1 });
    expect(again?.invitation_id).not.toBe(old.id);
    expect(fresh).toMatchObject({ outcome: 'invited', line: 2 });
    expect((await current(h, h.orgA, old.id)).status).toBe('revoked');
    const now = await pendingTo(h, h.orgA, pendingEmail);
    expect(now.map((i) => [i.id, i.public_metadata])).toEqual([[again?.invitation_id, { source: 'crm' }]]);

    await h.flushActivity();
    const log = (await (
      await call('adminA', 'GET', `/api/activity?email_address=${encodeURIComponent(pendingEmail)}&limit=20`)
    ).json()) as ActivityList;
    expect(log.data.map((e) => e.action)).toContain('invitation.resent');
  });

  it('never re-issues an invitation that is not the row’s address', async () => {
    const other = await invitation(h, h.orgA, freshEmail('other'));
    const res = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: [{ email_address: freshEmail('claimed'), role: 'org:member', reissue_invitation_id: other.id }],
    });
    const done = await waitForJob(call, 'adminA', ((await res.json()) as BulkJob).id);
    expect(done.rows[0]).toMatchObject({ outcome: 'failed', code: 'form_param_value_invalid' });
    expect((await current(h, h.orgA, other.id)).status).toBe('pending');
  });

  it('refuses a left-out row that also asks to be re-issued', async () => {
    const res = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: [
        { email_address: freshEmail('x'), role: 'org:member' },
        {
          email_address: freshEmail('y'),
          role: 'org:member',
          left_out: { reason: 'pending', message: 'Already pending.' },
          reissue_invitation_id: 'orginv_2NoSuchInvitation0000000000',
        },
      ],
    });
    expect(res.status).toBe(422);
  });
});
