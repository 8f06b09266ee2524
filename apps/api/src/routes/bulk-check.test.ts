import type { BulkCheckResult, OrganizationInvitationList } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';

let h: Harness;
let clock = Date.now();
const tokens = {} as Record<Persona, string>;
const TTL_MS = 5_000;

beforeAll(async () => {
  // The api's clock moves only by hand here, to expire the check's cache on purpose.
  h = await startHarness({ recipientCheckTtlMs: TTL_MS }, { now: () => clock });
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const) {
    tokens[persona] = await h.tokenFor(persona);
    await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens[persona]}` } });
  }
});
afterAll(() => h.close());

function check(persona: Persona, organization_id: string, email_addresses: string[]) {
  return h.app.request('/api/bulk-invitations/check', {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[persona]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ organization_id, email_addresses }),
  });
}

const listCalls = (from: number) =>
  h.calls.slice(from).filter((c) => c.path.endsWith('/invitations') || c.path.endsWith('/memberships'));

async function somePending(n: number): Promise<{ email: string; id: string }[]> {
  const res = await h.emulator('GET', `/v1/organizations/${h.orgA}/invitations?status=pending&limit=${n}`);
  return ((await res.json()) as OrganizationInvitationList).data.map((i) => ({
    email: i.email_address,
    id: i.id,
  }));
}

describe('bulk invite preview check', () => {
  it('finds pending invitations and members of the organization, case-insensitively', async () => {
    const pending = await somePending(3);
    const res = await check('adminA', h.orgA, [
      ...pending.map((p) => p.email.toUpperCase()),
      'Ada@Acme.example',
      ' maya@acme.example ',
      'nobody-here@example.com',
      'grace@globex.example',
    ]);
    expect(res.status).toBe(200);
    const result = (await res.json()) as BulkCheckResult;
    expect(result.pending).toEqual(pending.map((p) => ({ email_address: p.email, invitation_id: p.id })));
    expect(result.members).toEqual([
      { email_address: 'ada@acme.example', user_id: h.userIds.adminA },
      { email_address: 'maya@acme.example', user_id: h.userIds.member },
    ]);
  });

  it('pages through every pending invitation (more than 500) and reuses the answer within the TTL', async () => {
    clock += TTL_MS + 1;
    const all = await somePending(500);
    const last = (
      (await (
        await h.emulator('GET', `/v1/organizations/${h.orgA}/invitations?status=pending&limit=1&offset=1100`)
      ).json()) as OrganizationInvitationList
    ).data[0];
    expect(last).toBeDefined();
    const before = h.calls.length;
    const first = (await (
      await check('adminA', h.orgA, [all[0]!.email, last!.email_address])
    ).json()) as BulkCheckResult;
    expect(first.pending.map((p) => p.invitation_id)).toEqual([all[0]!.id, last!.id]);
    const coldCalls = listCalls(before).length;
    // 1,216 pending in the demo's Acme: 3 pages, plus 1 page of memberships.
    expect(coldCalls).toBe(4);

    const warm = h.calls.length;
    for (let i = 0; i < 10; i++) await check('adminA', h.orgA, [`typing-${i}@example.com`]);
    expect(listCalls(warm)).toEqual([]);

    clock += TTL_MS + 1;
    await check('adminA', h.orgA, ['after-ttl@example.com']);
    expect(listCalls(warm)).toHaveLength(coldCalls);
  });

  it('previews that arrive together share one load', async () => {
    clock += TTL_MS + 1;
    const before = h.calls.length;
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => check('staff', h.orgA, [`together-${i}@example.com`])),
    );
    expect(listCalls(before)).toHaveLength(4);
  });

  it('sees an invitation created through the api right away (the cache is dropped)', async () => {
    const email = `just-invited-${Date.now()}@example.com`;
    await check('adminA', h.orgA, [email]);
    const created = await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.adminA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email_address: email, role: 'org:member' }),
    });
    const { id } = (await created.json()) as { id: string };
    const result = (await (await check('adminA', h.orgA, [email])).json()) as BulkCheckResult;
    expect(result.pending).toEqual([{ email_address: email, invitation_id: id }]);
  });

  it('checks 1,000 addresses: read from Clerk once, then answered from the cache (speed: pnpm bench)', async () => {
    const pending = await somePending(200);
    const emails = [
      ...pending.map((p) => p.email),
      ...Array.from({ length: 800 }, (_, i) => `new-${i}@preview.example`),
    ];
    clock += TTL_MS + 1;
    let from = h.calls.length;
    const cold = await check('adminA', h.orgA, emails);
    expect(((await cold.json()) as BulkCheckResult).pending).toHaveLength(200);
    expect(listCalls(from).length).toBeGreaterThan(0);
    from = h.calls.length;
    const warm = await check('adminA', h.orgA, emails);
    expect(((await warm.json()) as BulkCheckResult).pending).toHaveLength(200);
    expect(listCalls(from)).toHaveLength(0);
  });

  it.each([
    ['a plain member', 'member', 403],
    ['the admin of another organization', 'adminB', 403],
  ] as const)('refuses %s with %i and asks Clerk nothing', async (_who, persona, status) => {
    clock += TTL_MS + 1;
    const before = h.calls.length;
    const res = await check(persona, h.orgA, ['a@example.com']);
    expect(res.status).toBe(status);
    expect(listCalls(before)).toEqual([]);
  });

  it('refuses a malformed organization id with 422 before asking Clerk', async () => {
    const before = h.calls.length;
    const res = await check('staff', 'acme', ['a@example.com']);
    expect(res.status).toBe(422);
    expect(listCalls(before)).toEqual([]);
  });
});
