import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EmailFilterEmpty } from './email-filter-empty.tsx';

function setup(email: string, status: ('pending' | 'accepted' | 'revoked' | 'expired')[] = []) {
  const handlers = { onClearStatus: vi.fn(), onClearFilters: vi.fn(), invite: vi.fn() };
  render(
    <EmailFilterEmpty
      email={email}
      status={status}
      inviteAction={(address) => (
        <button type="button" onClick={() => handlers.invite(address)}>
          Invite {address}
        </button>
      )}
      onClearStatus={handlers.onClearStatus}
      onClearFilters={handlers.onClearFilters}
    />,
  );
  return handlers;
}

describe('EmailFilterEmpty', () => {
  it.each(['ada', 'ada@', '@acme.example', 'ada@acme'])(
    'says the filter needs the full address for “%s”, and offers no invite',
    async (email) => {
      const { onClearFilters } = setup(email);
      expect(screen.getByRole('heading', { name: `No invitation has the address “${email}”` })).toBeTruthy();
      expect(screen.getByText(/needs the full address/)).toBeTruthy();
      expect(screen.queryByRole('button', { name: /^Invite/ })).toBeNull();
      await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
      expect(onClearFilters).toHaveBeenCalledOnce();
    },
  );

  it('offers to invite a full address that has no invitation, trimmed', async () => {
    const { invite } = setup('  new.person@example.com ');
    expect(screen.getByRole('heading', { name: 'No invitation for new.person@example.com' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Invite new.person@example.com' }));
    expect(invite).toHaveBeenCalledWith('new.person@example.com');
  });

  it('names the statuses filtered on and offers every status before clearing the address', async () => {
    const { onClearStatus, onClearFilters } = setup('ada@acme.example', ['accepted', 'revoked', 'expired']);
    expect(
      screen.getByRole('heading', {
        name: 'No accepted, revoked or expired invitation for ada@acme.example',
      }),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show every status' }));
    expect(onClearStatus).toHaveBeenCalledOnce();
    expect(onClearFilters).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Invite ada@acme.example' })).toBeTruthy();
  });
});
