import type { BulkJob } from '@invites/clerk-schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTime } from '../../../lib/dates.ts';
import { type BulkJobSearch, bulkJobSearch, type SearchPatch } from '../../../lib/search-schemas.ts';
import { json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { BulkJobView } from './bulk-job-view.tsx';

const ORG = 'org_2AcmeCorp000000000000000000';
const row = (
  email: string,
  outcome: BulkJob['rows'][number]['outcome'],
  extra: Partial<BulkJob['rows'][number]> = {},
): BulkJob['rows'][number] => ({
  line: null,
  email_address: email,
  role: 'org:member',
  outcome,
  invitation_id: outcome === 'invited' ? `orginv_${email.split('@')[0]}` : null,
  code: null,
  message: null,
  ...extra,
});
function job(patch: Partial<BulkJob>, rows: BulkJob['rows']): BulkJob {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return {
    id: 'bulkjob_1',
    kind: 'invite',
    organization_id: ORG,
    created_by: 'user_ada',
    status: 'running',
    resume_at: null,
    created_at: Date.now() - 60_000,
    updated_at: Date.now(),
    counts: {
      invited: count('invited'),
      skipped: count('skipped'),
      failed: count('failed'),
      pending: count('pending'),
    },
    rows,
    ...patch,
  };
}

afterEach(() => vi.unstubAllGlobals());

function renderView(answers: BulkJob[], search: SearchPatch<BulkJobSearch> = {}) {
  let i = 0;
  const api = mockApi({
    'GET /api/bulk-invitations/bulkjob_1': () => json(200, answers[Math.min(i++, answers.length - 1)]),
    'POST /api/bulk-invitations/bulkjob_1/retry': () =>
      json(200, job({ status: 'queued' }, [row('a@x.example', 'invited'), row('b@x.example', 'pending')])),
    'POST /api/bulk-invitations/bulkjob_1/cancel': () =>
      json(200, job({ status: 'cancelled' }, [row('a@x.example', 'invited'), row('b@x.example', 'pending')])),
  });
  const onSearchChange = vi.fn();
  renderWithProviders(
    <BulkJobView jobId="bulkjob_1" search={bulkJobSearch.parse(search)} onSearchChange={onSearchChange} />,
  );
  return { api, onSearchChange, user: userEvent.setup() };
}

describe('BulkJobView', () => {
  it('polls about every second until the job is done, then stops', async () => {
    const { api } = renderView([
      job({}, [row('a@x.example', 'invited'), row('b@x.example', 'pending')]),
      job({ status: 'done' }, [
        row('a@x.example', 'invited'),
        row('b@x.example', 'skipped', {
          code: 'already_a_member_in_organization',
          message: 'b@x.example is already a member of the organization.',
        }),
      ]),
    ]);
    const bar = await screen.findByRole('progressbar', { name: 'Bulk invite progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(bar.getAttribute('aria-valuemax')).toBe('2');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('2'), { timeout: 2500 });
    expect(screen.getByText('Done')).toBeTruthy();
    expect(screen.getByText('already_a_member_in_organization')).toBeTruthy();
    const gets = api.calls.filter((c) => c.method === 'GET').length;
    await new Promise((r) => setTimeout(r, 1300));
    expect(api.calls.filter((c) => c.method === 'GET').length).toBe(gets);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it("shows the counts, the rows with the invitation id or Clerk's reason, and the download link", async () => {
    renderView([
      job({ status: 'done' }, [
        row('a@x.example', 'invited'),
        row('c@x.example', 'failed', {
          code: 'form_param_format_invalid',
          message: 'email_address must be a valid email address.',
        }),
      ]),
    ]);
    const table = await screen.findByRole('table', { name: 'Rows' });
    expect(within(table).getByText('orginv_a')).toBeTruthy();
    expect(
      within(table).getByText('email_address must be a valid email address.', { exact: false }),
    ).toBeTruthy();
    const counts = document.querySelector('.job-counts') as HTMLElement;
    expect(counts.textContent).toBe('Invited1Skipped0Failed1Pending0');
    expect(screen.getByRole('link', { name: 'Download results' }).getAttribute('href')).toBe(
      '/api/bulk-invitations/bulkjob_1/results.csv',
    );
  });

  it('lists every pasted row with its line, the ones not sent with their reason', async () => {
    renderView([
      job({ status: 'done' }, [
        row('a@x.example', 'invited', { line: 1 }),
        row('Lovelace', 'skipped', {
          line: 2,
          code: 'form_param_format_invalid',
          message: 'This address is missing an @.',
        }),
      ]),
    ]);
    const table = await screen.findByRole('table', { name: 'Rows' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.textContent).toMatch(/^1a@x\.example/);
    expect(second?.textContent).toMatch(/^2Lovelace.*Skipped.*This address is missing an @\./);
  });

  it('says when a rate-limited job resumes', async () => {
    const resumeAt = Date.now() + 125_000;
    renderView([job({ status: 'waiting_rate_limit', resume_at: resumeAt }, [row('a@x.example', 'pending')])]);
    const notice = await screen.findByText(/Clerk's rate limit was reached/);
    // The wall-clock time in the viewer's zone and language.
    expect(notice.closest('[role="status"]')?.textContent).toBe(
      `Clerk's rate limit was reached. Resuming at ${formatTime(resumeAt)} (in 3 min).`,
    );
  });

  it('retries failed rows and cancels a running job', async () => {
    const { api, user } = renderView([
      job({}, [row('a@x.example', 'invited'), row('b@x.example', 'failed')]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/retry'))).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/cancel'))).toBe(true));
  });

  it('keeps "Retry failed" disabled when nothing failed, and filters rows by outcome through the URL', async () => {
    const { onSearchChange, user } = renderView(
      [job({ status: 'done' }, [row('a@x.example', 'invited'), row('b@x.example', 'skipped')])],
      { outcome: ['skipped'] },
    );
    expect((await screen.findByRole('button', { name: 'Retry failed' })).hasAttribute('disabled')).toBe(true);
    const table = screen.getByRole('table', { name: 'Rows' });
    expect(within(table).queryByText('a@x.example')).toBeNull();
    expect(within(table).getByText('b@x.example')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Invited (1)' }));
    expect(onSearchChange).toHaveBeenCalledWith({ outcome: ['invited', 'skipped'], page: undefined });
  });

  it("says so when the job doesn't exist", async () => {
    mockApi({});
    renderWithProviders(
      <BulkJobView jobId="bulkjob_1" search={bulkJobSearch.parse({})} onSearchChange={() => {}} />,
    );
    expect(await screen.findByText("This bulk invite doesn't exist")).toBeTruthy();
  });
});
