import type { OrganizationInvitationList, OrganizationInvitationWithOrgList } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { age, DAY_MS, freshEmail, invitation, organization } from '../test/lifecycle-fixtures.ts';

let h: Harness;
let call: ApiClient;
let org: string;
let byDays: Map<number, string>;

beforeAll(async () => {
  h = await startHarness();
  call = apiClient(h, await signIn(h, ['adminA', 'adminB', 'staff']));
  org = await organization(h, 'Lifecycle Expiry');
  byDays = new Map();
  for (const days of [20, 1, 8, 3, 6]) {
    const inv = await invitation(h, org, freshEmail(`d${days}`), {
      expires_in_days: days,
      private_metadata: { note: 'internal' },
    });
    byDays.set(days, inv.id);
  }
  const gone = await invitation(h, org, freshEmail('gone'), { expires_in_days: 1 });
  await age(h, [gone.id], 2 * DAY_MS);
});
afterAll(() => h.close());

const list = async (persona: 'adminA' | 'staff', path: string) => {
  const res = await call(persona, 'GET', path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as OrganizationInvitationList;
};

describe('GET /api/organizations/:org/invitations/expiring', () => {
  it('answers the pending invitations expiring within the window, soonest first, with the count of all', async () => {
    const week = await list('staff', `/api/organizations/${org}/invitations/expiring?expires_within=7`);
    expect(week.total_count).toBe(3);
    expect(week.data.map((i) => i.id)).toEqual([byDays.get(1), byDays.get(3), byDays.get(6)]);
    expect(week.data.every((i) => i.status === 'pending')).toBe(true);
    const paged = await list(
      'staff',
      `/api/organizations/${org}/invitations/expiring?expires_within=30&limit=2&offset=2`,
    );
    expect(paged.total_count).toBe(5);
    expect(paged.data.map((i) => i.id)).toEqual([byDays.get(6), byDays.get(8)]);
    const three = await list('staff', `/api/organizations/${org}/invitations/expiring?expires_within=3`);
    expect(three.data.map((i) => i.id)).toEqual([byDays.get(1), byDays.get(3)]);
  });

  it('reads Clerk once per organization while fresh; a change through the api is seen at once', async () => {
    const path = `/api/organizations/${org}/invitations/expiring?expires_within=14`;
    await list('staff', path);
    const before = h.calls.length;
    const again = await list('staff', path);
    expect(h.calls.length).toBe(before);
    const res = await call('staff', 'POST', `/api/v1/organizations/${org}/invitations`, {
      email_address: freshEmail('new'),
      role: 'org:member',
      expires_in_days: 2,
    });
    expect(res.status).toBe(200);
    const after = await list('staff', path);
    expect(after.total_count).toBe(again.total_count + 1);
  });

  it('filters by exact address, and reads pages of 500', async () => {
    const email = freshEmail('exact');
    // Made through the api, so the kept list is dropped and read again.
    await call('staff', 'POST', `/api/v1/organizations/${org}/invitations`, {
      email_address: email,
      role: 'org:member',
      expires_in_days: 4,
    });
    const before = h.calls.length;
    const found = await list(
      'staff',
      `/api/organizations/${org}/invitations/expiring?expires_within=7&email_address=${encodeURIComponent(email.toUpperCase())}`,
    );
    expect(found.data.map((i) => i.email_address)).toEqual([email]);
    const read = h.calls.slice(before).filter((c) => c.path === `/v1/organizations/${org}/invitations`);
    expect(read.map((c) => new URLSearchParams(c.query).get('limit'))).toEqual(['500']);
    expect(read.map((c) => new URLSearchParams(c.query).get('status'))).toEqual(['pending']);
  });

  it('never shows private metadata to an org admin, keeps them to their organization, refuses other windows', async () => {
    const own = await list('adminA', `/api/organizations/${h.orgA}/invitations/expiring?expires_within=30`);
    expect(JSON.stringify(own)).not.toContain('private_metadata');
    expect(
      (await call('adminA', 'GET', `/api/organizations/${org}/invitations/expiring?expires_within=7`)).status,
    ).toBe(403);
    const bad = await call('staff', 'GET', `/api/organizations/${org}/invitations/expiring?expires_within=5`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ code: 'form_param_value_invalid' }] });
  });
});

describe('GET /api/invitations/expiring (staff)', () => {
  it('answers across organizations with each one’s name, by part of the address; org admins get 403', async () => {
    const res = await call('staff', 'GET', '/api/invitations/expiring?expires_within=7&query=d3-');
    const body = (await res.json()) as OrganizationInvitationWithOrgList;
    expect(body.data.map((i) => i.id)).toContain(byDays.get(3));
    expect(body.data.find((i) => i.id === byDays.get(3))?.public_organization_data.name).toBe(
      'Lifecycle Expiry',
    );
    expect((await call('adminA', 'GET', '/api/invitations/expiring?expires_within=7')).status).toBe(403);
  });
});
