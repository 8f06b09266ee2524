import { isClerkId } from '@invites/clerk-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.ts';
import { DEMO_MEMBERSHIPS, DEMO_ORGANIZATIONS, DEMO_USERS } from './demo-data.ts';

const emulators: ReturnType<typeof createEmulator>[] = [];
afterAll(() => {
  for (const e of emulators) e.close();
});

function demo() {
  const emulator = createEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'off' });
  emulators.push(emulator);
  const get = async <T>(path: string) => {
    const response = await emulator.app.request(path, {
      headers: { Authorization: `Bearer ${emulator.secretKey}` },
    });
    return (await response.json()) as T;
  };
  return { emulator, get };
}

interface Invitation {
  id: string;
  email_address: string;
  status: string;
  role: string;
  inviter_id: string | null;
  public_inviter_data: { user_id: string } | null;
  created_at: number;
}

describe('the demo seed', () => {
  it('is deterministic: the same IDs, addresses, roles and statuses on every run', async () => {
    const page = (d: ReturnType<typeof demo>) =>
      d.get<{ data: Invitation[] }>(
        `/v1/organizations/${DEMO_ORGANIZATIONS.acme.id}/invitations?limit=500&order_by=email_address`,
      );
    const strip = (i: Invitation) => [i.id, i.email_address, i.role, i.status, i.inviter_id];
    const [a, b] = await Promise.all([page(demo()), page(demo())]);
    expect(a.data.map(strip)).toEqual(b.data.map(strip));
  });

  it('gives each organization its invitations, spread over about 400 days, in every status', async () => {
    const { get } = demo();
    for (const org of Object.values(DEMO_ORGANIZATIONS)) {
      const list = await get<{ total_count: number }>(`/v1/organizations/${org.id}/invitations?limit=1`);
      expect(list.total_count).toBe(org.invitations);
    }
    const acme = DEMO_ORGANIZATIONS.acme.id;
    const counts: Record<string, number> = {};
    for (const status of ['pending', 'accepted', 'revoked', 'expired']) {
      counts[status] = (
        await get<{ total_count: number }>(`/v1/organizations/${acme}/invitations?status=${status}`)
      ).total_count;
      expect(counts[status]).toBeGreaterThan(50);
    }
    expect(counts.pending).toBeGreaterThan(2134 / 2);
    const oldest = await get<{ data: Invitation[] }>(
      `/v1/organizations/${acme}/invitations?order_by=created_at&limit=1`,
    );
    const ageDays = (Date.now() - (oldest.data[0]?.created_at ?? Date.now())) / 86_400_000;
    expect(ageDays).toBeGreaterThan(300);
    expect(ageDays).toBeLessThan(420);
  });

  it('has inviters that are admins of the organization, with public_inviter_data', async () => {
    const { get } = demo();
    for (const [key, org] of Object.entries(DEMO_ORGANIZATIONS)) {
      const admins = DEMO_MEMBERSHIPS.filter((m) => m.org === key && m.role === 'org:admin').map(
        (m) => m.userId,
      );
      const list = await get<{ data: Invitation[] }>(`/v1/organizations/${org.id}/invitations?limit=500`);
      for (const invitation of list.data) {
        if (invitation.inviter_id === null) expect(invitation.public_inviter_data).toBeNull();
        else {
          expect(admins).toContain(invitation.inviter_id);
          expect(invitation.public_inviter_data?.user_id).toBe(invitation.inviter_id);
        }
      }
      expect(new Set(list.data.map((i) => i.role)).size).toBeGreaterThan(key === 'umbrella' ? 0 : 1);
    }
  });

  it('has the personas the sign-in page lists', async () => {
    const { get } = demo();
    expect(DEMO_USERS.map((u) => u.email_address)).toEqual([
      'sam.rivera@invites.example',
      'ada@acme.example',
      'grace@globex.example',
      'linus@initech.example',
      'maya@acme.example',
    ]);
    for (const user of DEMO_USERS) expect(isClerkId('user', user.id)).toBe(true);
    const roles = async (id: string) =>
      (
        await get<{ data: { role: string; organization: { slug: string } }[] }>(
          `/v1/users/${id}/organization_memberships`,
        )
      ).data
        .map((m) => `${m.organization.slug}:${m.role}`)
        .sort();
    const [sam, ada, grace, linus, maya] = DEMO_USERS.map((u) => u.id);
    expect(await roles(sam ?? '')).toEqual([]);
    expect(await roles(ada ?? '')).toEqual(['acme:org:admin']);
    expect(await roles(grace ?? '')).toEqual(['globex:org:admin']);
    expect(await roles(linus ?? '')).toEqual(['initech:org:admin', 'umbrella:org:admin']);
    expect(await roles(maya ?? '')).toEqual(['acme:org:member']);
    const samUser = await get<{ private_metadata: unknown }>(`/v1/users/${sam}`);
    expect(samUser.private_metadata).toEqual({ dashboard_role: 'staff' });
  });

  it('leaves Umbrella Health close to its quota of 10', async () => {
    const { get } = demo();
    const umbrella = await get<{
      max_allowed_memberships: number;
      members_count: number;
      pending_invitations_count: number;
    }>('/v1/organizations/umbrella');
    expect(umbrella.max_allowed_memberships).toBe(10);
    expect(umbrella.members_count + umbrella.pending_invitations_count).toBe(7);
  });

  it('lets "already a member" be demoed', async () => {
    const { emulator } = demo();
    const response = await emulator.app.request(
      `/v1/organizations/${DEMO_ORGANIZATIONS.acme.id}/invitations`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${emulator.secretKey}` },
        body: JSON.stringify({ email_address: 'ben@acme.example', role: 'org:member' }),
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'already_a_member_in_organization',
    );
  });
});
