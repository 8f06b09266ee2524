import type { OrganizationInvitation } from '@invites/clerk-schema';
import { QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { ToastProvider } from '../../../ui/toast.tsx';
import { RevokeButton } from './revoke-button.tsx';

const pending: OrganizationInvitation = {
  object: 'organization_invitation',
  id: 'orginv_1',
  email_address: 'ada@acme.example',
  role: 'org:member',
  role_name: 'Member',
  organization_id: 'org_2AcmeCorp000000000000000000',
  inviter_id: null,
  public_inviter_data: null,
  status: 'pending',
  public_metadata: {},
  url: null,
  expires_at: null,
  created_at: 1,
  updated_at: 1,
};
const revoked: OrganizationInvitation = { ...pending, status: 'revoked' };

describe('RevokeButton', () => {
  it('says who revoked it first when a stale tab revokes again, and closes the dialog', async () => {
    mockApi({
      [`POST /api/v1/organizations/${pending.organization_id}/invitations/${pending.id}/revoke`]: () =>
        json(404, {
          errors: [
            {
              code: 'organization_invitation_not_pending',
              message: 'not pending',
              long_message: "The organization invitation is not in the 'pending' status.",
              meta: {
                invitation_status: 'revoked',
                revoked_by: 'Grace Hopper',
                email_address: 'ada@acme.example',
              },
            },
          ],
          clerk_trace_id: '0123456789abcdef0123456789abcdef',
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<RevokeButton invitation={pending} />);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke invitation' }));
    const notifications = screen.getByRole('region', { name: 'Notifications' });
    expect(await within(notifications).findByText('Already revoked by Grace Hopper')).toBeTruthy();
    expect(within(notifications).getByText('ada@acme.example')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the dialog open with the reason for any other refusal', async () => {
    mockApi({
      [`POST /api/v1/organizations/${pending.organization_id}/invitations/${pending.id}/revoke`]: () =>
        json(502, {
          errors: [
            { code: 'upstream_unavailable', message: 'x', long_message: 'Clerk could not be reached.' },
          ],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<RevokeButton invitation={pending} />);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke invitation' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Clerk could not be reached.');
    expect(screen.getByRole('dialog', { name: 'Revoke invitation?' })).toBeTruthy();
  });

  it('confirms the revoke with a toast even when the row shows it revoked first and the dialog is gone', async () => {
    let answer: (response: Response) => void = () => {};
    mockApi({
      [`POST /api/v1/organizations/${pending.organization_id}/invitations/${pending.id}/revoke`]: () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });
    const user = userEvent.setup();
    const { client, rerender } = renderWithProviders(<RevokeButton invitation={pending} />);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke invitation' }));
    // A refreshed list arrives first: the row is revoked, its button and dialog unmount.
    rerender(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <RevokeButton invitation={revoked} />
        </ToastProvider>
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    answer(json(200, revoked));
    expect(await screen.findByText('Invitation revoked')).toBeTruthy();
    expect(screen.getByText('ada@acme.example')).toBeTruthy();
  });
});
