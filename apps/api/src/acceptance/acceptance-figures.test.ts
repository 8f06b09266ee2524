import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { type InvitationOutcome, mergeOutcome } from '../webhooks/invitation-outcomes.ts';
import { acceptanceByInviter, acceptanceByOrganization, median } from './acceptance-figures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = 1_800_000_000_000;

describe('median', () => {
  it('is the middle value, the mean of the middle two for an even count, null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 2, 3])).toBe(3); // (2 + 3) / 2 rounded
    expect(median([10, 20])).toBe(15);
  });
});

let n = 0;
function outcome(o: Partial<InvitationOutcome> & { created_at: number }): InvitationOutcome {
  n += 1;
  return {
    id: `orginv_${n}`,
    organization_id: 'org_a',
    email_address: `p${n}@x.example`,
    inviter_id: 'user_ada',
    inviter_name: 'Ada Lovelace',
    status: 'pending',
    expires_at: o.created_at + 30 * DAY,
    settled_at: null,
    accepted_user_id: null,
    source: 'webhook',
    updated_at: NOW,
    ...o,
  };
}

describeEachStore('acceptance figures', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(() => store.close());

  it('counts the last 30 days, their accepted share and median time, and stale pending ones', async () => {
    const rows = [
      outcome({ created_at: NOW - 2 * DAY, status: 'accepted', settled_at: NOW - 2 * DAY + 2 * HOUR }),
      outcome({ created_at: NOW - 3 * DAY, status: 'accepted', settled_at: NOW - 3 * DAY + 4 * HOUR }),
      outcome({ created_at: NOW - 29 * DAY, status: 'revoked', settled_at: NOW - 20 * DAY }),
      // Pending for more than 14 days and not expired: stale.
      outcome({ created_at: NOW - 20 * DAY }),
      // Pending but expired: neither stale nor pending any more.
      outcome({ created_at: NOW - 25 * DAY, expires_at: NOW - DAY }),
      // Pending, young.
      outcome({ created_at: NOW - 1 * DAY, inviter_id: null, inviter_name: null }),
      // Older than the window: only what is still pending counts (as stale).
      outcome({ created_at: NOW - 31 * DAY, status: 'accepted', settled_at: NOW - 30 * DAY }),
      outcome({ created_at: NOW - 40 * DAY, expires_at: NOW + 50 * DAY }),
      outcome({ created_at: NOW - 2 * DAY, organization_id: 'org_b' }),
    ];
    for (const row of rows) await mergeOutcome(store.db, row);

    const figures = await acceptanceByOrganization(store, ['org_a', 'org_b', 'org_c'], NOW);
    expect(figures.get('org_a')).toEqual({
      sent: 6,
      accepted: 2,
      acceptance_rate: 2 / 6,
      median_time_to_accept_ms: 3 * HOUR,
      stale_pending: 2,
    });
    expect(figures.get('org_c')).toEqual({
      sent: 0,
      accepted: 0,
      acceptance_rate: null,
      median_time_to_accept_ms: null,
      stale_pending: 0,
    });
    expect(await acceptanceByInviter(store, 'org_a', NOW)).toEqual([
      {
        inviter_id: 'user_ada',
        inviter_name: 'Ada Lovelace',
        sent: 5,
        accepted: 2,
        acceptance_rate: 2 / 5,
        median_time_to_accept_ms: 3 * HOUR,
        stale_pending: 2,
      },
      {
        inviter_id: null,
        inviter_name: null,
        sent: 1,
        accepted: 0,
        acceptance_rate: 0,
        median_time_to_accept_ms: null,
        stale_pending: 0,
      },
    ]);
  });

  it('keeps an invitation final and its first details, whatever order its facts come in', async () => {
    const created = outcome({ created_at: NOW - DAY, inviter_id: null, inviter_name: null });
    const accepted = {
      ...created,
      status: 'accepted',
      settled_at: NOW - HOUR,
      accepted_user_id: 'user_new',
      inviter_id: 'user_ada',
      inviter_name: 'Ada',
    };
    const orders = [
      [created, accepted],
      [accepted, created],
      [accepted, created, accepted, created],
    ];
    for (const [i, order] of orders.entries()) {
      const id = `orginv_order_${i}`;
      for (const fact of order) await mergeOutcome(store.db, { ...fact, id });
      expect(
        await store.db
          .selectFrom('invitation_outcomes')
          .select(['status', 'settled_at', 'created_at', 'accepted_user_id', 'inviter_id'])
          .where('id', '=', id)
          .executeTakeFirst(),
      ).toEqual({
        status: 'accepted',
        settled_at: NOW - HOUR,
        created_at: NOW - DAY,
        accepted_user_id: 'user_new',
        inviter_id: 'user_ada',
      });
    }
  });
});
