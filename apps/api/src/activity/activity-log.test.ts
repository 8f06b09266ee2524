import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { type ActivityFilter, listActivity, recordActivity } from './activity-log.ts';

const ALL: ActivityFilter = { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 50, offset: 0 };

describeEachStore('activity log', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
    const base = { email_addresses: ['a@x.com'], outcome: 'ok', clerk_trace_id: null, actor_name: null };
    await recordActivity(store, {
      ...base,
      action: 'invitation.create',
      actor_id: 'u1',
      organization_id: 'org_a',
      created_at: 100,
    });
    await recordActivity(store, {
      ...base,
      action: 'invitation.revoke',
      actor_id: 'u2',
      organization_id: 'org_a',
      created_at: 200,
    });
    await recordActivity(store, {
      ...base,
      action: 'invitation.create',
      actor_id: 'u1',
      organization_id: 'org_b',
      created_at: 300,
    });
  });
  afterEach(async () => {
    await store.close();
  });

  it('records an entry with its actor name, addresses, trace id and detail', async () => {
    const entry = await recordActivity(store, {
      action: 'bulk_job.create',
      actor_id: 'u9',
      actor_name: 'Ada Lovelace',
      organization_id: 'org_c',
      email_addresses: ['x@y.com', 'z@y.com'],
      outcome: 'queued',
      clerk_trace_id: 'abc',
      detail: { bulk_job_id: 'bulkjob_1' },
    });
    const { data } = await listActivity(store, { ...ALL, organization_id: 'org_c' }, { all: true });
    expect(data).toEqual([entry]);
    expect(entry).toMatchObject({
      actor_name: 'Ada Lovelace',
      email_addresses: ['x@y.com', 'z@y.com'],
      detail: { bulk_job_id: 'bulkjob_1' },
    });
  });

  it('staff see every organization, newest first', async () => {
    const { data, total_count } = await listActivity(store, ALL, { all: true });
    expect(total_count).toBe(3);
    expect(data.map((e) => e.created_at)).toEqual([300, 200, 100]);
  });

  it('an org admin sees only their organizations, even when filtering for another', async () => {
    const scope = { organizationIds: ['org_a'] };
    expect((await listActivity(store, ALL, scope)).total_count).toBe(2);
    expect((await listActivity(store, { ...ALL, organization_id: 'org_b' }, scope)).data).toEqual([]);
    expect((await listActivity(store, ALL, { organizationIds: [] })).total_count).toBe(0);
  });

  it('filters by actor, action and date range', async () => {
    expect((await listActivity(store, { ...ALL, actor_id: 'u1' }, { all: true })).total_count).toBe(2);
    expect(
      (await listActivity(store, { ...ALL, action: 'invitation.revoke' }, { all: true })).data[0]?.actor_id,
    ).toBe('u2');
    const range = await listActivity(store, { ...ALL, since: 150, until: 300 }, { all: true });
    expect(range.data.map((e) => e.created_at)).toEqual([300, 200]);
  });

  it('pages with limit and offset while counting every match', async () => {
    const page = await listActivity(store, { ...ALL, limit: 1, offset: 1 }, { all: true });
    expect(page).toMatchObject({ total_count: 3 });
    expect(page.data.map((e) => e.created_at)).toEqual([200]);
  });
});
