import type { BulkJob, BulkJobList } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import {
  age,
  current,
  DAY_MS,
  freshEmail,
  invitation,
  organization,
  pendingTo,
  waitForJob,
} from '../test/lifecycle-fixtures.ts';

let h: Harness;
let call: ApiClient;
beforeAll(async () => {
  h = await startHarness({}, { worker: true });
  call = apiClient(h, await signIn(h, ['adminA', 'adminB', 'staff']));
});
afterAll(() => h.close());

const start = (persona: 'adminA' | 'adminB' | 'staff', org: string, body: unknown) =>
  call(persona, 'POST', `/api/organizations/${org}/invitation-jobs`, body);

/** An organization of the test's own with pending, expiring and expired invitations. */
async function seeded() {
  const org = await organization(h, 'Lifecycle Jobs');
  const make = (n: number, extra: Record<string, unknown> = {}) =>
    Promise.all(Array.from({ length: n }, () => invitation(h, org, freshEmail('job'), extra)));
  const pending = await make(4);
  const soon = await make(2, { expires_in_days: 2 });
  const expired = await make(5, { expires_in_days: 5 });
  await age(
    h,
    expired.map((i) => i.id),
    6 * DAY_MS,
  );
  return { org, pending, soon, expired };
}

describe('POST /api/organizations/:org/invitation-jobs', () => {
  it('re-issues every expired invitation of a filter, read from Clerk, through a reissue job', async () => {
    const { org, expired } = await seeded();
    const res = await start('staff', org, { kind: 'reissue', filter: { status: ['expired'] } });
    expect(res.status).toBe(201);
    const job = (await res.json()) as BulkJob;
    expect(job).toMatchObject({ kind: 'reissue', organization_id: org, counts: { pending: 5 } });
    expect(job.rows.map((r) => r.source_invitation_id).sort()).toEqual(expired.map((i) => i.id).sort());
    expect(job.rows.every((r) => r.email_address.endsWith('@lifecycle.example'))).toBe(true);

    const done = await waitForJob(call, 'staff', job.id);
    expect(done.counts).toEqual({ invited: 5, skipped: 0, failed: 0, pending: 0 });
    for (const row of done.rows) {
      const fresh = await current(h, org, row.invitation_id ?? '');
      expect(fresh).toMatchObject({ status: 'pending', email_address: row.email_address });
      expect(((fresh.expires_at ?? 0) - fresh.created_at) / DAY_MS).toBe(5);
    }
    const csv = await (await call('staff', 'GET', `/api/bulk-invitations/${job.id}/results.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe(
      'email_address,role,outcome,invitation_id,source_invitation_id,code,message',
    );
    expect(csv.trim().split('\r\n')).toHaveLength(6);
  });

  it('revokes every pending match but the excluded ones; the expiring filter takes the soonest only', async () => {
    const { org, pending, soon } = await seeded();
    const soonJob = (await (
      await start('staff', org, { kind: 'reissue', filter: { expires_within: 3 } })
    ).json()) as BulkJob;
    expect(soonJob.rows.map((r) => r.source_invitation_id).sort()).toEqual(soon.map((i) => i.id).sort());
    await waitForJob(call, 'staff', soonJob.id);

    const keep = pending[0]!;
    const res = await start('staff', org, {
      kind: 'revoke',
      filter: { status: ['pending', 'expired'] },
      exclude_invitation_ids: [keep.id],
    });
    expect(res.status).toBe(201);
    const job = (await res.json()) as BulkJob;
    // Pending only (a revoke acts on nothing else): the 3 others and the 2 re-issued expiring ones.
    expect(job.rows).toHaveLength(5);
    const done = await waitForJob(call, 'staff', job.id);
    expect(done.counts).toEqual({ invited: 0, skipped: 0, failed: 0, pending: 0, revoked: 5 });
    expect((await current(h, org, keep.id)).status).toBe('pending');
    for (const inv of pending.slice(1)) expect((await current(h, org, inv.id)).status).toBe('revoked');
  });

  it('starts from a selection of ids: each row learns its address when it runs', async () => {
    const email = freshEmail('picked');
    const picked = await invitation(h, h.orgA, email);
    const res = await start('adminA', h.orgA, { kind: 'revoke', invitation_ids: [picked.id, picked.id] });
    expect(res.status).toBe(201);
    const job = (await res.json()) as BulkJob;
    expect(job.rows).toEqual([
      expect.objectContaining({ email_address: '', source_invitation_id: picked.id }),
    ]);
    const done = await waitForJob(call, 'adminA', job.id);
    expect(done.rows[0]).toMatchObject({ outcome: 'revoked', email_address: email });
    expect(await pendingTo(h, h.orgA, email)).toEqual([]);
    const list = (await (
      await call('adminA', 'GET', `/api/organizations/${h.orgA}/bulk-invitations?kind=revoke&limit=50`)
    ).json()) as BulkJobList;
    expect(list.data.map((j) => j.id)).toContain(job.id);
    expect(list.data.every((j) => j.kind === 'revoke')).toBe(true);
  });

  it('says when nothing matches, refuses a bad body, and keeps org admins to their organizations', async () => {
    const org = await organization(h, 'Lifecycle Empty');
    const none = await start('staff', org, { kind: 'reissue', filter: { status: ['expired'] } });
    expect(none.status).toBe(422);
    expect(await none.json()).toMatchObject({ errors: [{ code: 'no_matching_invitations' }] });
    const accepted = await start('staff', org, { kind: 'revoke', filter: { status: ['accepted'] } });
    expect(accepted.status).toBe(422);
    expect((await start('adminA', h.orgA, { kind: 'revoke' })).status).toBe(422);
    expect((await start('adminA', h.orgA, { kind: 'invite', filter: {} })).status).toBe(422);
    expect((await start('adminA', h.orgB, { kind: 'revoke', filter: {} })).status).toBe(403);
    const before = h.calls.length;
    expect((await start('adminB', h.orgA, { kind: 'reissue', filter: {} })).status).toBe(403);
    expect(h.calls.length).toBe(before);
  });

  it('an org admin’s job never shows private metadata, though the new invitations carry it', async () => {
    const email = freshEmail('private');
    const old = await invitation(h, h.orgA, email, { private_metadata: { secret: 'kept' } });
    const res = await start('adminA', h.orgA, { kind: 'reissue', invitation_ids: [old.id] });
    const text = await res.text();
    expect(text).not.toContain('kept');
    const done = await waitForJob(call, 'adminA', (JSON.parse(text) as BulkJob).id);
    expect(JSON.stringify(done)).not.toContain('kept');
    const fresh = await current(h, h.orgA, done.rows[0]?.invitation_id ?? '');
    expect(fresh.private_metadata).toEqual({ secret: 'kept' });
  });
});
