import type { InvitationStatus, OrganizationInvitation } from '@invites/clerk-schema';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../../lib/dates.ts';
import { json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { InvitationDetail } from './invitation-detail.tsx';

const ORG = 'org_2AcmeCorp000000000000000000';
const DAY = 24 * 3600_000;

function invitation(status: InvitationStatus): OrganizationInvitation {
  const now = Date.now();
  const past = status === 'expired';
  return {
    object: 'organization_invitation',
    id: `orginv_${status}`,
    email_address: `${status}@acme.example`,
    role: 'org:member',
    role_name: 'Member',
    organization_id: ORG,
    inviter_id: null,
    public_inviter_data: null,
    status,
    public_metadata: {},
    url: 'https://accounts.example/accept?ticket=abc',
    expires_at: past ? now - 3 * DAY : now + 20 * DAY,
    created_at: now - 10 * DAY,
    updated_at: now - DAY,
  };
}

async function open(status: InvitationStatus) {
  const inv = invitation(status);
  mockApi({ [`GET /api/v1/organizations/${ORG}/invitations/${inv.id}`]: () => json(200, inv) });
  renderWithProviders(
    <InvitationDetail
      orgId={ORG}
      invitationId={inv.id}
      onClose={() => {}}
      showPrivateMetadata={false}
      actions={(i) => (i.status === 'expired' ? <button type="button">Next step</button> : null)}
    />,
  );
  const dialog = await screen.findByRole('dialog', { name: inv.email_address }, { timeout: 5000 });
  // The fields' code loads beside the invitation's data.
  await within(dialog).findByText('Status', { selector: 'dt' });
  return { dialog, inv };
}

/** The description of a term in the detail list. */
function definition(dialog: HTMLElement, term: string): HTMLElement {
  const dt = within(dialog).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

describe('InvitationDetail follows the status', () => {
  it('a pending invitation offers its link and says when it expires', async () => {
    const { dialog, inv } = await open('pending');
    expect(within(dialog).getByRole('button', { name: 'Copy invitation link' })).toBeTruthy();
    expect(definition(dialog, 'Expires').textContent).toContain(formatRelative(inv.expires_at ?? 0));
  });

  it.each(['revoked', 'accepted'] as const)(
    'an invitation that was %s offers no link and no future expiry',
    async (status) => {
      const { dialog, inv } = await open(status);
      expect(within(dialog).queryByRole('button', { name: 'Copy invitation link' })).toBeNull();
      expect(within(dialog).queryByText(inv.url ?? '')).toBeNull();
      expect(definition(dialog, 'URL').textContent).toBe(
        `The link no longer works: the invitation was ${status}.`,
      );
      const expires = definition(dialog, 'Expires').textContent;
      expect(expires).toBe(`No longer applies: the invitation was ${status}.`);
      expect(expires).not.toContain(formatRelative(inv.expires_at ?? 0));
    },
  );

  it('an expired invitation says when it expired, offers no link, and has a next step in its footer', async () => {
    const { dialog, inv } = await open('expired');
    expect(within(dialog).queryByRole('button', { name: 'Copy invitation link' })).toBeNull();
    expect(definition(dialog, 'Expired').textContent).toContain(formatRelative(inv.expires_at ?? 0));
    expect(formatRelative(inv.expires_at ?? 0)).toMatch(/ago/);
    expect(within(dialog).getByRole('button', { name: 'Next step' })).toBeTruthy();
  });
});
