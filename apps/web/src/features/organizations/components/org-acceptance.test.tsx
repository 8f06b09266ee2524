import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clerkError, json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { OrgAcceptanceSummary, OrgInviterAcceptance } from './org-acceptance.tsx';

const ORG = 'org_2AcmeCorp000000000000000000';
const figures = {
  window_days: 30,
  stale_days: 14,
  as_of: Date.UTC(2026, 4, 12),
  organization_id: ORG,
  sent: 869,
  accepted: 26,
  acceptance_rate: 26 / 869,
  median_time_to_accept_ms: 8.34 * 86_400_000,
  stale_pending: 750,
  inviters: [
    {
      inviter_id: 'user_2Ada',
      inviter_name: 'Ada Lovelace',
      sent: 373,
      accepted: 15,
      acceptance_rate: 15 / 373,
      median_time_to_accept_ms: 5 * 3_600_000,
      stale_pending: 342,
    },
    {
      inviter_id: null,
      inviter_name: null,
      sent: 2,
      accepted: 0,
      acceptance_rate: 0,
      median_time_to_accept_ms: null,
      stale_pending: 0,
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

/** Each term of a description list with the definition that follows it. */
function pairs(list: HTMLElement): Record<string, string | null | undefined> {
  const terms = within(list).getAllByRole('term');
  const definitions = within(list).getAllByRole('definition');
  return Object.fromEntries(terms.map((t, i) => [t.textContent, definitions[i]?.textContent]));
}

describe('organization acceptance', () => {
  it('shows the five figures in the header', async () => {
    mockApi({ [`GET /api/organizations/${ORG}/acceptance`]: () => json(200, figures) });
    renderWithProviders(<OrgAcceptanceSummary orgId={ORG} />);
    const region = await screen.findByRole('region', { name: 'Acceptance, last 30 days' });
    await within(region).findByText('869');
    expect(pairs(region)).toEqual({
      'Sent (30 days)': '869',
      Accepted: '26',
      'Acceptance rate': '3%',
      'Median time to accept': '8.3 days',
      'Pending > 14 days': '750',
    });
  });

  it('lists inviters in a disclosure, invitations without one as "No inviter"', async () => {
    mockApi({ [`GET /api/organizations/${ORG}/acceptance`]: () => json(200, figures) });
    renderWithProviders(<OrgInviterAcceptance orgId={ORG} />);
    const user = userEvent.setup();
    await user.click(await screen.findByText('Acceptance by inviter'));
    const table = screen.getByRole('table', { name: 'Acceptance by inviter' });
    const [ada, none] = within(table).getAllByRole('row').slice(1);
    expect(within(ada as HTMLElement).getByRole('rowheader').textContent).toBe('Ada Lovelace');
    expect(
      within(ada as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['373', '15', '4%', '5 h', '342']);
    expect(within(none as HTMLElement).getByRole('rowheader').textContent).toBe('No inviter');
  });

  it('says the figures are unavailable when they cannot load, without breaking the header', async () => {
    mockApi({
      [`GET /api/organizations/${ORG}/acceptance`]: () =>
        clerkError(503, 'service_unavailable', 'Try later.'),
    });
    renderWithProviders(<OrgAcceptanceSummary orgId={ORG} />);
    expect(await screen.findByText('Acceptance figures are unavailable right now.')).toBeTruthy();
  });
});
