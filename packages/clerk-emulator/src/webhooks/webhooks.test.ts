import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../test-support/fixtures.ts';
import { sdkError, startTestEmulator, type TestEmulator } from '../test-support/harness.ts';
import { startWebhookReceiver } from '../test-support/webhook-receiver.ts';
import { newWebhookSecret } from './signing.ts';

const secret = newWebhookSecret();
let emu: TestEmulator;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  hook = await startWebhookReceiver(secret);
  // timeScale 1000 turns Svix's 5 s, 5 min, … retry schedule into 5 ms, 300 ms, …
  emu = await startTestEmulator({ webhookUrl: hook.url, webhookSecret: secret, timeScale: 1000 });
});
afterAll(async () => {
  expect(emu.recorder.problems).toEqual([]);
  // Every event the emulator sent validated against Clerk's webhooks spec.
  expect(hook.problems).toEqual([]);
  expect(hook.received.every((r) => r.signatureValid)).toBe(true);
  await emu.close();
  await hook.close();
});

const forInvitation = (id: string) => (r: { event: { data: Record<string, unknown> } }) =>
  r.event.data.id === id;

interface Delivery {
  id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_status: number | null;
  event: { type: string; data: { id: string } };
}

describe('webhooks sent by the emulator', () => {
  it('signs an invitation.created event the Standard Webhooks way and sends it to the endpoint', async () => {
    const { org, admin } = await createTeam(emu);
    const invitation = await emu.clerk.organizations.createOrganizationInvitation({
      organizationId: org.id,
      emailAddress: 'signed@webhooks.example',
      role: 'org:member',
      inviterUserId: admin.id,
    });
    await hook.waitFor((hits) => hits.some(forInvitation(invitation.id)));
    const hit = hook.received.find(forInvitation(invitation.id));
    expect(hit?.signatureValid).toBe(true);
    expect(hit?.headers['svix-id']).toMatch(/^msg_[0-9A-Za-z]{27}$/);
    expect(Math.abs(Number(hit?.headers['svix-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(hit?.headers['content-type']).toBe('application/json');
    expect(hit?.event).toMatchObject({
      object: 'event',
      type: 'organizationInvitation.created',
      instance_id: expect.stringMatching(/^ins_/),
      data: {
        object: 'organization_invitation',
        id: invitation.id,
        organization_id: org.id,
        email_address: 'signed@webhooks.example',
        status: 'pending',
        inviter_id: admin.id,
        created_at: invitation.createdAt,
      },
    });
  });

  it('answers the API call before the endpoint has answered (delivery is off the request path)', async () => {
    const { org } = await createTeam(emu);
    let release = () => {};
    const held = new Promise<number>((resolve) => {
      release = () => resolve(200);
    });
    hook.answer(() => held);
    try {
      const invitation = await emu.clerk.organizations.createOrganizationInvitation({
        organizationId: org.id,
        emailAddress: 'held@webhooks.example',
        role: 'org:member',
      });
      await hook.waitFor((hits) => hits.some(forInvitation(invitation.id)));
      const { body } = await emu.json<{ data: Delivery[] }>('/__emulator/webhooks/deliveries?limit=500');
      expect(body.data.find((d) => d.event.data.id === invitation.id)?.status).toBe('pending');
    } finally {
      hook.answer(() => 200);
      release();
    }
  });

  it('sends created for each bulk invitation and revoked on revoke', async () => {
    const { org, domain } = await createTeam(emu);
    const res = await emu.json<{ data: { id: string }[] }>(`/v1/organizations/${org.id}/invitations/bulk`, {
      method: 'POST',
      body: [
        { email_address: `b1@${domain}`, role: 'org:member' },
        { email_address: `b2@${domain}`, role: 'org:member' },
      ],
    });
    const ids = res.body.data.map((i) => i.id);
    await emu.clerk.organizations.revokeOrganizationInvitation({
      organizationId: org.id,
      invitationId: ids[0] ?? '',
    });
    await hook.waitFor(
      (hits) =>
        ids.every((id) =>
          hits.some((h) => h.event.type === 'organizationInvitation.created' && h.event.data.id === id),
        ) &&
        hits.some((h) => h.event.type === 'organizationInvitation.revoked' && h.event.data.id === ids[0]),
    );
    const revoked = hook.ofType('organizationInvitation.revoked').find(forInvitation(ids[0] ?? ''));
    expect(revoked?.event.data).toMatchObject({ status: 'revoked', organization_id: org.id });
  });

  it('sends accepted (with the user) and membership.created when the invitee accepts', async () => {
    const { org } = await createTeam(emu);
    const invitation = await emu.clerk.organizations.createOrganizationInvitation({
      organizationId: org.id,
      emailAddress: 'accepts@webhooks.example',
      role: 'org:billing',
    });
    const { body } = await emu.json<{ membership: { public_user_data: { user_id: string } } }>(
      `/__emulator/invitations/${invitation.id}/accept`,
      { method: 'POST' },
    );
    const userId = body.membership.public_user_data.user_id;
    await hook.waitFor(
      (hits) =>
        hits.some(
          (h) => h.event.type === 'organizationInvitation.accepted' && h.event.data.id === invitation.id,
        ) &&
        hits.some(
          (h) =>
            h.event.type === 'organizationMembership.created' &&
            (h.event.data.public_user_data as { user_id: string }).user_id === userId,
        ),
    );
    const accepted = hook.ofType('organizationInvitation.accepted').find(forInvitation(invitation.id));
    expect(accepted?.event.data).toMatchObject({
      status: 'accepted',
      user_id: userId,
      data: { public_organization_data: { id: org.id, name: org.name } },
    });
  });

  it('sends membership updated and deleted', async () => {
    const { org, member } = await createTeam(emu);
    await emu.clerk.organizations.updateOrganizationMembership({
      organizationId: org.id,
      userId: member.id,
      role: 'org:admin',
    });
    await emu.clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: member.id });
    const ofMember = (type: string) => (h: (typeof hook.received)[number]) =>
      h.event.type === type && (h.event.data.public_user_data as { user_id: string }).user_id === member.id;
    await hook.waitFor(
      (hits) =>
        hits.some(ofMember('organizationMembership.updated')) &&
        hits.some(ofMember('organizationMembership.deleted')),
    );
    expect(hook.received.find(ofMember('organizationMembership.updated'))?.event.data).toMatchObject({
      role: 'org:admin',
      organization: { id: org.id },
    });
    const members = await emu.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.data.map((m) => m.publicUserData?.userId)).not.toContain(member.id);
    const gone = await sdkError(
      emu.clerk.organizations.updateOrganizationMembership({
        organizationId: org.id,
        userId: member.id,
        role: 'org:admin',
      }),
    );
    expect(gone).toMatchObject({ status: 404, code: 'resource_not_found' });
  });

  it('refuses an unknown role on a membership update, changing nothing and sending nothing', async () => {
    const { org, member } = await createTeam(emu);
    const before = hook.received.length;
    const failure = await sdkError(
      emu.clerk.organizations.updateOrganizationMembership({
        organizationId: org.id,
        userId: member.id,
        role: 'org:nope',
      }),
    );
    expect(failure).toMatchObject({ status: 404, code: 'resource_not_found' });
    const members = await emu.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.data.find((m) => m.publicUserData?.userId === member.id)?.role).toBe('org:member');
    expect(hook.received.slice(before).some((h) => h.event.type === 'organizationMembership.updated')).toBe(
      false,
    );
  });

  it('retries a failed delivery with the same id until the endpoint takes it', async () => {
    const { org } = await createTeam(emu);
    let failures = 0;
    hook.answer((hit) =>
      hit.event.data.email_address === 'retry@webhooks.example' && failures++ < 2 ? 503 : 200,
    );
    try {
      const invitation = await emu.clerk.organizations.createOrganizationInvitation({
        organizationId: org.id,
        emailAddress: 'retry@webhooks.example',
        role: 'org:member',
      });
      await hook.waitFor((hits) => hits.filter(forInvitation(invitation.id)).length === 3);
      const attempts = hook.received.filter(forInvitation(invitation.id));
      expect(new Set(attempts.map((a) => a.headers['svix-id'])).size).toBe(1);
      await expect
        .poll(async () => {
          const { body } = await emu.json<{ data: Delivery[] }>('/__emulator/webhooks/deliveries?limit=500');
          const d = body.data.find((x) => x.event.data.id === invitation.id);
          return d && { status: d.status, attempts: d.attempts, last_status: d.last_status };
        })
        .toEqual({ status: 'succeeded', attempts: 3, last_status: 200 });
    } finally {
      hook.answer(() => 200);
    }
  });

  it('lists deliveries (secret key required) and replays one with the same svix-id', async () => {
    expect((await fetch(`${emu.url}/__emulator/webhooks/deliveries`)).status).toBe(401);
    const { body } = await emu.json<{ data: Delivery[]; total_count: number; endpoint: unknown }>(
      '/__emulator/webhooks/deliveries?status=succeeded&limit=1',
    );
    expect(body.endpoint).toEqual({ enabled: true, url: hook.url });
    expect(body.total_count).toBeGreaterThan(1);
    const [delivery] = body.data;
    if (!delivery) throw new Error('no delivery');
    const before = hook.received.filter((h) => h.headers['svix-id'] === delivery.id).length;
    const replay = await emu.json<Delivery>(`/__emulator/webhooks/deliveries/${delivery.id}/replay`, {
      method: 'POST',
    });
    expect(replay.status).toBe(200);
    await hook.waitFor(
      (hits) => hits.filter((h) => h.headers['svix-id'] === delivery.id).length === before + 1,
    );
    const missing = await emu.json(`/__emulator/webhooks/deliveries/msg_${'x'.repeat(27)}/replay`, {
      method: 'POST',
    });
    expect(missing.status).toBe(404);
    const bad = await emu.json('/__emulator/webhooks/deliveries?status=lost');
    expect(bad.status).toBe(422);
  });
});

describe('without a webhook endpoint', () => {
  it('records and sends nothing', async () => {
    const plain = await startTestEmulator({});
    try {
      const { org } = await createTeam(plain);
      await plain.clerk.organizations.createOrganizationInvitation({
        organizationId: org.id,
        emailAddress: 'quiet@webhooks.example',
        role: 'org:member',
      });
      const { body } = await plain.json<{ total_count: number; endpoint: unknown }>(
        '/__emulator/webhooks/deliveries',
      );
      expect(body).toMatchObject({ total_count: 0, endpoint: { enabled: false, url: null } });
    } finally {
      await plain.close();
    }
  });
});

describe('after a restart', () => {
  it('sends the deliveries still pending in the database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-webhooks-'));
    const db = join(dir, 'emulator.db');
    // Nothing listens on port 9 of loopback: every attempt fails and the delivery stays pending.
    const options = { db, webhookSecret: secret, timeScale: 100 };
    const first = await startTestEmulator({ ...options, webhookUrl: 'http://127.0.0.1:9/hook' });
    let invitationId = '';
    try {
      const { org } = await createTeam(first);
      invitationId = (
        await first.clerk.organizations.createOrganizationInvitation({
          organizationId: org.id,
          emailAddress: 'restart@webhooks.example',
          role: 'org:member',
        })
      ).id;
      await expect
        .poll(async () => {
          const { body } = await first.json<{ data: Delivery[] }>(
            '/__emulator/webhooks/deliveries?limit=500',
          );
          return body.data.find((d) => d.event.data.id === invitationId)?.attempts ?? 0;
        })
        .toBeGreaterThan(0);
    } finally {
      await first.close();
    }
    expect(hook.received.some(forInvitation(invitationId))).toBe(false);
    const second = await startTestEmulator({ ...options, webhookUrl: hook.url });
    try {
      await hook.waitFor((hits) => hits.some(forInvitation(invitationId)));
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
