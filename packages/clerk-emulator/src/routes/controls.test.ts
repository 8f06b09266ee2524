import { EmulatorEmailList } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { EMULATOR_PUBLISHABLE_KEY } from '../fapi/publishable-key.ts';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../seed/demo-data.ts';
import { FapiBrowser } from '../test-support/fapi-browser.ts';
import { createTeam } from '../test-support/fixtures.ts';
import type { TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo', timeScale: 4 }, (started) => {
  emu = started;
});

interface Acceptance {
  invitation: { status: string; email_address: string };
  membership: {
    role: string;
    public_metadata: unknown;
    private_metadata: unknown;
    public_user_data: { user_id: string; identifier: string };
  };
}

describe('/__emulator controls', () => {
  it('identifies the emulator', async () => {
    const { body } = await emu.json('/__emulator/info');
    expect(body).toMatchObject({
      object: 'emulator',
      name: 'clerk-emulator',
      rate_limits: 'off',
      time_scale: 4,
    });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('publishes the publishable key, the Frontend API URL and the token lifetime', async () => {
    const { body } = await emu.json('/__emulator/info');
    expect(body).toMatchObject({
      publishable_key: EMULATOR_PUBLISHABLE_KEY,
      frontend_api_url: `${emu.url}/fapi`,
      token_ttl_seconds: 60,
    });
  });

  it('lists the emails it would have sent, newest first, all or to one address', async () => {
    const send = async (email: string) => {
      const browser = new FapiBrowser(emu.url);
      const { body } = await browser.post('/v1/client/sign_ins', { identifier: email });
      await browser.post(`/v1/client/sign_ins/${body.response.id}/prepare_first_factor`, {
        strategy: 'email_code',
      });
    };
    const [ada, grace] = [DEMO_USERS[1]?.email_address ?? '', DEMO_USERS[2]?.email_address ?? ''];
    await send(ada);
    await send(grace);
    await send(ada);
    const mine = await emu.json<EmulatorEmailList>(
      `/__emulator/emails?to=${encodeURIComponent(ada.toUpperCase())}`,
    );
    expect(EmulatorEmailList.parse(mine.body).total_count).toBe(2);
    expect(mine.body.data.map((e) => e.to)).toEqual([ada, ada]);
    expect(mine.body.data[0]?.created_at).toBeGreaterThanOrEqual(mine.body.data[1]?.created_at ?? 0);
    expect(mine.body.data[0]).toMatchObject({ slug: 'verification_code', user_id: DEMO_USERS[1]?.id });
    expect(mine.body.data[0]?.code).not.toBe(mine.body.data[1]?.code ?? 'none');
    const all = await emu.json<EmulatorEmailList>('/__emulator/emails?limit=1');
    expect(all.body.data.map((e) => e.to)).toEqual([ada]);
    expect(all.body.total_count).toBeGreaterThanOrEqual(3);
    expect((await fetch(`${emu.url}/__emulator/emails`)).status).toBe(401);
  });

  it('needs the secret key', async () => {
    const response = await fetch(`${emu.url}/__emulator/info`);
    expect(response.status).toBe(401);
  });

  it('accepts an invitation: creates the user, the membership with role and metadata, marks it accepted', async () => {
    const team = await createTeam(emu);
    const invitation = await emu.clerk.organizations.createOrganizationInvitation({
      organizationId: team.org.id,
      emailAddress: 'Newcomer@Accept.example',
      role: 'org:billing',
      publicMetadata: { plan: 'pro' },
      privateMetadata: { ticket: 42 },
    });
    const { status, body } = await emu.json<Acceptance>(`/__emulator/invitations/${invitation.id}/accept`, {
      method: 'POST',
    });
    expect(status).toBe(200);
    expect(body.invitation).toMatchObject({ status: 'accepted', email_address: 'newcomer@accept.example' });
    expect(body.membership).toMatchObject({
      role: 'org:billing',
      public_metadata: { plan: 'pro' },
      private_metadata: { ticket: 42 },
      public_user_data: { identifier: 'newcomer@accept.example' },
    });
    const users = await emu.clerk.users.getUserList({ emailAddress: ['newcomer@accept.example'] });
    expect(users.data.map((u) => u.id)).toEqual([body.membership.public_user_data.user_id]);
    const again = await emu.json<{ errors: { code: string }[] }>(
      `/__emulator/invitations/${invitation.id}/accept`,
      { method: 'POST' },
    );
    expect(again.status).toBe(404);
    expect(again.body.errors[0]?.code).toBe('organization_invitation_not_pending');
  });

  it('reuses the existing user of the invited address', async () => {
    const team = await createTeam(emu);
    const address = team.outsider.emailAddresses[0]?.emailAddress ?? '';
    const invitation = await emu.clerk.organizations.createOrganizationInvitation({
      organizationId: team.org.id,
      emailAddress: address,
      role: 'org:member',
    });
    const { body } = await emu.json<Acceptance>(`/__emulator/invitations/${invitation.id}/accept`, {
      method: 'POST',
    });
    expect(body.membership.public_user_data.user_id).toBe(team.outsider.id);
  });

  it('answers 404 for an unknown invitation', async () => {
    const { status } = await emu.json('/__emulator/invitations/orginv_2Nope0000000000000000000000/accept', {
      method: 'POST',
    });
    expect(status).toBe(404);
  });

  it('moves the clock forward and rejects a negative move', async () => {
    const before = await emu.json<{ now: number; offset_ms: number }>('/__emulator/clock');
    const after = await emu.json<{ now: number; offset_ms: number }>('/__emulator/clock', {
      method: 'POST',
      body: { advance_ms: 60_000 },
    });
    expect(after.body.offset_ms - before.body.offset_ms).toBe(60_000);
    expect(after.body.now - before.body.now).toBeGreaterThanOrEqual(60_000);
    expect((await emu.json('/__emulator/clock', { method: 'POST', body: { advance_ms: -1 } })).status).toBe(
      422,
    );
  });

  it('resets to the seed: created data goes away and the clock offset returns to zero', async () => {
    const org = await emu.clerk.organizations.createOrganization({ name: 'Temporary' });
    const { body } = await emu.json<{ clock_offset_ms: number }>('/__emulator/reset', { method: 'POST' });
    expect(body.clock_offset_ms).toBe(0);
    expect((await emu.json(`/v1/organizations/${org.id}`)).status).toBe(404);
    const acme = await emu.clerk.organizations.getOrganization({ slug: 'acme' });
    expect(acme.id).toBe(DEMO_ORGANIZATIONS.acme.id);
    const list = await emu.clerk.organizations.getOrganizationInvitationList({ organizationId: acme.id });
    expect(list.totalCount).toBe(DEMO_ORGANIZATIONS.acme.invitations);
  });
});
