import { describe, expect, it } from 'vitest';
import { createTeam } from '../test-support/fixtures.ts';
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

describe('bulkCreate (POST /organizations/{id}/invitations/bulk)', () => {
  const item = (email: string) => ({
    emailAddress: email,
    role: 'org:member' as const,
    inviterUserId: team.admin.id,
  });
  const pendingCount = async () =>
    (await invitations().getOrganizationInvitationList({ organizationId: team.org.id, status: ['pending'] }))
      .totalCount;

  it('creates every invitation and answers the list envelope', async () => {
    const result = await invitations().createOrganizationInvitationBulk(team.org.id, [
      item('bulk1@example.com'),
      item('Bulk2@Example.com'),
      { emailAddress: 'bulk3@example.com', role: 'org:admin', expiresInDays: 2 },
    ]);
    expect(result.totalCount).toBe(3);
    expect(result.data.map((i) => [i.emailAddress, i.role, i.status])).toEqual([
      ['bulk1@example.com', 'org:member', 'pending'],
      ['bulk2@example.com', 'org:member', 'pending'],
      ['bulk3@example.com', 'org:admin', 'pending'],
    ]);
  });

  it('rejects more than 10 items with 400 bulk_size_exceeded', async () => {
    const items = Array.from({ length: 11 }, (_, i) => item(`many${i}@example.com`));
    expect(await sdkError(invitations().createOrganizationInvitationBulk(team.org.id, items))).toMatchObject({
      status: 400,
      code: 'bulk_size_exceeded',
    });
  });

  it('rejects an empty array with 422 form_param_missing', async () => {
    const { status, body } = await emu.json<{ errors: { code: string; long_message: string }[] }>(
      `/v1/organizations/${team.org.id}/invitations/bulk`,
      { method: 'POST', body: [] },
    );
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({
      code: 'form_param_missing',
      long_message: 'at least one item must be provided',
    });
  });

  it.each([
    [
      'an address already pending',
      ['fresh-a@example.com', 'bulk1@example.com'],
      'duplicate_record',
      ['bulk1@example.com'],
    ],
    [
      'the same address twice',
      ['twice@example.com', 'TWICE@example.com'],
      'duplicate_record',
      ['twice@example.com'],
    ],
  ])('creates nothing when one item is %s', async (_name, emails, code, listed) => {
    const before = await pendingCount();
    const error = await sdkError(
      invitations().createOrganizationInvitationBulk(team.org.id, emails.map(item)),
    );
    expect(error).toMatchObject({ status: 400, code });
    expect(error.errors[0]?.meta).toMatchObject({ emailAddresses: listed });
    expect(await pendingCount()).toBe(before);
  });

  it('creates nothing when one item is a member or has an unknown role', async () => {
    const before = await pendingCount();
    const member = team.member.emailAddresses[0]?.emailAddress ?? '';
    expect(
      await sdkError(
        invitations().createOrganizationInvitationBulk(team.org.id, [item('ok@example.com'), item(member)]),
      ),
    ).toMatchObject({
      status: 400,
      code: 'already_a_member_in_organization',
    });
    const badRole = { emailAddress: 'ok2@example.com', role: 'member' };
    expect(
      await sdkError(
        invitations().createOrganizationInvitationBulk(team.org.id, [item('ok3@example.com'), badRole]),
      ),
    ).toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
    expect(await pendingCount()).toBe(before);
  });

  it('reports the index of an invalid item', async () => {
    const { status, body } = await emu.json<{ errors: { code: string; meta: unknown }[] }>(
      `/v1/organizations/${team.org.id}/invitations/bulk`,
      {
        method: 'POST',
        body: [
          { email_address: 'fine@example.com', role: 'org:member' },
          { email_address: 'bad', role: 'org:member' },
        ],
      },
    );
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { param_name: 'email_address', index: 1 },
    });
  });
});
