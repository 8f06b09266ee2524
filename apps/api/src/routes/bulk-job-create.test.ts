import type { BulkJob } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkJob } from '../bulk/job-repository.ts';
import { type ApiClient, apiClient, freshRows as fresh, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';

describe('creating bulk jobs', () => {
  let h: Harness;
  let call: ApiClient;
  const jobCount = async () => (await h.store.db.selectFrom('bulk_jobs').select('id').execute()).length;

  beforeAll(async () => {
    h = await startHarness();
    call = apiClient(h, await signIn(h, ['adminA', 'adminB', 'staff']));
  });
  afterAll(() => h.close());

  it('answers Clerk’s 404 for an unknown role, naming the first bad row, and creates no job', async () => {
    const before = await jobCount();
    const rows = [...fresh(2), { email_address: 'x@example.com', role: 'admin' }];
    const res = await call('adminA', 'POST', '/api/bulk-invitations', { organization_id: h.orgA, rows });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'resource_not_found', meta: { param_name: 'role', index: 2 } }],
    });
    expect(await jobCount()).toBe(before);
  });

  it('counts the index over every row, and checks neither the role nor the address of a left-out row', async () => {
    const leftOut = { reason: 'unknown_role', message: 'Unknown role "boss".' };
    const [a] = fresh(1);
    const ok = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: [{ email_address: 'not an address', role: 'boss', line: 1, left_out: leftOut }, a],
    });
    expect(ok.status).toBe(201);
    const job = (await ok.json()) as BulkJob;
    expect(job.counts).toMatchObject({ skipped: 1, pending: 1 });
    const entry = await h.store.db
      .selectFrom('activity')
      .select(['email_addresses', 'detail'])
      .where('action', '=', 'bulk_job.create')
      .where('detail', 'like', `%${job.id}%`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.email_addresses)).toEqual([a?.email_address]);
    expect(JSON.parse(entry.detail)).toMatchObject({ row_count: 2, left_out_rows: 1 });

    const bad = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: [
        { email_address: 'x', role: 'boss', left_out: leftOut },
        { email_address: 'y@example.com', role: 'boss' },
      ],
    });
    expect(await bad.json()).toMatchObject({ errors: [{ code: 'resource_not_found', meta: { index: 1 } }] });
  });

  it('refuses private_metadata on a row with 422 form_param_unknown', async () => {
    const rows = [{ ...fresh(1)[0], private_metadata: { a: 1 } }];
    const res = await call('adminA', 'POST', '/api/bulk-invitations', { organization_id: h.orgA, rows });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'form_param_unknown' }] });
  });

  it('stamps the inviter like create: the admin themself; staff only where they are admin, else none', async () => {
    const asAdmin = await call('adminA', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: fresh(1),
    });
    const asStaff = await call('staff', 'POST', '/api/bulk-invitations', {
      organization_id: h.orgA,
      rows: fresh(1),
    });
    const inviter = async (res: Response) => {
      const { id } = (await res.json()) as BulkJob;
      const row = await h.store.db
        .selectFrom('bulk_jobs')
        .select(['inviter_user_id', 'created_by', 'created_by_name'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row;
    };
    expect(await inviter(asAdmin)).toEqual({
      inviter_user_id: h.userIds.adminA,
      created_by: h.userIds.adminA,
      created_by_name: 'Ada Lovelace',
    });
    expect(await inviter(asStaff)).toMatchObject({ inviter_user_id: null, created_by: h.userIds.staff });
  });

  it('staff naming an organization that does not exist get Clerk’s 404 and no job', async () => {
    const before = await jobCount();
    const res = await call('staff', 'POST', '/api/bulk-invitations', {
      organization_id: 'org_2zzzzzzzzzzzzzzzzzzzzzzzzzz',
      rows: fresh(1),
    });
    expect(res.status).toBe(404);
    expect(await jobCount()).toBe(before);
  });

  it('accepts a paste of 20,000 rows (over the 1 MB default body limit)', async () => {
    const rows = fresh(20_000, 'big');
    const body = JSON.stringify({ organization_id: h.orgA, rows });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await call('adminA', 'POST', '/api/bulk-invitations', { organization_id: h.orgA, rows });
    expect(res.status).toBe(201);
    expect(((await res.json()) as BulkJob).counts.pending).toBe(20_000);
  });

  it('a job of another organization answers 404 exactly like a job that does not exist', async () => {
    const job = await createBulkJob(h.store, {
      organizationId: h.orgA,
      createdBy: h.userIds.adminA,
      inviterUserId: h.userIds.adminA,
      rows: fresh(1),
    });
    const missing = 'bulkjob_0123456789abcdef0123456789abcdef';
    for (const path of ['', '/results.csv', '/cancel', '/retry']) {
      const method = path === '/cancel' || path === '/retry' ? 'POST' : 'GET';
      const foreign = await call('adminB', method, `/api/bulk-invitations/${job.id}${path}`);
      const unknown = await call('adminB', method, `/api/bulk-invitations/${missing}${path}`);
      expect([foreign.status, unknown.status]).toEqual([404, 404]);
      const codes = [await foreign.json(), await unknown.json()].map(
        (b) => (b as { errors: { code: string }[] }).errors[0]?.code,
      );
      expect(codes).toEqual(['resource_not_found', 'resource_not_found']);
    }
    expect((await call('adminA', 'GET', `/api/bulk-invitations/${job.id}`)).status).toBe(200);
    const malformed = await call('adminA', 'GET', '/api/bulk-invitations/bulkjob_nope');
    expect(malformed.status).toBe(404);
    const foreignList = await call('adminB', 'GET', `/api/organizations/${h.orgA}/bulk-invitations`);
    expect(foreignList.status).toBe(403);
  });
});
