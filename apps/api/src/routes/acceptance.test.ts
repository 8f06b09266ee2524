import type { ActivityList, OrganizationAcceptance } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../listen.ts';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';

// The whole loop: changes made through the api (and by the invitee in the emulator) come back as
// Clerk's signed webhooks over HTTP, and show in the figures and the activity log.

let h: Harness;
let server: Listening;
const tokens = {} as Record<Persona, string>;
let seq = 0;
const email = (tag: string) => `${tag}-${Date.now()}-${seq++}@acceptance.example`;

beforeAll(async () => {
  h = await startHarness();
  server = await listen(h.app.fetch, { port: 0, hostname: '127.0.0.1' });
  h.sendWebhooksTo(`${server.url}/api/webhooks/clerk`);
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const) {
    tokens[persona] = await h.tokenFor(persona);
  }
});
afterAll(async () => {
  h.sendWebhooksTo(null);
  await server.close();
  await h.close();
});

function call(persona: Persona, method: string, path: string, body?: unknown) {
  return h.app.request(path, {
    method,
    headers: { authorization: `Bearer ${tokens[persona]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function figures(persona: Persona, org: string): Promise<OrganizationAcceptance> {
  const res = await call(persona, 'GET', `/api/organizations/${org}/acceptance`);
  expect(res.status).toBe(200);
  return (await res.json()) as OrganizationAcceptance;
}

describe('acceptance figures and activity from the emulator’s webhooks', () => {
  it('counts what was sent and accepted, per organization and per inviter; the log shows each change once', async () => {
    const invite = async (address: string) => {
      const res = await call('adminA', 'POST', `/api/v1/organizations/${h.orgA}/invitations`, {
        email_address: address,
        role: 'org:member',
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { id: string }).id;
    };
    const accepting = email('accepts');
    const [kept, revoked] = [await invite(accepting), await invite(email('revoked'))];
    expect(
      (await call('adminA', 'POST', `/api/v1/organizations/${h.orgA}/invitations/${revoked}/revoke`, {}))
        .status,
    ).toBe(200);
    expect((await h.emulator('POST', `/__emulator/invitations/${kept}/accept`)).status).toBe(200);

    await expect.poll(async () => (await figures('adminA', h.orgA)).accepted, { timeout: 5_000 }).toBe(1);
    const org = await figures('adminA', h.orgA);
    expect(org).toMatchObject({
      organization_id: h.orgA,
      sent: 2,
      accepted: 1,
      acceptance_rate: 0.5,
      stale_pending: 0,
      window_days: 30,
      stale_days: 14,
    });
    expect(org.median_time_to_accept_ms).toBeGreaterThanOrEqual(0);
    expect(org.inviters).toEqual([
      expect.objectContaining({
        inviter_id: h.userIds.adminA,
        inviter_name: 'Ada Lovelace',
        sent: 2,
        accepted: 1,
      }),
    ]);

    // Every event delivered and applied, so a Clerk entry the dedup failed to hide would show.
    await expect
      .poll(async () => {
        const res = await h.emulator('GET', '/__emulator/webhooks/deliveries?status=pending');
        return ((await res.json()) as { total_count: number }).total_count;
      })
      .toBe(0);
    await h.flushActivity();
    await h.deps.webhookInbox.idle();
    expect(
      await h.store.db
        .selectFrom('webhook_events')
        .select('svix_id')
        .where('type', '=', 'organizationInvitation.revoked')
        .execute(),
    ).toHaveLength(1);
    const res = await call('adminA', 'GET', `/api/activity?organization_id=${h.orgA}&limit=500`);
    const { data } = (await res.json()) as ActivityList;
    const about = (id: string) =>
      data.filter((e) => e.detail.invitation_id === id).map((e) => `${e.source} ${e.action}`);
    expect(about(kept).sort()).toEqual(['clerk invitation.accept', 'console invitation.create']);
    expect(about(revoked).sort()).toEqual(['console invitation.create', 'console invitation.revoke']);
    expect(data.find((e) => e.action === 'invitation.accept')).toMatchObject({
      actor_name: accepting,
      email_addresses: [accepting],
    });
    expect(
      data.find((e) => e.action === 'membership.create' && e.email_addresses.includes(accepting)),
    ).toMatchObject({
      source: 'clerk',
    });
  });

  it('lets staff read any organization and admins only their own', async () => {
    expect((await call('adminA', 'GET', `/api/organizations/${h.orgB}/acceptance`)).status).toBe(403);
    expect((await call('member', 'GET', `/api/organizations/${h.orgA}/acceptance`)).status).toBe(403);
    expect((await figures('staff', h.orgB)).sent).toBe(0);
    const mine = await call('adminA', 'GET', '/api/acceptance');
    expect(
      ((await mine.json()) as { data: { organization_id: string }[] }).data.map((d) => d.organization_id),
    ).toEqual([h.orgA]);
    expect((await call('adminA', 'GET', `/api/acceptance?organization_id=${h.orgB}`)).status).toBe(403);
    const both = await call(
      'staff',
      'GET',
      `/api/acceptance?organization_id=${h.orgA}&organization_id=${h.orgB}`,
    );
    expect(((await both.json()) as { data: { organization_id: string; sent: number }[] }).data).toEqual([
      expect.objectContaining({ organization_id: h.orgA }),
      expect.objectContaining({ organization_id: h.orgB, sent: 0, acceptance_rate: null }),
    ]);
    const bad = await call('staff', 'GET', '/api/acceptance?organization_id=nope');
    expect(bad.status).toBe(422);
  });
});
