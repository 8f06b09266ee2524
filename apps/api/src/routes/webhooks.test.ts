import { newWebhookSecret } from '@invites/clerk-emulator';
import { newClerkId } from '@invites/clerk-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../activity/activity-log.ts';
import { createApp } from '../app.ts';
import { type AppConfig, appConfig } from '../config.ts';
import { type AppDeps, createDeps } from '../deps.ts';
import { silentLogger } from '../log.ts';
import { createStore, type Store } from '../store/create-store.ts';
import { applyEvents } from '../webhooks/apply-event.ts';
import { invitationEvent, membershipEvent, signed } from '../webhooks/test-events.ts';
import { createWebhookInbox, type WebhookInbox } from '../webhooks/webhook-inbox.ts';

const SECRET = newWebhookSecret();
const ORG = newClerkId('org');
const ALL = { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 50, offset: 0 };
const MINUTE = 60_000;

let store: Store;
let deps: AppDeps;
let app: ReturnType<typeof createApp>;

function build(overrides: Partial<AppConfig> = {}, inbox?: WebhookInbox) {
  const config = appConfig({
    clerkApiUrl: 'http://127.0.0.1:9',
    clerkSecretKey: 'sk_test_webhooks',
    nodeEnv: 'test',
    webhookSigningSecret: SECRET,
    ...overrides,
  });
  deps = createDeps(config, { logger: silentLogger, store, ...(inbox ? { webhookInbox: inbox } : {}) });
  app = createApp(config, deps);
}

const post = (init: ReturnType<typeof signed>) => app.request('/api/webhooks/clerk', init);
const stored = async () => (await store.db.selectFrom('webhook_events').selectAll().execute()).length;
const outcome = (id: string) =>
  store.db.selectFrom('invitation_outcomes').selectAll().where('id', '=', id).executeTakeFirst();
const created = (at = Date.now() - MINUTE) =>
  invitationEvent('organizationInvitation.created', {
    id: newClerkId('orginv'),
    organizationId: ORG,
    createdAt: at,
  });

beforeEach(async () => {
  store = await createStore({ url: ':memory:' });
  build();
});
afterEach(async () => {
  await deps.webhookInbox.stop();
  await store.close();
});

describe('POST /api/webhooks/clerk', () => {
  it('stores a verified event, answers 200, then applies it to the figures and the activity log', async () => {
    const evt = created();
    const res = await post(signed(SECRET, evt));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, handled: true, duplicate: false });
    await deps.webhookInbox.idle();
    expect(await outcome(evt.data.id)).toMatchObject({ status: 'pending', organization_id: ORG });
    const { data } = await listActivity(store, ALL, { all: true });
    expect(data).toEqual([
      expect.objectContaining({
        source: 'clerk',
        action: 'invitation.create',
        email_addresses: [evt.data.email_address],
      }),
    ]);
  });

  it('answers 404 and stores nothing without a signing secret', async () => {
    build({ webhookSigningSecret: null });
    const res = await post(signed(SECRET, created()));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('resource_not_found');
    expect(await stored()).toBe(0);
  });

  it('refuses a bad signature with 400 in Clerk’s envelope and stores nothing', async () => {
    const res = await post(signed(newWebhookSecret(), created()));
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      errors: { code: string; long_message: string }[];
      clerk_trace_id: string;
    };
    expect(body.errors[0]).toMatchObject({ code: 'webhook_verification_failed' });
    expect(body.errors[0]?.long_message).toContain('no matching signature');
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(await stored()).toBe(0);
  });

  it('refuses a body changed after signing', async () => {
    const init = signed(SECRET, created());
    const res = await post({ ...init, body: init.body.replace('org:member', 'org:admin') });
    expect(res.status).toBe(400);
    expect(await stored()).toBe(0);
  });

  it('refuses a timestamp more than 5 minutes old or ahead, and missing headers', async () => {
    const old = await post(signed(SECRET, created(), { at: new Date(Date.now() - 6 * MINUTE) }));
    expect(old.status).toBe(400);
    expect(((await old.json()) as { errors: { long_message: string }[] }).errors[0]?.long_message).toContain(
      'timestamp too old',
    );
    const ahead = await post(signed(SECRET, created(), { at: new Date(Date.now() + 6 * MINUTE) }));
    expect(ahead.status).toBe(400);
    const init = signed(SECRET, created());
    const { 'svix-signature': _dropped, ...headers } = init.headers;
    expect((await post({ ...init, headers })).status).toBe(400);
    // Within the tolerance is fine.
    expect((await post(signed(SECRET, created(), { at: new Date(Date.now() - 4 * MINUTE) }))).status).toBe(
      200,
    );
    expect(await stored()).toBe(1);
  });

  it('stores a replayed svix-id once and answers it 200', async () => {
    const init = signed(SECRET, created(), { id: newClerkId('msg') });
    expect(await (await post(init)).json()).toMatchObject({ duplicate: false });
    const again = await post(
      signed(SECRET, JSON.parse(init.body), { id: init.headers['svix-id'] as string }),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    await deps.webhookInbox.idle();
    expect(await stored()).toBe(1);
    expect((await listActivity(store, ALL, { all: true })).total_count).toBe(1);
  });

  it('refuses a malformed body with 400 request_body_invalid and stores nothing', async () => {
    const notJson = await post(signed(SECRET, 'not json{'));
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'request_body_invalid',
    );
    const evt = created();
    const { organization_id: _missing, ...data } = evt.data;
    const incomplete = await post(signed(SECRET, { ...evt, data }));
    expect(incomplete.status).toBe(400);
    const body = (await incomplete.json()) as { errors: { code: string; long_message: string }[] };
    expect(body.errors[0]?.code).toBe('request_body_invalid');
    expect(body.errors[0]?.long_message).toContain('data.organization_id');
    expect(await stored()).toBe(0);
  });

  it('acknowledges an event type it does not handle, and stores nothing', async () => {
    const res = await post(
      signed(SECRET, {
        type: 'user.created',
        object: 'event',
        data: { id: 'user_1' },
        timestamp: 1,
        instance_id: 'ins_1',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, handled: false });
    expect(await stored()).toBe(0);
  });

  it('ends right when accepted arrives before its created', async () => {
    const facts = {
      id: newClerkId('orginv'),
      organizationId: ORG,
      createdAt: Date.now() - 3 * 3_600_000,
      settledAt: Date.now() - 3_600_000,
    };
    await post(signed(SECRET, invitationEvent('organizationInvitation.accepted', facts)));
    await deps.webhookInbox.idle();
    await post(signed(SECRET, invitationEvent('organizationInvitation.created', facts)));
    await deps.webhookInbox.idle();
    expect(await outcome(facts.id)).toMatchObject({
      status: 'accepted',
      created_at: facts.createdAt,
      settled_at: facts.settledAt,
    });
    const { data } = await listActivity(store, ALL, { all: true });
    expect(data.map((e) => e.action)).toEqual(['invitation.accept', 'invitation.create']);
  });

  it('takes membership events without touching the figures', async () => {
    const at = Date.now() - MINUTE;
    const m = { organizationId: ORG, userId: newClerkId('user'), email: 'member@x.example', at };
    for (const type of [
      'organizationMembership.created',
      'organizationMembership.updated',
      'organizationMembership.deleted',
    ] as const) {
      expect((await post(signed(SECRET, membershipEvent(type, m)))).status).toBe(200);
    }
    await deps.webhookInbox.idle();
    const { data } = await listActivity(store, ALL, { all: true });
    expect(data.map((e) => e.action).sort()).toEqual([
      'membership.create',
      'membership.delete',
      'membership.update',
    ]);
    expect(await store.db.selectFrom('invitation_outcomes').selectAll().execute()).toEqual([]);
  });

  it('answers before applying: a slow apply never holds up the acknowledgement', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    build(
      {},
      createWebhookInbox({
        store,
        logger: silentLogger,
        now: Date.now,
        apply: async (...args) => {
          await gate;
          await applyEvents(...args);
        },
      }),
    );
    const evt = created();
    expect((await post(signed(SECRET, evt))).status).toBe(200);
    const row = await store.db.selectFrom('webhook_events').selectAll().executeTakeFirstOrThrow();
    expect(row.processed_at).toBeNull();
    release();
    await deps.webhookInbox.idle();
    expect(await outcome(evt.data.id)).toMatchObject({ status: 'pending' });
  });

  it('answers 503 with Retry-After when the store does not take the event in time', async () => {
    const hanging: WebhookInbox = {
      save: () => new Promise(() => {}),
      wake: () => {},
      idle: async () => {},
      stop: async () => {},
    };
    build({ webhookStoreTimeoutMs: 50 }, hanging);
    const res = await post(signed(SECRET, created()));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'service_unavailable',
    );
  });

  it('needs no session and ignores one', async () => {
    const init = signed(SECRET, created());
    const res = await post({
      ...init,
      headers: { ...init.headers, authorization: 'Bearer not-a-token', cookie: '__session=x' },
    });
    expect(res.status).toBe(200);
  });
});
