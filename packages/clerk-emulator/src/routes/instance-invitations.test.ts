import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../seed/demo-data.ts';
import type { TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

interface Item {
  id: string;
  email_address: string;
  status: string;
  created_at: number;
  organization_id: string;
  public_organization_data: { id: string; name: string; slug: string };
}
interface Page {
  data: Item[];
  total_count: number;
}

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});

const getAll = async (query: string) => (await emu.json<Page>(`/v1/organization_invitations?${query}`)).body;
const TOTAL = Object.values(DEMO_ORGANIZATIONS).reduce((sum, org) => sum + org.invitations, 0);

describe('getAll (GET /organization_invitations)', () => {
  it('lists every organization newest first with public_organization_data', async () => {
    const page = await getAll('limit=500');
    expect(page.total_count).toBe(TOTAL);
    expect(page.data).toHaveLength(500);
    const created = page.data.map((i) => i.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const acme = page.data.find((i) => i.organization_id === DEMO_ORGANIZATIONS.acme.id);
    expect(acme?.public_organization_data).toMatchObject({
      id: DEMO_ORGANIZATIONS.acme.id,
      name: 'Acme Corp',
      slug: 'acme',
    });
  });

  it('ORs repeated statuses and the counts add up', async () => {
    const counts: Record<string, number> = {};
    for (const status of ['pending', 'accepted', 'revoked', 'expired']) {
      counts[status] = (await getAll(`status=${status}&limit=1`)).total_count;
      expect(counts[status]).toBeGreaterThan(0);
    }
    expect((await getAll('status=accepted&status=revoked')).total_count).toBe(
      (counts.accepted ?? 0) + (counts.revoked ?? 0),
    );
    const all = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(all).toBe(TOTAL);
    expect(counts.pending).toBeGreaterThan(all / 2);
  });

  it('matches query as a case-insensitive substring of the address', async () => {
    const page = await getAll(`query=${encodeURIComponent('ACME-Partners')}&limit=500`);
    expect(page.total_count).toBeGreaterThan(100);
    expect(page.data.every((i) => i.email_address.includes('acme-partners'))).toBe(true);
    const none = await getAll('query=zzzz-no-such-thing');
    expect(none).toEqual({ data: [], total_count: 0 });
  });

  it('combines query with a status filter and email ordering', async () => {
    const page = await getAll('query=olivia&status=pending&order_by=-email_address&limit=500');
    expect(page.data.every((i) => i.status === 'pending' && i.email_address.includes('olivia'))).toBe(true);
    const emails = page.data.map((i) => i.email_address);
    expect(emails).toEqual([...emails].sort().reverse());
  });

  it('pages with offset', async () => {
    const first = await getAll('limit=20');
    const second = await getAll('limit=10&offset=10');
    expect(second.data.map((i) => i.id)).toEqual(first.data.slice(10).map((i) => i.id));
  });

  it.each(['limit=0', 'limit=501', 'offset=-5', 'status=open', 'order_by=-updated_at'])(
    'rejects %s with 422',
    async (q) => {
      expect((await emu.json(`/v1/organization_invitations?${q}`)).status).toBe(422);
    },
  );
});

describe("a user's invitations (GET /users/{id}/organization_invitations)", () => {
  it('lists invitations sent to any of the user’s addresses', async () => {
    const sam = DEMO_USERS[0];
    if (!sam) throw new Error('no demo user');
    const created = await emu.clerk.organizations.createOrganizationInvitation({
      organizationId: DEMO_ORGANIZATIONS.globex.id,
      emailAddress: sam.email_address.toUpperCase(),
      role: 'org:member',
    });
    const { body } = await emu.json<Page>(`/v1/users/${sam.id}/organization_invitations?status=pending`);
    expect(body.total_count).toBe(1);
    expect(body.data[0]).toMatchObject({ id: created.id, public_organization_data: { slug: 'globex' } });
  });

  it('answers 404 for an unknown user', async () => {
    expect(
      (await emu.json('/v1/users/user_2Nobody00000000000000000000/organization_invitations')).status,
    ).toBe(404);
  });
});
