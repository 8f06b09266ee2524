import type { ActivityList, OrganizationMembershipList, User } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, signIn } from '../test/api-client.ts';
import { type Harness, startHarness } from '../test/harness.ts';
import { freshEmail } from '../test/lifecycle-fixtures.ts';

let h: Harness;
let call: ApiClient;
beforeAll(async () => {
  h = await startHarness();
  call = apiClient(h, await signIn(h, ['adminA', 'member', 'staff']));
});
afterAll(() => h.close());

describe('person lookup: GET /api/v1/users?email_address= and a user’s memberships (staff only)', () => {
  it('finds the user with that exact address, then their organizations with role and since', async () => {
    const res = await call('staff', 'GET', '/api/v1/users?email_address=%20MAYA%40acme.example');
    expect(res.status).toBe(200);
    const users = (await res.json()) as User[];
    expect(users.map((u) => u.id)).toEqual([h.userIds.member]);
    expect(users[0]).toMatchObject({ banned: false, locked: false });
    const sent = h.calls.at(-1);
    expect(sent?.path).toBe('/v1/users');
    expect(Object.fromEntries(new URLSearchParams(sent?.query))).toEqual({
      email_address: 'maya@acme.example',
      limit: '10',
    });

    const memberships = await call(
      'staff',
      'GET',
      `/api/v1/users/${h.userIds.member}/organization_memberships`,
    );
    expect(memberships.status).toBe(200);
    const list = (await memberships.json()) as OrganizationMembershipList;
    expect(list.data.map((m) => [m.organization.id, m.role])).toContainEqual([h.orgA, 'org:member']);
  });

  it('answers an empty list for an address nobody has', async () => {
    const res = await call(
      'staff',
      'GET',
      `/api/v1/users?email_address=${encodeURIComponent(freshEmail('nobody'))}`,
    );
    expect(await res.json()).toEqual([]);
  });

  it('is for staff only, takes one valid address and nothing else, and checks the user id first', async () => {
    for (const persona of ['adminA', 'member'] as const) {
      expect((await call(persona, 'GET', '/api/v1/users?email_address=maya%40acme.example')).status).toBe(
        403,
      );
      expect(
        (await call(persona, 'GET', `/api/v1/users/${h.userIds.member}/organization_memberships`)).status,
      ).toBe(403);
    }
    const before = h.calls.length;
    for (const query of [
      '',
      'email_address=not-an-address',
      'email_address=a%40x.example&query=a',
      'query=ada',
    ]) {
      expect((await call('staff', 'GET', `/api/v1/users?${query}`)).status, query).toBe(422);
    }
    expect((await call('staff', 'GET', '/api/v1/users/nope/organization_memberships')).status).toBe(404);
    expect(h.calls.length).toBe(before);
  });
});

describe('GET /api/activity?email_address=', () => {
  it('answers the entries about that address only, exactly, within the viewer’s organizations', async () => {
    const email = freshEmail('audit_me');
    const other = email.replace('audit_me', 'auditXme');
    for (const address of [email, other]) {
      const res = await call('adminA', 'POST', `/api/v1/organizations/${h.orgA}/invitations`, {
        email_address: address,
        role: 'org:member',
      });
      expect(res.status).toBe(200);
    }
    await h.flushActivity();
    const mine = (await (
      await call('staff', 'GET', `/api/activity?email_address=${encodeURIComponent(email.toUpperCase())}`)
    ).json()) as ActivityList;
    expect(mine.total_count).toBe(1);
    expect(mine.data[0]).toMatchObject({ action: 'invitation.create', email_addresses: [email] });
    // `_` is a LIKE wildcard: the other address (with `X` in its place) must not match.
    const admin = (await (
      await call('adminA', 'GET', `/api/activity?email_address=${encodeURIComponent(email)}`)
    ).json()) as ActivityList;
    expect(admin.data.map((e) => e.email_addresses)).toEqual([[email]]);
  });
});
