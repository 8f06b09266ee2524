import { startEmulator } from '@invites/clerk-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { createUpstream, type UpstreamClient, type UpstreamRequest } from '../upstream/client.ts';
import { acceptanceByOrganization } from './acceptance-figures.ts';
import { backfillInvitations } from './backfill.ts';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let upstream: UpstreamClient;
const sent: { at: number; req: UpstreamRequest }[] = [];
let clock = 1_000_000;
const now = () => clock;
const sleeps: number[] = [];
// A virtual clock: the pacing is checked without waiting for it.
const sleep = async (ms: number) => {
  sleeps.push(ms);
  clock += ms;
};

interface Listed {
  data: { id: string; status: string; organization_id: string }[];
  total_count: number;
}

beforeAll(async () => {
  emulator = await startEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'off' });
  const inner = createUpstream({
    baseUrl: emulator.url,
    secretKey: emulator.secretKey,
    timeoutMs: 10_000,
    retries: 0,
    retryBaseMs: 10,
  });
  upstream = {
    send: (req) => {
      sent.push({ at: clock, req });
      clock += 5;
      return inner.send(req);
    },
    close: () => inner.close(),
  };
});
afterAll(async () => {
  await upstream.close();
  await emulator.close();
});

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describeEachStore('acceptance backfill', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
    sent.length = 0;
    sleeps.length = 0;
  });
  afterEach(async () => {
    await control('DELETE', '/__emulator/faults');
    await store.close();
  });

  it('reads every invitation of the instance once, paged and paced, into the figures', async () => {
    const all = (await (await control('GET', '/v1/organization_invitations?limit=1')).json()) as Listed;
    expect(all.total_count).toBeGreaterThan(150);
    const result = await backfillInvitations({
      store,
      upstream,
      now,
      sleep,
      pageSize: 100,
      minIntervalMs: 250,
    });
    expect(result).toMatchObject({ status: 'done', invitations: all.total_count });
    expect(sent).toHaveLength(Math.ceil(all.total_count / 100) + (all.total_count % 100 === 0 ? 1 : 0));
    for (let i = 1; i < sent.length; i++)
      expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(250);

    const rows = await store.db
      .selectFrom('invitation_outcomes')
      .select(['id', 'status', 'source'])
      .execute();
    expect(rows).toHaveLength(all.total_count);
    const count = async (status: string) =>
      (
        (await (
          await control('GET', `/v1/organization_invitations?status=${status}&limit=1`)
        ).json()) as Listed
      ).total_count;
    const stored = (status: string) => rows.filter((r) => r.status === status).length;
    expect(stored('accepted')).toBe(await count('accepted'));
    expect(stored('revoked')).toBe(await count('revoked'));
    expect(stored('pending')).toBe((await count('pending')) + (await count('expired')));
    expect(stored('accepted')).toBeGreaterThan(0);
    expect(rows.every((r) => r.source === 'backfill')).toBe(true);
    const [first] = all.data;
    const figures = await acceptanceByOrganization(store, [first?.organization_id ?? ''], Date.now());
    expect(figures.get(first?.organization_id ?? '')?.sent).toBeGreaterThan(0);
  });

  it('runs once: a second run reads nothing unless forced', async () => {
    const first = await backfillInvitations({ store, upstream, now, sleep });
    const requests = sent.length;
    const second = await backfillInvitations({ store, upstream, now, sleep });
    expect(second).toMatchObject({
      status: 'already_done',
      invitations: first.invitations,
      completed_at: first.completed_at,
    });
    expect(sent).toHaveLength(requests);
    const forced = await backfillInvitations({ store, upstream, now, sleep, force: true });
    expect(forced).toMatchObject({ status: 'done', invitations: first.invitations });
    expect(sent.length).toBeGreaterThan(requests);
  });

  it('waits out a 429 for its Retry-After and reads the page again', async () => {
    const fault = {
      method: 'GET',
      path: '/v1/organization_invitations',
      count: 1,
      action: 'status',
      status: 429,
      retry_after: 3,
    };
    expect((await control('POST', '/__emulator/faults', fault)).status).toBe(200);
    const result = await backfillInvitations({ store, upstream, now, sleep });
    expect(result.status).toBe('done');
    expect(sleeps).toContain(3000);
    expect(sent.length).toBe(result.requests);
    expect(result.requests).toBeGreaterThanOrEqual(2);
  });
});
