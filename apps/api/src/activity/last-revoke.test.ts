import { UNKNOWN_ACTOR_ID } from '@invites/clerk-schema';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { recordActivity, recordClerkActivity } from './activity-log.ts';
import { lastRevokeOf } from './last-revoke.ts';

const ORG = 'org_a';
const revoke = (invitationId: string, created_at: number, outcome = 'ok') => ({
  action: 'invitation.revoke',
  actor_id: 'user_ada',
  actor_name: 'Ada Lovelace',
  organization_id: ORG,
  email_addresses: ['a@x.com'],
  outcome,
  clerk_trace_id: null,
  detail: { invitation_id: invitationId, status: 200 },
  created_at,
});

describeEachStore('lastRevokeOf', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(async () => {
    await store.close();
  });

  it('names who revoked the invitation, not a revoke of an invitation whose id contains it', async () => {
    await recordActivity(store, revoke('orginv_1', 100));
    await recordActivity(store, { ...revoke('orginv_10', 200), actor_id: 'user_sam', actor_name: 'Sam' });
    await recordActivity(store, { ...revoke('orginv_1', 300, 'organization_invitation_not_pending') });
    expect(await lastRevokeOf(store, ORG, 'orginv_1')).toEqual({
      actor_id: 'user_ada',
      actor_name: 'Ada Lovelace',
      created_at: 100,
    });
    expect(await lastRevokeOf(store, 'org_b', 'orginv_1')).toBeNull();
    expect(await lastRevokeOf(store, ORG, 'orginv_2')).toBeNull();
  });

  it("prefers the console's entry to Clerk's report of the same revoke, which cannot say who", async () => {
    await recordActivity(store, revoke('orginv_1', 100));
    await recordClerkActivity(store.db, {
      ...revoke('orginv_1', 150),
      id: 'act_msg_1',
      actor_id: UNKNOWN_ACTOR_ID,
      actor_name: null,
      change_key: 'invitation.revoke:orginv_1',
    });
    expect(await lastRevokeOf(store, ORG, 'orginv_1')).toMatchObject({ actor_name: 'Ada Lovelace' });

    // Revoked in Clerk's dashboard: only Clerk's report, without a name.
    await recordClerkActivity(store.db, {
      ...revoke('orginv_2', 150),
      id: 'act_msg_2',
      actor_id: UNKNOWN_ACTOR_ID,
      actor_name: null,
      change_key: 'invitation.revoke:orginv_2',
    });
    expect(await lastRevokeOf(store, ORG, 'orginv_2')).toEqual({
      actor_id: UNKNOWN_ACTOR_ID,
      actor_name: null,
      created_at: 150,
    });
  });
});
