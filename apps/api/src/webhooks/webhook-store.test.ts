import { newWebhookSecret } from '@invites/clerk-emulator';
import { newClerkId } from '@invites/clerk-schema';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  acceptanceByInviter,
  acceptanceByOrganization,
  median,
  STALE_DAYS,
  WINDOW_DAYS,
} from '../acceptance/acceptance-figures.ts';
import { listActivity } from '../activity/activity-log.ts';
import { createApp } from '../app.ts';
import { appConfig } from '../config.ts';
import { type AppDeps, createDeps } from '../deps.ts';
import { silentLogger } from '../log.ts';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { type InvitationFacts, invitationEvent, membershipEvent, signed } from './test-events.ts';

const SECRET = newWebhookSecret();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ORGS = [newClerkId('org'), newClerkId('org'), newClerkId('org')];
const INVITERS = [newClerkId('user'), newClerkId('user'), newClerkId('user'), null];

interface Model extends InvitationFacts {
  status: 'pending' | 'accepted' | 'revoked';
}

/** 800 distinct events (invitations with their outcomes, memberships of those who accepted). */
function history(random: () => number) {
  const events: { id: string; body: unknown }[] = [];
  const invitations = new Map<string, Model>();
  const push = (body: unknown) => events.push({ id: newClerkId('msg'), body });
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  while (events.length < 800) {
    const inviter = pick(INVITERS);
    const facts: Model = {
      id: newClerkId('orginv'),
      organizationId: pick(ORGS),
      inviterId: inviter,
      inviterName: inviter ? { first: 'In', last: inviter.slice(-4) } : null,
      createdAt: NOW - Math.floor(random() * 60 * DAY),
      status: 'pending',
    };
    invitations.set(facts.id as string, facts);
    push(invitationEvent('organizationInvitation.created', facts));
    const roll = random();
    if (events.length < 800 && roll < 0.45) {
      facts.settledAt = Math.min(NOW, facts.createdAt + Math.floor(random() * 72 * HOUR));
      facts.userId = newClerkId('user');
      facts.status = 'accepted';
      push(invitationEvent('organizationInvitation.accepted', facts));
      if (events.length < 800) {
        push(
          membershipEvent('organizationMembership.created', {
            organizationId: facts.organizationId,
            userId: facts.userId,
            email: 'joined@x.example',
            at: facts.settledAt,
          }),
        );
      }
    } else if (events.length < 800 && roll < 0.6) {
      facts.settledAt = Math.min(NOW, facts.createdAt + Math.floor(random() * 10 * DAY));
      facts.status = 'revoked';
      push(invitationEvent('organizationInvitation.revoked', facts));
    }
  }
  return { events, invitations: [...invitations.values()] };
}

/** The figures computed the plain way from the model, to compare with the store's. */
function expected(invitations: Model[], match: (m: Model) => boolean) {
  const since = NOW - WINDOW_DAYS * DAY;
  const mine = invitations.filter(match);
  const sent = mine.filter((m) => m.createdAt >= since);
  const accepted = sent.filter((m) => m.status === 'accepted');
  return {
    sent: sent.length,
    accepted: accepted.length,
    acceptance_rate: sent.length === 0 ? null : accepted.length / sent.length,
    median_time_to_accept_ms: median(accepted.map((m) => (m.settledAt ?? 0) - m.createdAt)),
    stale_pending: mine.filter(
      (m) => m.status === 'pending' && m.createdAt < NOW - STALE_DAYS * DAY && m.createdAt + 30 * DAY > NOW,
    ).length,
  };
}

describeEachStore('webhook events', (kind) => {
  let store: Store;
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    store = await openTestStore(kind);
    const config = appConfig({
      clerkApiUrl: 'http://127.0.0.1:9',
      clerkSecretKey: 'sk_test_webhooks',
      nodeEnv: 'test',
      webhookSigningSecret: SECRET,
    });
    deps = createDeps(config, { logger: silentLogger, store, now: () => NOW });
    app = createApp(config, deps);
  });
  afterEach(async () => {
    await deps.webhookInbox.stop();
    await store.close();
  });

  it('1,000 deliveries with 20 % duplicates, in shuffled order, give exact counts and figures', async () => {
    const random = prng(12);
    const { events, invitations } = history(random);
    const deliveries = [...events];
    for (let i = 0; i < 200; i++)
      deliveries.push(events[Math.floor(random() * events.length)] as (typeof events)[0]);
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [deliveries[i], deliveries[j]] = [
        deliveries[j] as (typeof events)[0],
        deliveries[i] as (typeof events)[0],
      ];
    }
    expect(deliveries).toHaveLength(1000);

    const answers: { duplicate: boolean }[] = [];
    // Twenty at a time, so redeliveries of one event also race each other.
    for (let i = 0; i < deliveries.length; i += 20) {
      const batch = deliveries.slice(i, i + 20).map(async (d) => {
        const res = await app.request('/api/webhooks/clerk', signed(SECRET, d.body, { id: d.id }));
        expect(res.status).toBe(200);
        answers.push((await res.json()) as { duplicate: boolean });
      });
      await Promise.all(batch);
    }
    await deps.webhookInbox.idle();

    expect(answers.filter((a) => !a.duplicate)).toHaveLength(800);
    const events_ = await store.db
      .selectFrom('webhook_events')
      .select(['processed_at', 'last_error'])
      .execute();
    expect(events_).toHaveLength(800);
    expect(events_.filter((e) => e.processed_at === null || e.last_error !== null)).toEqual([]);

    const outcomes = await store.db.selectFrom('invitation_outcomes').select(['id', 'status']).execute();
    const byStatus = (s: string) => invitations.filter((m) => m.status === s).length;
    expect(outcomes).toHaveLength(invitations.length);
    for (const s of ['pending', 'accepted', 'revoked']) {
      expect(outcomes.filter((o) => o.status === s).length, s).toBe(byStatus(s));
    }
    const activity = await listActivity(
      store,
      { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 1, offset: 0 },
      { all: true },
    );
    expect(activity.total_count).toBe(800);

    const figures = await acceptanceByOrganization(store, ORGS, NOW);
    for (const org of ORGS) {
      expect(figures.get(org), org).toEqual(expected(invitations, (m) => m.organizationId === org));
    }
    const [org] = ORGS as [string];
    const inviters = await acceptanceByInviter(store, org, NOW);
    for (const inviter of INVITERS) {
      const want = expected(invitations, (m) => m.organizationId === org && m.inviterId === inviter);
      const got = inviters.find((i) => i.inviter_id === inviter);
      if (want.sent === 0 && want.stale_pending === 0) expect(got).toBeUndefined();
      else expect(got).toMatchObject(want);
    }
    expect(figures.get(org)?.sent).toBeGreaterThan(20);
    expect(figures.get(org)?.accepted).toBeGreaterThan(5);
  });

  it('shows a change made in the console once, whichever of its entry and Clerk’s event comes first', async () => {
    const { recordActivity } = await import('../activity/activity-log.ts');
    const org = ORGS[0] as string;
    const console_ = (id: string) =>
      recordActivity(store, {
        action: 'invitation.revoke',
        actor_id: 'user_admin',
        actor_name: 'Ada',
        organization_id: org,
        email_addresses: ['a@x.example'],
        outcome: 'ok',
        clerk_trace_id: 't',
        detail: { invitation_id: id },
        created_at: NOW,
      });
    const clerk = (id: string) =>
      app.request(
        '/api/webhooks/clerk',
        signed(
          SECRET,
          invitationEvent('organizationInvitation.revoked', {
            id,
            organizationId: org,
            createdAt: NOW - DAY,
            settledAt: NOW,
          }),
        ),
      );
    const first = newClerkId('orginv');
    await console_(first);
    await clerk(first);
    const second = newClerkId('orginv');
    await clerk(second);
    await deps.webhookInbox.idle();
    await console_(second);
    // Revoked elsewhere: only Clerk reports it.
    const elsewhere = newClerkId('orginv');
    await clerk(elsewhere);
    await deps.webhookInbox.idle();

    const all = { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 50, offset: 0 };
    const { data, total_count } = await listActivity(store, all, { all: true });
    expect(total_count).toBe(3);
    const sourceOf = (id: string) => data.filter((e) => e.detail.invitation_id === id).map((e) => e.source);
    expect(sourceOf(first)).toEqual(['console']);
    expect(sourceOf(second)).toEqual(['console']);
    expect(sourceOf(elsewhere)).toEqual(['clerk']);
    expect((await listActivity(store, { ...all, source: 'clerk' }, { all: true })).total_count).toBe(1);
    // A failed console attempt names no change: Clerk's report of the same invitation still shows.
    const failed = newClerkId('orginv');
    await recordActivity(store, {
      action: 'invitation.revoke',
      actor_id: 'user_admin',
      actor_name: 'Ada',
      organization_id: org,
      email_addresses: [],
      outcome: 'upstream_unavailable',
      clerk_trace_id: null,
      detail: { invitation_id: failed },
    });
    await clerk(failed);
    await deps.webhookInbox.idle();
    expect(sourceOf(failed)).toEqual([]);
    const after = await listActivity(store, all, { all: true });
    expect(
      after.data
        .filter((e) => e.detail.invitation_id === failed)
        .map((e) => e.source)
        .sort(),
    ).toEqual(['clerk', 'console']);
  });

  it('dedups the invitations of a console bulk entry against their created events', async () => {
    const { recordActivity } = await import('../activity/activity-log.ts');
    const org = ORGS[1] as string;
    const ids = [newClerkId('orginv'), newClerkId('orginv')];
    await recordActivity(store, {
      action: 'invitation.bulk_create',
      actor_id: 'user_admin',
      actor_name: 'Ada',
      organization_id: org,
      email_addresses: ['a@x.example', 'b@x.example'],
      outcome: 'ok',
      clerk_trace_id: 't',
      detail: { invitation_ids: ids },
    });
    for (const id of ids) {
      await app.request(
        '/api/webhooks/clerk',
        signed(
          SECRET,
          invitationEvent('organizationInvitation.created', { id, organizationId: org, createdAt: NOW }),
        ),
      );
    }
    await deps.webhookInbox.idle();
    const { data } = await listActivity(
      store,
      { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 50, offset: 0 },
      { organizationIds: [org] },
    );
    expect(data.map((e) => [e.action, e.source])).toEqual([['invitation.bulk_create', 'console']]);
    // The figures still count both invitations.
    expect((await acceptanceByOrganization(store, [org], NOW)).get(org)?.sent).toBe(2);
  });
});
