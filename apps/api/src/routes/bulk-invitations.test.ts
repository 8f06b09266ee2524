import type { BulkJob, BulkJobList, OrganizationInvitationList } from '@invites/clerk-schema';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { type ApiClient, apiClient, freshRows as fresh, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { describeEachStore, openTestStore, type StoreKind } from '../test/test-stores.ts';

/** Polls `GET /api/bulk-invitations/:id` until the job is done or cancelled (or `until` holds). */
async function waitForJob(
  call: ApiClient,
  id: string,
  until: (job: BulkJob) => boolean = (job) => job.status === 'done' || job.status === 'cancelled',
): Promise<BulkJob> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = (await (await call('adminA', 'GET', `/api/bulk-invitations/${id}`)).json()) as BulkJob;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} ${JSON.stringify(job.counts)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function pendingIn(h: Harness, org: string, emails: string[]) {
  const ids = new Map<string, string>();
  for (const email of emails) {
    const res = await h.emulator(
      'GET',
      `/v1/organizations/${org}/invitations?status=pending&email_address=${encodeURIComponent(email)}`,
    );
    for (const inv of ((await res.json()) as OrganizationInvitationList).data) ids.set(email, inv.id);
  }
  return ids;
}

describeEachStore('bulk invitation jobs through the routes', (kind: StoreKind) => {
  let h: Harness;
  let store: Store;
  let call: ApiClient;

  beforeAll(async () => {
    store = await openTestStore(kind);
    h = await startHarness({}, { worker: true, store });
    call = apiClient(h, await signIn(h, ['adminA', 'staff']));
  });
  afterAll(async () => {
    await h.close();
    await store.close();
  });
  afterEach(async () => {
    await h.emulator('DELETE', '/__emulator/faults');
  });

  it('runs a job of 25 addresses to the end: every row invited with its Clerk invitation id, CSV to match', async () => {
    const rows = fresh(25);
    const created = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows,
      options: { expires_in_days: 7, notify: false },
    });
    expect(created.status).toBe(201);
    const job = (await created.json()) as BulkJob;
    expect(job).toMatchObject({ organization_id: h.orgA, created_by: h.userIds.adminA });
    expect(job.rows).toHaveLength(25);

    const done = await waitForJob(call, job.id);
    expect(done.counts).toEqual({ invited: 25, skipped: 0, failed: 0, pending: 0 });
    const inClerk = await pendingIn(
      h,
      h.orgA,
      rows.map((r) => r.email_address),
    );
    for (const row of done.rows) expect(row.invitation_id).toBe(inClerk.get(row.email_address));
    const sent = h.calls.filter((c) => c.path === `/v1/organizations/${h.orgA}/invitations/bulk`);
    expect(sent.at(-1)?.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ inviter_user_id: h.userIds.adminA, expires_in_days: 7, notify: false }),
      ]),
    );

    const csv = await call('adminA', 'GET', `/api/bulk-invitations/${job.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="bulk-invite-${job.id}.csv"`);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('line,email_address,role,outcome,invitation_id,code,message');
    expect(lines).toHaveLength(26);
    expect(lines[1]).toBe(`,${rows[0]?.email_address},org:member,invited,${done.rows[0]?.invitation_id},,`);

    const list = (await (
      await call('adminA', 'GET', `/api/organizations/${h.orgA}/bulk-invitations?limit=5`)
    ).json()) as BulkJobList;
    expect(list.data[0]).toMatchObject({ id: job.id, status: 'done', counts: done.counts });
    expect(list.data[0]).not.toHaveProperty('rows');
  });

  it('a paste with invalid, repeated, pending and member rows: job and CSV account for every line, Clerk gets the rest', async () => {
    const [a, b, c] = fresh(3).map((r) => r.email_address);
    await h.emulator('POST', `/v1/organizations/${h.orgA}/invitations`, {
      email_address: c,
      role: 'org:member',
    });
    const leftOut = (reason: string, message: string) => ({ reason, message });
    const rows = [
      { email_address: a, role: 'org:member', line: 1 },
      {
        email_address: 'Lovelace',
        role: 'org:member',
        line: 2,
        left_out: leftOut('invalid', 'This address is missing an @.'),
      },
      { email_address: b, role: 'org:admin', line: 2 },
      {
        email_address: a,
        role: 'org:member',
        line: 3,
        left_out: leftOut('duplicate', 'Duplicate of line 1.'),
      },
      {
        email_address: 'maya@acme.example',
        role: 'org:member',
        line: 4,
        left_out: leftOut('member', 'Already a member.'),
      },
      // The preview did not know this one was pending: Clerk says so, for this address alone.
      { email_address: c, role: 'org:member', line: 5 },
    ];
    const created = await call('adminA', 'POST', '/api/bulk-invitations', { organization_id: h.orgA, rows });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as BulkJob;
    const done = await waitForJob(call, id);
    expect(done.counts).toEqual({ invited: 2, skipped: 4, failed: 0, pending: 0 });
    expect(done.rows.map((r) => [r.line, r.email_address, r.outcome])).toEqual([
      [1, a, 'invited'],
      [2, 'Lovelace', 'skipped'],
      [2, b, 'invited'],
      [3, a, 'skipped'],
      [4, 'maya@acme.example', 'skipped'],
      [5, c, 'skipped'],
    ]);
    expect(done.rows[5]?.message).toBe(`There is already a pending invitation for ${c}.`);
    const sent = h.calls
      .filter((call_) => call_.path === `/v1/organizations/${h.orgA}/invitations/bulk`)
      .flatMap((call_) => (call_.body as { email_address: string }[]).map((item) => item.email_address));
    expect(sent).not.toContain('Lovelace');
    expect(sent).not.toContain('maya@acme.example');

    const csv = await (await call('adminA', 'GET', `/api/bulk-invitations/${id}/results.csv`)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[2]).toBe(
      '2,Lovelace,org:member,skipped,,form_param_format_invalid,This address is missing an @.',
    );
    expect(lines[4]).toBe(`3,${a},org:member,skipped,,duplicate_record,Duplicate of line 1.`);
  });

  it('cancelling a job waiting out a rate limit stops it; its unsent rows stay pending', async () => {
    await h.emulator('POST', '/__emulator/faults', {
      method: 'POST',
      path: '/v1/organizations/*/invitations/bulk',
      action: 'status',
      status: 429,
      retry_after: 30,
    });
    const created = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: fresh(12),
    });
    const { id } = (await created.json()) as BulkJob;
    await waitForJob(call, id, (j) => j.status === 'waiting_rate_limit');
    const cancel = await call('adminA', 'POST', `/api/bulk-invitations/${id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({
      id,
      status: 'cancelled',
      counts: { invited: 0, pending: 12 },
    });
    const again = await call('adminA', 'POST', `/api/bulk-invitations/${id}/cancel`);
    expect(await again.json()).toMatchObject({ status: 'cancelled' });
  });

  it('retrying a job whose rows failed on repeated 500s invites them once', async () => {
    await h.emulator('POST', '/__emulator/faults', {
      method: 'POST',
      path: '/v1/organizations/*/invitations/bulk',
      action: 'status',
      status: 500,
      count: 1000,
    });
    const rows = fresh(4);
    const created = await call('staff', 'POST', '/api/bulk-invitations', { organization_id: h.orgA, rows });
    const { id } = (await created.json()) as BulkJob;
    const failed = await waitForJob(call, id);
    expect(failed.counts).toMatchObject({ failed: 4, invited: 0 });
    await h.emulator('DELETE', '/__emulator/faults');

    const retry = await call('adminA', 'POST', `/api/bulk-invitations/${id}/retry`);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as BulkJob).counts.failed).toBe(0);
    const done = await waitForJob(call, id, (j) => j.status === 'done' && j.counts.invited === 4);
    const inClerk = await pendingIn(
      h,
      h.orgA,
      rows.map((r) => r.email_address),
    );
    expect(done.rows.map((r) => r.invitation_id)).toEqual(rows.map((r) => inClerk.get(r.email_address)));
  });
});
