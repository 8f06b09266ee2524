import { describe, expect, it } from 'vitest';
import { createTeam, DAY_MS } from '../test-support/fixtures.ts';
import { sdkError, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
let team: Awaited<ReturnType<typeof createTeam>>;

useTestEmulator(
  { seed: 'none' },
  (started) => {
    emu = started;
  },
  async (started) => {
    team = await createTeam(started);
  },
);

const invitations = () => emu.clerk.organizations;

describe('create (POST /organizations/{id}/invitations)', () => {
  it('creates a pending invitation with a trimmed, lower-cased address, inviter data and an accept URL', async () => {
    const invitation = await invitations().createOrganizationInvitation({
      organizationId: team.org.id,
      emailAddress: '  New.Person@Example.COM ',
      role: 'org:member',
      inviterUserId: team.admin.id,
      expiresInDays: 7,
      publicMetadata: { team: 'sales' },
      redirectUrl: 'https://app.example.com/welcome',
    });
    expect(invitation).toMatchObject({
      emailAddress: 'new.person@example.com',
      role: 'org:member',
      roleName: 'Member',
      organizationId: team.org.id,
      status: 'pending',
      publicMetadata: { team: 'sales' },
      privateMetadata: {},
    });
    expect(invitation.id).toMatch(/^orginv_[0-9A-Za-z]{27}$/);
    expect(invitation.expiresAt - invitation.createdAt).toBe(7 * DAY_MS);
    expect(invitation.createdAt).toBeGreaterThan(1_600_000_000_000);
    const url = new URL(invitation.url ?? '');
    expect(url.origin + url.pathname).toBe('https://app.example.com/welcome');
    expect(url.searchParams.get('__clerk_ticket')).toBeTruthy();
    expect(invitation.raw).toMatchObject({
      inviter_id: team.admin.id,
      public_inviter_data: {
        user_id: team.admin.id,
        first_name: 'Admin',
        identifier: team.admin.emailAddresses[0]?.emailAddress,
      },
    });
  });

  it('defaults to 30 days, empty metadata, no inviter and an emulator accept URL', async () => {
    const invitation = await invitations().createOrganizationInvitation({
      organizationId: team.org.id,
      emailAddress: 'defaults@example.com',
      role: 'org:billing',
    });
    expect(invitation.expiresAt - invitation.createdAt).toBe(30 * DAY_MS);
    expect(invitation.roleName).toBe('Billing manager');
    expect(invitation.raw).toMatchObject({
      inviter_id: null,
      public_inviter_data: null,
      public_metadata: {},
      private_metadata: {},
    });
    expect(invitation.url).toMatch(new RegExp(`^${emu.url}/`));
  });

  it.each([
    [
      'a second pending invitation for the address',
      () => ({ emailAddress: 'DEFAULTS@example.com', role: 'org:member' }),
      400,
      'organization_invitation_not_unique',
    ],
    [
      'an address that belongs to a member',
      () => ({ emailAddress: `MEMBER${team.domain.replace(/\D/g, '')}@${team.domain}`, role: 'org:member' }),
      400,
      'already_a_member_in_organization',
    ],
    [
      'an inviter who is only a member',
      () => ({ emailAddress: 'x1@example.com', role: 'org:member', inviterUserId: team.member.id }),
      403,
      'not_an_admin_in_organization',
    ],
    [
      'an unknown inviter',
      () => ({
        emailAddress: 'x2@example.com',
        role: 'org:member',
        inviterUserId: 'user_2NoSuchUser0000000000000000',
      }),
      404,
      'resource_not_found',
    ],
    [
      'a role without the org: prefix',
      () => ({ emailAddress: 'x3@example.com', role: 'admin' }),
      404,
      'resource_not_found',
    ],
    [
      'an invalid address',
      () => ({ emailAddress: 'not-an-email', role: 'org:member' }),
      422,
      'form_param_format_invalid',
    ],
    [
      'expires_in_days above 365',
      () => ({ emailAddress: 'x4@example.com', role: 'org:member', expiresInDays: 366 }),
      422,
      'form_param_value_invalid',
    ],
  ])('rejects %s', async (_name, params, status, code) => {
    const error = await sdkError(
      invitations().createOrganizationInvitation({ organizationId: team.org.id, ...params() }),
    );
    expect(error).toMatchObject({ status, code });
    expect(error.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('names the role parameter when the role is unknown', async () => {
    const error = await sdkError(
      invitations().createOrganizationInvitation({
        organizationId: team.org.id,
        emailAddress: 'r@example.com',
        role: 'org:nope',
      }),
    );
    expect(error.errors[0]).toMatchObject({
      longMessage: 'Organization role not found',
      meta: { paramName: 'role' },
    });
  });

  it('answers 404 "Given organization not found." for an unknown organization or a slug', async () => {
    for (const organizationId of ['org_2NoSuchOrg00000000000000000', team.org.slug]) {
      const error = await sdkError(
        invitations().createOrganizationInvitation({
          organizationId,
          emailAddress: 'y@example.com',
          role: 'org:member',
        }),
      );
      expect(error).toMatchObject({ status: 404, code: 'resource_not_found' });
      expect(error.errors[0]?.longMessage).toBe('Given organization not found.');
    }
  });

  it.each([
    [{}, 'form_param_missing', 'email_address'],
    [{ email_address: 'z@example.com' }, 'form_param_missing', 'role'],
    [{ email_address: 'z@example.com', role: 'org:member', sneaky: true }, 'form_param_unknown', 'sneaky'],
    [
      { email_address: 'z@example.com', role: 'org:member', expires_in_days: 0 },
      'form_param_value_invalid',
      'expires_in_days',
    ],
  ])('answers 422 for body %j', async (body, code, param) => {
    const { status, body: error } = await emu.json<{ errors: { code: string; meta: unknown }[] }>(
      `/v1/organizations/${team.org.id}/invitations`,
      { method: 'POST', body },
    );
    expect(status).toBe(422);
    expect(error.errors[0]).toMatchObject({ code, meta: { param_name: param } });
  });

  it('answers 400 request_body_invalid for malformed JSON', async () => {
    const { status, body } = await emu.json<{ errors: { code: string }[] }>(
      `/v1/organizations/${team.org.id}/invitations`,
      {
        method: 'POST',
        body: '{"email_address": ',
      },
    );
    expect(status).toBe(400);
    expect(body.errors[0]?.code).toBe('request_body_invalid');
  });
});
