import type { BulkJob } from '@invites/clerk-schema';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { clerkError, json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { MatchingJobButton } from './matching-job-button.tsx';

const ORG = 'org_2AcmeCorp000000000000000000';
const PATH = `POST /api/organizations/${ORG}/invitation-jobs`;
const job = { id: 'bulkjob_1', kind: 'revoke' } as unknown as BulkJob;

describe('MatchingJobButton', () => {
  it('says how many, then starts one job over the filter without the unticked rows', async () => {
    const { calls } = mockApi({ [PATH]: () => json(201, job) });
    const onJobStarted = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <MatchingJobButton
        orgId={ORG}
        kind="revoke"
        count={1248}
        filter={{ status: ['pending'], expires_within: 7 }}
        excludeIds={['orginv_a', 'orginv_b']}
        onJobStarted={onJobStarted}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Revoke all 1,248' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke 1,248 invitations?' });
    expect(dialog.textContent).toContain('2 you unticked are left as they are.');
    await user.click(screen.getByRole('button', { name: 'Revoke 1,248' }));
    await vi.waitFor(() => expect(onJobStarted).toHaveBeenCalledWith(job));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: `/api/organizations/${ORG}/invitation-jobs`,
        body: {
          kind: 'revoke',
          filter: { status: ['pending'], expires_within: 7 },
          exclude_invitation_ids: ['orginv_a', 'orginv_b'],
        },
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('resends every match (no exclude list when nothing was unticked) and keeps the dialog with the error', async () => {
    const { calls } = mockApi({
      [PATH]: () =>
        clerkError(422, 'too_many_matching_invitations', '20,001 invitations match these filters.', 'filter'),
    });
    const onJobStarted = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <MatchingJobButton
        orgId={ORG}
        kind="reissue"
        count={1}
        filter={{ status: ['pending'] }}
        excludeIds={[]}
        onJobStarted={onJobStarted}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Resend all 1' }));
    expect(screen.getByRole('dialog', { name: 'Resend 1 invitation?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resend 1' }));
    expect((await screen.findByRole('alert')).textContent).toContain('20,001 invitations match');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'reissue',
      filter: { status: ['pending'] },
    });
    expect(onJobStarted).not.toHaveBeenCalled();
  });
});
