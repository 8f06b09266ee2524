import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../lib/dates.ts';
import { type ActivitySearch, activitySearch, type SearchPatch } from '../../../lib/search-schemas.ts';
import { clerkError, json, mockApi, renderWithProviders, renderWithRouter } from '../../../test/render.tsx';
import { ActivityView } from './activity-view.tsx';

const ACME = 'org_2AcmeCorp000000000000000000';
const ORGS = [
  { id: ACME, name: 'Acme Corp' },
  { id: 'org_2Globex0000000000000000000', name: 'Globex' },
];
const entry = (id: string, patch: Record<string, unknown> = {}) => ({
  id,
  action: 'invitation.create',
  source: 'console',
  actor_id: 'user_2Ada',
  actor_name: 'Ada Lovelace',
  organization_id: ACME,
  email_addresses: ['new@acme.example'],
  outcome: 'ok',
  clerk_trace_id: '0123456789abcdef0123456789abcdef',
  detail: {},
  created_at: Date.UTC(2026, 4, 12, 14, 3, 9),
  ...patch,
});

afterEach(() => vi.unstubAllGlobals());

function renderView(search: SearchPatch<ActivitySearch>, handler: Parameters<typeof mockApi>[0][string]) {
  const api = mockApi({ 'GET /api/activity': handler });
  const onSearchChange = vi.fn();
  renderWithRouter(
    <ActivityView
      search={activitySearch.parse(search)}
      onSearchChange={onSearchChange}
      organizations={ORGS}
    />,
  );
  return { api, onSearchChange, user: userEvent.setup() };
}

describe('ActivityView', () => {
  it('shows who did what, where, to whom and how it went', async () => {
    renderView({}, () =>
      json(200, {
        data: [
          entry('act_1'),
          entry('act_2', {
            action: 'invitation.bulk_create',
            email_addresses: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'],
            outcome: 'duplicate_record',
          }),
        ],
        total_count: 2,
      }),
    );
    // The file's first render: more than findBy's default second on a busy machine.
    await screen.findAllByRole('button', { name: 'Ada Lovelace' }, { timeout: 5_000 });
    const table = screen.getByRole('table', { name: 'Activity' });
    for (const name of [
      'When',
      'Actor',
      'Action',
      'Source',
      'Organization',
      'Addresses',
      'Outcome',
      'Trace ID',
    ])
      expect(within(table).getByRole('columnheader', { name })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain(formatDateTime(Date.UTC(2026, 4, 12, 14, 3, 9)));
    expect(rows[0]?.textContent).toContain('Invited');
    expect(rows[0]?.textContent).toContain('Acme Corp');
    expect(rows[1]?.textContent).toContain('a@x.example+3 more');
    // Outcomes read as sentences; the code stays in the tooltip.
    expect(rows[1]?.textContent).toContain('Some addresses already had a pending invitation.');
    expect(rows[1]?.textContent).not.toContain('duplicate_record');
    expect(within(rows[1] as HTMLElement).getByTitle("Clerk's code: duplicate_record")).toBeTruthy();
    expect(screen.getByText('1–2 of 2')).toBeTruthy();
  });

  it("marks each entry's source, and shows Clerk's reports with their actor or as unknown", async () => {
    renderView({}, () =>
      json(200, {
        data: [
          entry('act_msg_1', {
            source: 'clerk',
            action: 'invitation.accept',
            actor_id: 'user_2Invitee',
            actor_name: 'new@acme.example',
          }),
          entry('act_msg_2', {
            source: 'clerk',
            action: 'invitation.revoke',
            actor_id: 'clerk',
            actor_name: null,
          }),
          entry('act_3'),
        ],
        total_count: 3,
      }),
    );
    const table = await screen.findByRole('table', { name: 'Activity' });
    await within(table).findByRole('button', { name: 'new@acme.example' });
    const [accepted, revoked, invited] = within(table).getAllByRole('row').slice(1);
    expect(within(accepted as HTMLElement).getByText('Accepted')).toBeTruthy();
    expect(within(accepted as HTMLElement).getByText('Clerk')).toBeTruthy();
    expect(within(revoked as HTMLElement).getByText('Unknown')).toBeTruthy();
    expect(within(revoked as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(invited as HTMLElement).getByText('Console')).toBeTruthy();
  });

  it('shows a new entry as soon as the server says the log changed', async () => {
    let listed = 0;
    const waits: string[] = [];
    const api = mockApi({
      'GET /api/activity': () => {
        listed += 1;
        const data =
          listed === 1
            ? [entry('act_1')]
            : [
                entry('act_msg_2', {
                  source: 'clerk',
                  action: 'invitation.accept',
                  actor_id: 'user_2New',
                  actor_name: 'new@acme.example',
                }),
                entry('act_1'),
              ];
        return json(200, { data, total_count: data.length });
      },
      'GET /api/activity/changes': (url) => {
        waits.push(url.search);
        if (waits.length === 1) return json(200, { version: 4, changed: false });
        if (waits.length === 2) return json(200, { version: 5, changed: true });
        return new Promise<Response>(() => {});
      },
    });
    renderWithProviders(
      <ActivityView search={activitySearch.parse({})} onSearchChange={vi.fn()} organizations={ORGS} />,
    );
    expect(await screen.findByRole('button', { name: 'new@acme.example' }, { timeout: 5_000 })).toBeTruthy();
    expect(waits.slice(0, 2)).toEqual(['?after=0&wait=0', '?after=4&wait=25']);
    expect(api.calls.filter((c) => c.path === '/api/activity')).toHaveLength(2);
  });

  it('sends the filters as the api query, dates as whole days of the viewer (UTC in this test run)', async () => {
    const { api } = renderView(
      {
        organization_id: ACME,
        actor: 'ada@acme.example',
        action: 'invitation.revoke',
        from: '2026-05-01',
        to: '2026-05-02',
        page: 2,
      },
      () => json(200, { data: [], total_count: 0 }),
    );
    await screen.findByText('No activity matches these filters');
    const url = new URL(String(vi.mocked(fetch).mock.calls[0]?.[0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      organization_id: ACME,
      actor: 'ada@acme.example',
      action: 'invitation.revoke',
      since: String(Date.UTC(2026, 4, 1)),
      until: String(Date.UTC(2026, 4, 3) - 1),
      limit: '25',
      offset: '25',
    });
    expect(api.calls).toHaveLength(1);
  });

  it('changes filters through the URL state and filters by a clicked actor', async () => {
    const { onSearchChange, user } = renderView({}, () =>
      json(200, { data: [entry('act_1')], total_count: 1 }),
    );
    await user.selectOptions(await screen.findByLabelText('Organization'), 'Globex');
    expect(onSearchChange).toHaveBeenLastCalledWith({
      organization_id: 'org_2Globex0000000000000000000',
      page: undefined,
    });
    await user.selectOptions(screen.getByLabelText('Action'), 'Revoked');
    expect(onSearchChange).toHaveBeenLastCalledWith({ action: 'invitation.revoke', page: undefined });
    await user.click(await screen.findByRole('button', { name: 'Ada Lovelace' }));
    // The actor filter takes the name the log shows, not a user id.
    expect(onSearchChange).toHaveBeenLastCalledWith({ actor: 'Ada Lovelace', page: undefined });
    expect(screen.getByRole('searchbox', { name: 'Actor' })).toHaveProperty(
      'placeholder',
      'Name or email, then Enter',
    );
    expect(screen.getByLabelText('From')).toBeTruthy();
    expect(screen.getByLabelText('To')).toBeTruthy();
  });

  it('links an entry to its invitation, and a bulk job entry to its job with its true count', async () => {
    renderView({}, () =>
      json(200, {
        data: [
          entry('act_1', { detail: { invitation_id: 'orginv_1', status: 200 } }),
          entry('act_2', {
            action: 'bulk_job.create',
            email_addresses: Array.from({ length: 100 }, (_, i) => `p${i}@x.example`),
            detail: { bulk_job_id: 'bulkjob_1', row_count: 154, email_addresses_omitted: 54 },
          }),
        ],
        total_count: 2,
      }),
    );
    const table = await screen.findByRole('table', { name: 'Activity' });
    const invitation = await within(table).findByRole('link', { name: 'new@acme.example' });
    expect(invitation.getAttribute('href')).toBe(`/orgs/${ACME}/invitations/orginv_1`);
    const job = within(table).getByRole('link', { name: 'Bulk invite job · 154 rows' });
    expect(job.getAttribute('href')).toBe(`/orgs/${ACME}/invitations/bulk/bulkjob_1`);
    expect(within(table).getByText('+153 more')).toBeTruthy();
    expect(within(table).queryByText('+99 more')).toBeNull();
  });

  it("says so when an admin asks for another organization's activity (403)", async () => {
    renderView({ organization_id: 'org_2Globex0000000000000000000' }, () =>
      clerkError(403, 'authorization_invalid', 'You are not allowed to view this organization.'),
    );
    expect(await screen.findByText("You're not allowed to view this activity")).toBeTruthy();
  });

  it('moves a page past the end to the last page, in place of the address, and says so meanwhile', async () => {
    const { onSearchChange } = renderView({ page: 999 }, () => json(200, { data: [], total_count: 276 }));
    expect(await screen.findByText('Page 999 is past the end')).toBeTruthy();
    expect(onSearchChange).toHaveBeenCalledWith({ page: 12 }, { replace: true });
    expect(screen.getByText('None of 276')).toBeTruthy();
    expect(screen.getByText('These entries fill 12 pages.')).toBeTruthy();
  });

  it('has designed empty states', async () => {
    renderView({ action: 'bulk_job.create' }, () => json(200, { data: [], total_count: 0 }));
    expect(await screen.findByText('No activity matches these filters')).toBeTruthy();
  });
});
