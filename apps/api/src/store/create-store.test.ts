import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../activity/activity-log.ts';
import { getBulkJob } from '../bulk/job-repository.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { createStore, type Store } from './create-store.ts';
import { migrateTo, migrateToLatest } from './migrations.ts';

describeEachStore('store', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(async () => {
    await store.close();
  });

  it('creates the bulk job, row and activity tables', async () => {
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'bulk_jobs',
        'bulk_job_rows',
        'activity',
        'webhook_events',
        'invitation_outcomes',
        'activity_changes',
        'store_meta',
      ]),
    );
  });

  it('running the migrations again changes nothing', async () => {
    expect(await migrateToLatest(store.db as never, store.schema)).toEqual([]);
  });

  it('upgrading from 0001 keeps old activity rows, with no actor name', async () => {
    const db = store.db as never;
    await migrateTo(db, '0001_bulk_jobs_and_activity', store.schema);
    await sql`insert into activity (id, action, actor_id, organization_id, email_addresses, outcome, clerk_trace_id, detail, created_at)
      values ('old', 'invitation.create', 'u', 'org_a', '["a@x.com"]', 'ok', null, '{}', 1)`.execute(
      store.db,
    );
    expect(await migrateToLatest(db, store.schema)).toEqual([
      '0002_actor_names',
      '0003_bulk_row_lines',
      '0004_webhooks',
      '0005_job_kinds',
    ]);
    const all = { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 10, offset: 0 };
    const { data } = await listActivity(store, all, { all: true });
    expect(data).toEqual([
      expect.objectContaining({ id: 'old', actor_name: null, email_addresses: ['a@x.com'] }),
    ]);
  });

  it('upgrading from 0002 keeps the rows of old jobs, with no line', async () => {
    const db = store.db as never;
    await migrateTo(db, '0002_actor_names', store.schema);
    await sql`insert into bulk_jobs (id, organization_id, created_by, inviter_user_id, options, status, row_count, created_at, updated_at)
      values ('bulkjob_old', 'org_a', 'u', null, '{}', 'done', 1, 1, 1)`.execute(store.db);
    await sql`insert into bulk_job_rows (job_id, position, email_address, role, outcome, updated_at)
      values ('bulkjob_old', 0, 'a@x.com', 'org:member', 'invited', 1)`.execute(store.db);
    expect(await migrateToLatest(db, store.schema)).toEqual([
      '0003_bulk_row_lines',
      '0004_webhooks',
      '0005_job_kinds',
    ]);
    const job = await getBulkJob(store, 'bulkjob_old');
    expect(job?.rows).toEqual([expect.objectContaining({ line: null, email_address: 'a@x.com' })]);
  });

  it('reads millisecond timestamps back as numbers', async () => {
    const at = 1_780_000_000_123;
    await store.db
      .insertInto('activity')
      .values({
        id: 'a1',
        action: 'x',
        actor_id: 'u',
        organization_id: null,
        email_addresses: '[]',
        outcome: 'ok',
        clerk_trace_id: null,
        detail: '{}',
        created_at: at,
      })
      .execute();
    const row = await store.db.selectFrom('activity').select('created_at').executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
  });

  it('rolls a failed transaction back', async () => {
    const insert = store.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('bulk_jobs')
        .values({
          id: 'j1',
          organization_id: 'org',
          created_by: 'u',
          inviter_user_id: null,
          options: '{}',
          status: 'queued',
          resume_at: null,
          lease_owner: null,
          lease_expires_at: null,
          row_count: 0,
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      throw new Error('boom');
    });
    await expect(insert).rejects.toThrow('boom');
    expect(await store.db.selectFrom('bulk_jobs').selectAll().execute()).toEqual([]);
  });
});

describe('SQLite file store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across reopening the file', async () => {
    const url = join(dir, 'nested', 'api.db');
    const first = await createStore({ url });
    await first.db
      .insertInto('activity')
      .values({
        id: 'a1',
        action: 'x',
        actor_id: 'u',
        organization_id: null,
        email_addresses: '[]',
        outcome: 'ok',
        clerk_trace_id: null,
        detail: '{}',
        created_at: 5,
      })
      .execute();
    await first.close();
    const second = await createStore({ url });
    expect(await second.db.selectFrom('activity').select('id').execute()).toEqual([{ id: 'a1' }]);
    await second.close();
  });

  it('binds booleans as 0/1 instead of crashing libsql', async () => {
    const store = await createStore({ url: ':memory:' });
    const { sql } = await import('kysely');
    const row = await sql<{ v: number }>`select ${true} as v`.execute(store.db);
    expect(row.rows[0]?.v).toBe(1);
    await store.close();
  });
});
