import { beforeAll, describe, expect, it } from 'vitest';
import { advanceClock, createTeam, DAY_MS } from '../test-support/fixtures.ts';
import { sdkError, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'none' }, (started) => {
  emu = started;
});

const orgs = () => emu.clerk.organizations;
type Team = Awaited<ReturnType<typeof createTeam>>;
const invite = (team: Team, email: string, extra: { expiresInDays?: number } = {}) =>
  orgs().createOrganizationInvitation({
    organizationId: team.org.id,
    emailAddress: email,
    role: 'org:member',
    ...extra,
  });
const accept = (id: string) => emu.api(`/__emulator/invitations/${id}/accept`, { method: 'POST' });

describe('list, get and revoke', () => {
  let team: Team;
  let ids: Record<string, string>;

  beforeAll(async () => {
    team = await createTeam(emu);
    ids = {};
    for (const name of ['p1', 'p2', 'p3', 'r1', 'r2', 'a1', 'e1']) {
      ids[name] = (await invite(team, `${name}@list.example`, name === 'e1' ? { expiresInDays: 1 } : {})).id;
      await advanceClock(emu, 1000);
    }
    await orgs().revokeOrganizationInvitation({ organizationId: team.org.id, invitationId: ids.r1 ?? '' });
    await orgs().revokeOrganizationInvitation({ organizationId: team.org.id, invitationId: ids.r2 ?? '' });
    expect((await accept(ids.a1 ?? '')).status).toBe(200);
    await advanceClock(emu, 2 * DAY_MS);
  });

  const emailsFor = async (status: ('pending' | 'accepted' | 'revoked' | 'expired')[]) => {
    const list = await orgs().getOrganizationInvitationList({
      organizationId: team.org.id,
      status,
      limit: 100,
    });
    return { emails: list.data.map((i) => i.emailAddress.split('@')[0]), total: list.totalCount };
  };

  it('reads a pending invitation past expires_at as expired, in get and in filters', async () => {
    const expired = await orgs().getOrganizationInvitation({
      organizationId: team.org.id,
      invitationId: ids.e1 ?? '',
    });
    expect(expired.status).toBe('expired');
    expect(await emailsFor(['expired'])).toEqual({ emails: ['e1'], total: 1 });
    expect((await emailsFor(['pending'])).emails).not.toContain('e1');
  });

  it('ORs repeated status filters and counts every match', async () => {
    expect(await emailsFor(['pending'])).toEqual({ emails: ['p3', 'p2', 'p1'], total: 3 });
    expect(await emailsFor(['revoked', 'accepted'])).toEqual({ emails: ['a1', 'r2', 'r1'], total: 3 });
    expect(await emailsFor(['pending', 'expired'])).toEqual({ emails: ['e1', 'p3', 'p2', 'p1'], total: 4 });
    expect((await emailsFor([])).total).toBe(7);
  });

  it('pages with limit and offset while total_count counts all matches', async () => {
    const page = await orgs().getOrganizationInvitationList({
      organizationId: team.org.id,
      limit: 2,
      offset: 2,
    });
    expect(page.totalCount).toBe(7);
    expect(page.data.map((i) => i.emailAddress)).toEqual(['r2@list.example', 'r1@list.example']);
  });

  it.each([
    ['-created_at', ['e1', 'a1', 'r2', 'r1', 'p3', 'p2', 'p1']],
    ['created_at', ['p1', 'p2', 'p3', 'r1', 'r2', 'a1', 'e1']],
    ['+email_address', ['a1', 'e1', 'p1', 'p2', 'p3', 'r1', 'r2']],
    ['-email_address', ['r2', 'r1', 'p3', 'p2', 'p1', 'e1', 'a1']],
  ])('orders by %s', async (orderBy, expected) => {
    const { body } = await emu.json<{ data: { email_address: string }[] }>(
      `/v1/organizations/${team.org.id}/invitations?order_by=${encodeURIComponent(orderBy)}&limit=50`,
    );
    expect(body.data.map((i) => i.email_address.split('@')[0])).toEqual(expected);
  });

  it('orders a multi-status filter by email descending', async () => {
    const { body } = await emu.json<{ data: { email_address: string }[]; total_count: number }>(
      `/v1/organizations/${team.org.id}/invitations?status=pending&status=revoked&order_by=-email_address`,
    );
    expect(body.data.map((i) => i.email_address.split('@')[0])).toEqual(['r2', 'r1', 'p3', 'p2', 'p1']);
  });

  it('filters by exact, case-insensitive email_address', async () => {
    const { body } = await emu.json<{ data: { id: string }[]; total_count: number }>(
      `/v1/organizations/${team.org.id}/invitations?email_address=${encodeURIComponent(' P2@List.Example ')}`,
    );
    expect(body).toMatchObject({ total_count: 1, data: [{ id: ids.p2 }] });
    const partial = await emu.json<{ total_count: number }>(
      `/v1/organizations/${team.org.id}/invitations?email_address=p2`,
    );
    expect(partial.body.total_count).toBe(0);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
    ['status=bogus', 'status'],
    ['order_by=name', 'order_by'],
  ])('rejects %s with 422 form_param_value_invalid', async (query, param) => {
    const { status, body } = await emu.json<{ errors: { code: string; meta: unknown }[] }>(
      `/v1/organizations/${team.org.id}/invitations?${query}`,
    );
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: param } });
  });

  it('accepts limit=500 and offset past the end', async () => {
    const { status, body } = await emu.json<{ data: unknown[]; total_count: number }>(
      `/v1/organizations/${team.org.id}/invitations?limit=500&offset=1000`,
    );
    expect({ status, data: body.data, total: body.total_count }).toEqual({ status: 200, data: [], total: 7 });
  });

  it('lists only effectively pending invitations on the deprecated pending endpoint', async () => {
    const { body } = await emu.json<{ data: { email_address: string }[]; total_count: number }>(
      `/v1/organizations/${team.org.id}/invitations/pending?limit=2`,
    );
    expect(body.total_count).toBe(3);
    expect(body.data.map((i) => i.email_address)).toEqual(['p3@list.example', 'p2@list.example']);
  });

  it('answers 404 for an invitation of another organization', async () => {
    const other = await createTeam(emu);
    const error = await sdkError(
      orgs().getOrganizationInvitation({ organizationId: other.org.id, invitationId: ids.p1 ?? '' }),
    );
    expect(error).toMatchObject({ status: 404, code: 'resource_not_found' });
    expect(error.errors[0]?.longMessage).toBe(`No invitation was found with id ${ids.p1}.`);
  });

  it('revokes a pending invitation, bumping updated_at, when an admin requests it', async () => {
    const before = await orgs().getOrganizationInvitation({
      organizationId: team.org.id,
      invitationId: ids.p1 ?? '',
    });
    const revoked = await orgs().revokeOrganizationInvitation({
      organizationId: team.org.id,
      invitationId: ids.p1 ?? '',
      requestingUserId: team.admin.id,
    });
    expect(revoked.status).toBe('revoked');
    expect(revoked.updatedAt).toBeGreaterThan(before.updatedAt);
  });

  it.each([
    ['revoked', 'r1'],
    ['accepted', 'a1'],
    ['expired', 'e1'],
  ])('revoking an %s invitation returns 404 organization_invitation_not_pending', async (_status, name) => {
    const error = await sdkError(
      orgs().revokeOrganizationInvitation({ organizationId: team.org.id, invitationId: ids[name] ?? '' }),
    );
    expect(error).toMatchObject({ status: 404, code: 'organization_invitation_not_pending' });
  });

  it('refuses a revoke requested by a non-admin (403) or an unknown user (404)', async () => {
    const request = (requestingUserId: string) =>
      orgs().revokeOrganizationInvitation({
        organizationId: team.org.id,
        invitationId: ids.p2 ?? '',
        requestingUserId,
      });
    expect(await sdkError(request(team.member.id))).toMatchObject({
      status: 403,
      code: 'not_an_admin_in_organization',
    });
    expect(await sdkError(request('user_2Ghost000000000000000000000'))).toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
  });

  it('allows a new invitation once the previous one expired', async () => {
    expect((await invite(team, 'e1@list.example')).status).toBe('pending');
  });
});

describe('membership quota (max_allowed_memberships)', () => {
  it('counts members plus pending invitations, for single and bulk creates', async () => {
    const team = await createTeam(emu, { maxAllowedMemberships: 4 });
    await invite(team, 'q1@quota.example', { expiresInDays: 1 });
    const bulk = [
      { emailAddress: 'q2@quota.example', role: 'org:member' },
      { emailAddress: 'q3@quota.example', role: 'org:member' },
    ];
    const error = await sdkError(orgs().createOrganizationInvitationBulk(team.org.id, bulk));
    expect(error).toMatchObject({ status: 403, code: 'organization_membership_quota_exceeded' });
    expect(error.errors[0]?.longMessage).toBe(
      'You have reached your limit of 4 organization memberships, including outstanding invitations.',
    );
    await invite(team, 'q2@quota.example');
    expect(await sdkError(invite(team, 'q3@quota.example'))).toMatchObject({ status: 403 });
    const addMember = orgs().createOrganizationMembership({
      organizationId: team.org.id,
      userId: team.outsider.id,
      role: 'org:member',
    });
    expect(await sdkError(addMember)).toMatchObject({
      status: 403,
      code: 'organization_membership_quota_exceeded',
    });
    await advanceClock(emu, 2 * DAY_MS);
    expect((await invite(team, 'q3@quota.example')).status).toBe('pending');
  });

  it('treats 0 as unlimited', async () => {
    const team = await createTeam(emu, { maxAllowedMemberships: 0 });
    const items = Array.from({ length: 10 }, (_, i) => ({
      emailAddress: `u${i}@unlimited.example`,
      role: 'org:member',
    }));
    expect((await orgs().createOrganizationInvitationBulk(team.org.id, items)).totalCount).toBe(10);
  });
});
