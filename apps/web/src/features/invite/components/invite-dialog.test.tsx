import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clerkError, json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { InviteDialog } from './invite-dialog.tsx';

const ORG = 'org_2AcmeCorp000000000000000000';
const roles = {
  data: [
    {
      object: 'role',
      id: 'role_1',
      key: 'org:admin',
      name: 'Admin',
      description: null,
      is_creator_eligible: true,
      permissions: [],
      created_at: 1,
      updated_at: 1,
    },
    {
      object: 'role',
      id: 'role_2',
      key: 'org:member',
      name: 'Member',
      description: null,
      is_creator_eligible: false,
      permissions: [],
      created_at: 1,
      updated_at: 1,
    },
  ],
  total_count: 2,
};
const created = {
  object: 'organization_invitation',
  id: 'orginv_1',
  email_address: 'new@acme.example',
  role: 'org:member',
  role_name: 'Member',
  organization_id: ORG,
  inviter_id: null,
  public_inviter_data: null,
  status: 'pending',
  public_metadata: {},
  url: 'https://accounts.example/accept?ticket=t',
  expires_at: 2,
  created_at: 1,
  updated_at: 1,
};

afterEach(() => vi.unstubAllGlobals());

async function openForm(handlers: Parameters<typeof mockApi>[0], isStaff = false) {
  const api = mockApi({ 'GET /api/v1/organization_roles': () => json(200, roles), ...handlers });
  const onClose = vi.fn();
  renderWithProviders(<InviteDialog orgId={ORG} orgName="Acme Corp" isStaff={isStaff} onClose={onClose} />);
  await waitFor(() => expect(screen.getByLabelText('Role')).toHaveProperty('value', 'org:member'));
  return { api, onClose, user: userEvent.setup() };
}

describe('InviteDialog', () => {
  it('names the dialog and labels every field; private metadata only for staff', async () => {
    await openForm({});
    expect(screen.getByRole('dialog', { name: 'Invite member' })).toBeTruthy();
    for (const label of [
      'Email address',
      'Role',
      'Expires in (days)',
      'Redirect URL',
      'Send invitation email',
      'Public metadata',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.queryByLabelText('Private metadata')).toBeNull();
    expect(screen.getByLabelText('Expires in (days)')).toHaveProperty('value', '30');
    expect(screen.getByLabelText('Send invitation email')).toHaveProperty('checked', true);
  });

  it('validates with the shared schema before sending anything', async () => {
    const { api, user } = await openForm({});
    await user.type(screen.getByLabelText('Email address'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Email address is missing an @.')).toBeTruthy();
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('puts "already invited" on Email address and keeps what was typed', async () => {
    const { user } = await openForm({
      [`POST /api/v1/organizations/${ORG}/invitations`]: () =>
        clerkError(
          400,
          'organization_invitation_not_unique',
          'Organizations cannot have duplicate pending invitations for an email address.',
        ),
    });
    await user.type(screen.getByLabelText('Email address'), 'dup@acme.example');
    await user.type(screen.getByLabelText('Public metadata'), '{{"team":"sales"}');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(
      await screen.findByText(
        'Organizations cannot have duplicate pending invitations for an email address.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText('Email address')).toHaveProperty('value', 'dup@acme.example');
    expect(screen.getByLabelText('Public metadata')).toHaveProperty('value', '{"team":"sales"}');
    expect(document.activeElement).toBe(screen.getByLabelText('Email address'));
  });

  it('names the address in an error exactly as it was typed', async () => {
    const { user } = await openForm({
      [`POST /api/v1/organizations/${ORG}/invitations`]: () =>
        clerkError(
          400,
          'already_a_member_in_organization',
          'ben@acme.example is already a member of the organization.',
          'email_address',
        ),
    });
    await user.type(screen.getByLabelText('Email address'), 'ben@Acme.example');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('ben@Acme.example is already a member of the organization.')).toBeTruthy();
    expect(screen.queryByText(/^Ben@/)).toBeNull();
  });

  it('opens with the values it is given (invite again), and closes without asking while untouched', async () => {
    mockApi({ 'GET /api/v1/organization_roles': () => json(200, roles) });
    const onClose = vi.fn();
    renderWithProviders(
      <InviteDialog
        orgId={ORG}
        orgName="Acme Corp"
        isStaff={false}
        onClose={onClose}
        initialValues={{ email_address: 'Expired@acme.example', role: 'org:admin' }}
      />,
    );
    const user = userEvent.setup();
    expect(await screen.findByLabelText('Email address')).toHaveProperty('value', 'Expired@acme.example');
    await waitFor(() => expect(screen.getByLabelText('Role')).toHaveProperty('value', 'org:admin'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByText(/Discard this invitation/)).toBeNull();
  });

  it('shows upstream trouble (502) and 429 at form level without losing input', async () => {
    let answer = clerkError(
      502,
      'upstream_unavailable',
      'Clerk could not be reached. Try again in a moment.',
    );
    const { user } = await openForm({ [`POST /api/v1/organizations/${ORG}/invitations`]: () => answer });
    await user.type(screen.getByLabelText('Email address'), 'keep@acme.example');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Clerk could not be reached');
    answer = clerkError(429, 'too_many_requests', 'Too many requests, retry later', undefined, {
      'retry-after': '20',
    });
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Try again in 20 s.'));
    expect(screen.getByLabelText('Email address')).toHaveProperty('value', 'keep@acme.example');
  });

  it('sends the body and shows the link to copy on success', async () => {
    const { api, user } = await openForm(
      { [`POST /api/v1/organizations/${ORG}/invitations`]: () => json(200, created) },
      true,
    );
    await user.type(screen.getByLabelText('Email address'), 'new@acme.example');
    await user.clear(screen.getByLabelText('Expires in (days)'));
    await user.type(screen.getByLabelText('Expires in (days)'), '7');
    await user.type(screen.getByLabelText('Private metadata'), '{{"crm":1}');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    const copy = await screen.findByRole('button', { name: 'Copy invitation link' });
    await waitFor(() => expect(document.activeElement).toBe(copy));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      email_address: 'new@acme.example',
      role: 'org:member',
      expires_in_days: 7,
      notify: true,
      private_metadata: { crm: 1 },
    });
    expect(await screen.findByText('Invitation sent')).toBeTruthy();
  });

  it('asks before discarding typed input, and keeps a draft', async () => {
    const { onClose, user } = await openForm({});
    await user.type(screen.getByLabelText('Email address'), 'draft@acme.example');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByText(/Discard this invitation\?/)).toBeTruthy();
    expect(sessionStorage.getItem(`invite-draft:${ORG}`)).toContain('draft@acme.example');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onClose).toHaveBeenCalled();
    expect(sessionStorage.getItem(`invite-draft:${ORG}`)).toBeNull();
  });
});
