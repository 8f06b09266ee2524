import { type OrganizationInvitation, OrganizationInvitationWithOrgList } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import { type InvitationOutcome, inviterName, mergeOutcome } from '../webhooks/invitation-outcomes.ts';

/** The `store_meta` key that records a finished backfill. */
export const BACKFILL_KEY = 'acceptance_backfill';
const PAGE_SIZE = 500;
const WRITE_CHUNK = 50;
/** Four requests a second: far under Clerk's 100 per 10 s (development instances). */
const MIN_INTERVAL_MS = 250;

export interface BackfillOptions {
  store: Store;
  upstream: UpstreamClient;
  now: () => number;
  /** Read again even when a backfill already finished. */
  force?: boolean;
  pageSize?: number;
  /** Least time between two requests to Clerk. */
  minIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onPage?: (progress: { read: number; total: number }) => void;
}

export interface BackfillResult {
  /** `done` now, or `already_done` by an earlier run (nothing read). */
  status: 'done' | 'already_done';
  invitations: number;
  requests: number;
  completed_at: number;
}

/** What Clerk's invitation says for the figures: accepted and revoked ones settled at `updated_at`. */
export function outcomeOfInvitation(inv: OrganizationInvitation, now: number): InvitationOutcome {
  const settled = inv.status === 'accepted' || inv.status === 'revoked';
  return {
    id: inv.id,
    organization_id: inv.organization_id,
    email_address: inv.email_address,
    inviter_id: inv.inviter_id ?? inv.public_inviter_data?.user_id ?? null,
    inviter_name: inviterName(inv),
    // Expired is pending past `expires_at`, which the figures read.
    status: settled ? inv.status : 'pending',
    created_at: inv.created_at,
    expires_at: inv.expires_at,
    settled_at: settled ? inv.updated_at : null,
    accepted_user_id: null,
    source: 'backfill',
    updated_at: now,
  };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads every invitation of the instance from Clerk once, oldest first, a page of 500 at a time,
 * paced and waiting out 429s, and merges each into the figures the way webhook events are merged
 * (so events received meanwhile are not undone). Records when it finished; a second run does nothing
 * unless `force`.
 */
export async function backfillInvitations(options: BackfillOptions): Promise<BackfillResult> {
  const { store, upstream, now } = options;
  const sleep = options.sleep ?? wait;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const minInterval = options.minIntervalMs ?? MIN_INTERVAL_MS;
  if (!options.force) {
    const done = await store.db
      .selectFrom('store_meta')
      .select('value')
      .where('key', '=', BACKFILL_KEY)
      .executeTakeFirst();
    if (done)
      return { ...(JSON.parse(done.value) as Omit<BackfillResult, 'status'>), status: 'already_done' };
  }
  let offset = 0;
  let requests = 0;
  let lastRequest = Number.NEGATIVE_INFINITY;
  for (;;) {
    const gap = lastRequest + minInterval - now();
    if (gap > 0) await sleep(gap);
    lastRequest = now();
    requests += 1;
    const query = new URLSearchParams({
      limit: String(pageSize),
      offset: String(offset),
      order_by: 'created_at',
    });
    const res = await upstream.send({ method: 'GET', path: '/v1/organization_invitations', query });
    if (res.status === 429) {
      const seconds = Number(res.header('retry-after'));
      await res.dump();
      await sleep(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000);
      continue;
    }
    const page = OrganizationInvitationWithOrgList.parse(await readUpstream(res));
    const at = now();
    // Small transactions with a turn of the event loop between them: the api keeps answering meanwhile.
    for (let i = 0; i < page.data.length; i += WRITE_CHUNK) {
      const chunk = page.data.slice(i, i + WRITE_CHUNK);
      await store.db.transaction().execute(async (tx) => {
        for (const inv of chunk) await mergeOutcome(tx, outcomeOfInvitation(inv, at));
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    offset += page.data.length;
    options.onPage?.({ read: offset, total: page.total_count });
    if (page.data.length < pageSize || offset >= page.total_count) break;
  }
  const record = { invitations: offset, requests, completed_at: now() };
  await store.db
    .insertInto('store_meta')
    .values({ key: BACKFILL_KEY, value: JSON.stringify(record) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(record) }))
    .execute();
  return { ...record, status: 'done' };
}
