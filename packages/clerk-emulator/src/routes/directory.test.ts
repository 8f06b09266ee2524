import { describe, expect, it } from 'vitest';
import { advanceClock, createTeam } from '../test-support/fixtures.ts';
import { sdkError, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'none' }, (started) => {
  emu = started;
});

describe('users', () => {
  it('creates a user the SDK can read (User.fromJSON), with normalised addresses', async () => {
    const user = await emu.clerk.users.createUser({
      emailAddress: ['  Ivy.Stone@Example.com', 'ivy@second.example'],
      firstName: 'Ivy',
      lastName: 'Stone',
      privateMetadata: { dashboard_role: 'staff' },
      skipPasswordRequirement: true,
    });
    expect(user.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(user.primaryEmailAddress?.emailAddress).toBe('ivy.stone@example.com');
    expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual([
      'ivy.stone@example.com',
      'ivy@second.example',
    ]);
    expect(user.privateMetadata).toEqual({ dashboard_role: 'staff' });
    const again = await emu.clerk.users.getUser(user.id);
    expect(again.fullName).toBe('Ivy Stone');
  });

  it('rejects a taken address, an invalid one and an unknown field', async () => {
    expect(
      await sdkError(emu.clerk.users.createUser({ emailAddress: ['IVY.STONE@example.com'] })),
    ).toMatchObject({
      status: 422,
      code: 'form_identifier_exists',
    });
    expect(await sdkError(emu.clerk.users.createUser({ emailAddress: ['nope'] }))).toMatchObject({
      status: 422,
      code: 'form_param_format_invalid',
    });
    const { status, body } = await emu.json<{ errors: { code: string }[] }>('/v1/users', {
      method: 'POST',
      body: { nickname: 'x' },
    });
    expect(status).toBe(422);
    expect(body.errors[0]?.code).toBe('form_param_unknown');
  });

  it('lists users by email_address, user_id and query, with the total from /users/count', async () => {
    const team = await createTeam(emu);
    const byEmail = await emu.clerk.users.getUserList({
      emailAddress: [team.admin.emailAddresses[0]?.emailAddress ?? ''],
    });
    expect(byEmail.data.map((u) => u.id)).toEqual([team.admin.id]);
    expect(byEmail.totalCount).toBe(1);
    const byId = await emu.clerk.users.getUserList({ userId: [team.admin.id, team.member.id] });
    expect(byId.data.map((u) => u.id).sort()).toEqual([team.admin.id, team.member.id].sort());
    const byQuery = await emu.clerk.users.getUserList({ query: team.domain, limit: 2 });
    expect(byQuery.data).toHaveLength(2);
    expect(byQuery.totalCount).toBe(3);
  });

  it('answers 404 for an unknown user', async () => {
    expect(await sdkError(emu.clerk.users.getUser('user_2Unknown000000000000000000'))).toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
  });
});

describe('organizations', () => {
  it('creates one with a generated slug, counts and the creator as admin', async () => {
    const creator = await emu.clerk.users.createUser({ emailAddress: ['founder@wayne.example'] });
    const org = await emu.clerk.organizations.createOrganization({
      name: 'Wayne Enterprises',
      createdBy: creator.id,
    });
    expect(org).toMatchObject({ slug: 'wayne-enterprises', membersCount: 1, maxAllowedMemberships: 0 });
    expect(org.raw).toMatchObject({ pending_invitations_count: 0, created_by: creator.id });
    const bySlug = await emu.clerk.organizations.getOrganization({ slug: 'wayne-enterprises' });
    expect(bySlug.id).toBe(org.id);
    const memberships = await emu.clerk.users.getOrganizationMembershipList({ userId: creator.id });
    expect(memberships.data.map((m) => [m.organization.id, m.role])).toEqual([[org.id, 'org:admin']]);
  });

  it('rejects a taken slug, an unknown creator and an unknown organization', async () => {
    expect(
      await sdkError(
        emu.clerk.organizations.createOrganization({ name: 'Again', slug: 'wayne-enterprises' }),
      ),
    ).toMatchObject({
      status: 422,
      code: 'form_identifier_exists',
    });
    expect(
      await sdkError(
        emu.clerk.organizations.createOrganization({
          name: 'X',
          createdBy: 'user_2Nope00000000000000000000',
        }),
      ),
    ).toMatchObject({
      status: 404,
    });
    const missing = await sdkError(
      emu.clerk.organizations.getOrganization({ organizationId: 'org_2Missing000000000000000000' }),
    );
    expect(missing).toMatchObject({ status: 404, code: 'resource_not_found' });
    expect(missing.errors[0]?.longMessage).toBe('Given organization not found.');
  });

  it('lists with a partial name or slug, an exact ID, ordering and paging', async () => {
    const names = ['Zeta Labs', 'Alpha Works', 'Mid Co'];
    const created = [];
    for (const name of names) {
      created.push(await emu.clerk.organizations.createOrganization({ name }));
      await advanceClock(emu, 1000);
    }
    const byName = await emu.clerk.organizations.getOrganizationList({ query: 'LABS' });
    expect(byName.data.map((o) => o.name)).toEqual(['Zeta Labs']);
    const bySlug = await emu.clerk.organizations.getOrganizationList({ query: 'alpha-wo' });
    expect(bySlug.data.map((o) => o.name)).toEqual(['Alpha Works']);
    const byId = await emu.clerk.organizations.getOrganizationList({ query: created[2]?.id ?? '' });
    expect(byId.data.map((o) => o.name)).toEqual(['Mid Co']);
    const newest = await emu.clerk.organizations.getOrganizationList({ limit: 2 });
    expect(newest.data.map((o) => o.name)).toEqual(['Mid Co', 'Alpha Works']);
    const total = newest.totalCount;
    const byNameAsc = await emu.clerk.organizations.getOrganizationList({ orderBy: 'name', limit: 500 });
    expect(byNameAsc.totalCount).toBe(total);
    const sorted = byNameAsc.data.map((o) => o.name);
    expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byMembers = await emu.clerk.organizations.getOrganizationList({
      orderBy: '-members_count',
      limit: 500,
    });
    const counts = byMembers.data.map((o) => o.membersCount ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('memberships and roles', () => {
  it('adds members, filters them by role and refuses duplicates, unknown users and roles', async () => {
    const team = await createTeam(emu);
    await emu.clerk.organizations.createOrganizationMembership({
      organizationId: team.org.id,
      userId: team.outsider.id,
      role: 'org:billing',
    });
    const billing = await emu.clerk.organizations.getOrganizationMembershipList({
      organizationId: team.org.id,
      role: ['org:billing'],
    });
    expect(
      billing.data.map((m) => [
        m.publicUserData?.userId,
        m.role,
        (m.raw as { role_name?: string } | null)?.role_name,
      ]),
    ).toEqual([[team.outsider.id, 'org:billing', 'Billing manager']]);
    expect(billing.data[0]?.permissions).toContain('org:billing:manage');
    const all = await emu.clerk.organizations.getOrganizationMembershipList({ organizationId: team.org.id });
    expect(all.totalCount).toBe(3);
    const again = emu.clerk.organizations.createOrganizationMembership({
      organizationId: team.org.id,
      userId: team.member.id,
      role: 'org:member',
    });
    expect(await sdkError(again)).toMatchObject({ status: 400, code: 'already_a_member_in_organization' });
    const ghost = emu.clerk.organizations.createOrganizationMembership({
      organizationId: team.org.id,
      userId: 'user_2Ghost000000000000000000000',
      role: 'org:member',
    });
    expect(await sdkError(ghost)).toMatchObject({ status: 404, code: 'resource_not_found' });
    const role = emu.clerk.organizations.createOrganizationMembership({
      organizationId: team.org.id,
      userId: team.outsider.id,
      role: 'org:owner',
    });
    expect(await sdkError(role)).toMatchObject({ status: 404, code: 'resource_not_found' });
  });

  it("lists the instance's roles: Admin, Member and a custom Billing manager", async () => {
    const roles = await emu.clerk.organizationRoles.getOrganizationRoleList();
    expect(roles.totalCount).toBe(3);
    expect(roles.data.map((r) => [r.key, r.name]).sort()).toEqual([
      ['org:admin', 'Admin'],
      ['org:billing', 'Billing manager'],
      ['org:member', 'Member'],
    ]);
  });
});
