import { describe, expect, it } from 'vitest';
import { createTeam } from '../test-support/fixtures.ts';
import { sdkError, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

// What the console's person lookup reads: a user by exact address (with last sign-in, banned and
// locked), their memberships, and every invitation to the address; plus the control that ages
// invitations past their expiry for tests.

let emu: TestEmulator;
useTestEmulator({ seed: 'none' }, (started) => {
  emu = started;
});

describe('person lookup reads', () => {
  it('a user found by address carries their last sign-in, and null before the first', async () => {
    const { member } = await createTeam(emu);
    const address = member.emailAddresses[0]?.emailAddress ?? '';
    const before = await emu.clerk.users.getUserList({ emailAddress: [address.toUpperCase()] });
    expect(before.data.map((u) => u.id)).toEqual([member.id]);
    expect(before.data[0]?.lastSignInAt).toBeNull();

    const session = await emu.json<{ created_at: number }>('/v1/sessions', {
      method: 'POST',
      body: { user_id: member.id },
    });
    const after = await emu.clerk.users.getUser(member.id);
    expect(after.lastSignInAt).toBe(session.body.created_at);
  });

  it('ban, unban, lock and unlock set the flags the User carries (BanUser, LockUser, …)', async () => {
    const { outsider } = await createTeam(emu);
    expect((await emu.clerk.users.banUser(outsider.id)).banned).toBe(true);
    expect((await emu.clerk.users.lockUser(outsider.id)).locked).toBe(true);
    const listed = await emu.clerk.users.getUserList({ userId: [outsider.id] });
    expect(listed.data[0]).toMatchObject({ banned: true, locked: true });
    expect((await emu.clerk.users.unbanUser(outsider.id)).banned).toBe(false);
    expect((await emu.clerk.users.unlockUser(outsider.id)).locked).toBe(false);
    expect(await sdkError(emu.clerk.users.banUser('user_2NoSuchUser000000000000000'))).toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
  });

  it('a user’s memberships name each organization, role and since when', async () => {
    const { org, member } = await createTeam(emu);
    const list = await emu.clerk.users.getOrganizationMembershipList({ userId: member.id });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ role: 'org:member', organization: { id: org.id, name: org.name } });
    expect(list.data[0]?.createdAt).toBeGreaterThan(0);
  });

  it('every invitation to an address across organizations comes back for query=', async () => {
    const a = await createTeam(emu);
    const b = await createTeam(emu);
    const address = `wanted-${Date.now()}@elsewhere.example`;
    for (const team of [a, b]) {
      await emu.clerk.organizations.createOrganizationInvitation({
        organizationId: team.org.id,
        emailAddress: address,
        role: 'org:member',
        inviterUserId: team.admin.id,
      });
    }
    // The SDK has no call for the instance-wide list; the console's api calls it as Clerk documents it.
    const { body } = await emu.json<{ data: { organization_id: string; email_address: string }[] }>(
      `/v1/organization_invitations?query=${encodeURIComponent(address.toUpperCase())}&limit=500`,
    );
    expect(body.data.map((i) => i.organization_id).sort()).toEqual([a.org.id, b.org.id].sort());
    expect(new Set(body.data.map((i) => i.email_address))).toEqual(new Set([address]));
  });
});

describe('ageing invitations (test control)', () => {
  it('moves created, updated and expiry back, so the invitation reads expired with its validity kept', async () => {
    const { org, admin } = await createTeam(emu);
    const inv = await emu.clerk.organizations.createOrganizationInvitation({
      organizationId: org.id,
      emailAddress: `old-${Date.now()}@x.example`,
      role: 'org:member',
      inviterUserId: admin.id,
      expiresInDays: 7,
    });
    const day = 86_400_000;
    const aged = await emu.json<{ moved: number }>('/__emulator/invitations/age', {
      method: 'POST',
      body: { invitation_ids: [inv.id, 'orginv_unknown'], by_ms: 8 * day },
    });
    expect(aged.body.moved).toBe(1);
    const after = await emu.clerk.organizations.getOrganizationInvitation({
      organizationId: org.id,
      invitationId: inv.id,
    });
    expect(after.status).toBe('expired');
    expect((after.expiresAt ?? 0) - after.createdAt).toBe(7 * day);
    expect(after.createdAt).toBe(inv.createdAt - 8 * day);
    const bad = await emu.json('/__emulator/invitations/age', {
      method: 'POST',
      body: { invitation_ids: [] },
    });
    expect(bad.status).toBe(422);
  });
});
