import type { BulkCheckBody, Role } from '@invites/clerk-schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clerkError, json, mockApi, renderWithProviders } from '../../../test/render.tsx';
import { BulkInviteForm } from './bulk-invite-form.tsx';

const ORG = 'org_2AcmeCorp000000000000000000';
const role = (key: string, name: string): Role => ({
  object: 'role',
  id: `role_${name}`,
  key,
  name,
  description: null,
  is_creator_eligible: false,
  permissions: [],
  created_at: 1,
  updated_at: 1,
});
const ROLES = [role('org:admin', 'Admin'), role('org:member', 'Member')];
const PENDING = 'pending@acme.example';
const MEMBER = 'ben@acme.example';
const PASTE = `Ada <ada@acme.example>, not-an-email\nada@acme.example\n${PENDING}\n${MEMBER}\ngrace@acme.example`;

/** Answers the live check from the addresses it is asked about. */
function checkHandler(delayMs = 0) {
  return async (_url: URL, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as BulkCheckBody;
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return json(200, {
      pending: body.email_addresses
        .filter((e) => e === PENDING)
        .map((e) => ({ email_address: e, invitation_id: 'orginv_1' })),
      members: body.email_addresses
        .filter((e) => e === MEMBER)
        .map((e) => ({ email_address: e, user_id: 'user_1' })),
    });
  };
}

const job = (rows: { email_address: string; role: string }[]) => ({
  id: 'bulkjob_1',
  organization_id: ORG,
  created_by: 'user_ada',
  status: 'queued',
  counts: { invited: 0, skipped: 0, failed: 0, pending: rows.length },
  resume_at: null,
  created_at: 1,
  updated_at: 1,
  rows: rows.map((r) => ({ ...r, outcome: 'pending', invitation_id: null, code: null, message: null })),
});

afterEach(() => vi.unstubAllGlobals());

function renderForm(handlers: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({ 'POST /api/bulk-invitations/check': checkHandler(), ...handlers });
  const onStarted = vi.fn();
  renderWithProviders(<BulkInviteForm orgId={ORG} roles={ROLES} rolesError={null} onStarted={onStarted} />);
  return { api, onStarted, user: userEvent.setup() };
}

const paste = (text: string) =>
  fireEvent.change(screen.getByLabelText('Email addresses'), { target: { value: text } });
const sendButton = () => screen.getByRole('button', { name: /^Send \d+ invitations?$/ });
const previewRow = (text: string) =>
  within(screen.getByRole('table', { name: 'Preview' }))
    .getAllByRole('row')
    .find((row) => row.textContent?.includes(text)) as HTMLElement;

describe('BulkInviteForm', () => {
  it('labels every control and picks Member as the default role', () => {
    renderForm();
    for (const label of [
      'Email addresses',
      'Upload CSV',
      'Role',
      'Expires in (days)',
      'Redirect URL',
      'Send invitation emails',
    ])
      expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByLabelText('Role')).toHaveProperty('value', 'org:member');
    expect(sendButton().hasAttribute('disabled')).toBe(true);
  });

  it('classifies the paste and checks only valid unique addresses against live data', async () => {
    const { api } = renderForm();
    // The preview table is a lazy chunk (its first import in this run transforms the table library).
    await screen.findByText('Nothing to preview yet', undefined, { timeout: 5000 });
    paste(PASTE);
    expect(screen.getAllByText('Checking…').length).toBeGreaterThan(0);
    await screen.findByText('Checked against pending invitations and members.');
    const checks = api.calls.filter((c) => c.path === '/api/bulk-invitations/check');
    expect(checks).toHaveLength(1);
    expect((checks[0]?.body as BulkCheckBody | undefined)?.email_addresses).toEqual([
      'ada@acme.example',
      MEMBER,
      'grace@acme.example',
      PENDING,
    ]);
    expect(screen.getByRole('checkbox', { name: 'Ready (2)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Invalid (1)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Duplicate (1)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Pending invitation (1)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Member (1)' })).toBeTruthy();
    expect(previewRow('not-an-email').textContent).toContain('This address is missing an @.');
    expect(previewRow(PENDING).textContent).toContain('Already has a pending invitation.');
    expect(sendButton().textContent).toBe('Send 2 invitations');
  });

  it('includes member rows when chosen; rows with a pending invitation only when chosen (re-issued)', async () => {
    const { user } = renderForm();
    paste(PASTE);
    await screen.findByText('Checked against pending invitations and members.');
    const includePending = screen.getByLabelText(/Include rows that already have a pending invitation \(1\)/);
    expect((includePending as HTMLInputElement).checked).toBe(false);
    const sendPending = () =>
      screen.getByRole('checkbox', { name: `Send to ${PENDING}` }) as HTMLInputElement;
    expect(sendPending().checked).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: `Send to ${MEMBER}` }));
    expect(sendButton().textContent).toBe('Send 3 invitations');
    await user.click(includePending);
    expect(sendPending().checked).toBe(true);
    expect(sendButton().textContent).toBe('Send 4 invitations');
  });

  it('never applies an answer to a paste it was not for', async () => {
    const { api } = renderForm({ 'POST /api/bulk-invitations/check': checkHandler(400) });
    await screen.findByText('Nothing to preview yet', undefined, { timeout: 5000 });
    paste(PENDING);
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/bulk-invitations/check')).toBe(true));
    paste(`${PENDING}\nnew@acme.example`);
    // The first answer (pending) arrives while the new paste is still waiting for its own.
    await new Promise((r) => setTimeout(r, 450));
    expect(screen.getAllByText('Checking…')).toHaveLength(2);
    await screen.findByText('Checked against pending invitations and members.');
    expect(screen.getByRole('checkbox', { name: 'Pending invitation (1)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Ready (1)' })).toBeTruthy();
  });

  it('says when the check fails, offers to check again, and still lets the user send', async () => {
    let fail = true;
    const { user } = renderForm({
      'POST /api/bulk-invitations/check': (url, init) =>
        fail
          ? clerkError(502, 'upstream_unavailable', 'Clerk could not be reached.')
          : checkHandler()(url, init),
    });
    paste(PASTE);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Couldn't check for pending invitations and members");
    expect(sendButton().textContent).toBe('Send 4 invitations');
    expect(sendButton().hasAttribute('disabled')).toBe(false);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('Checked against pending invitations and members.');
    expect(sendButton().textContent).toBe('Send 2 invitations');
  });

  it('sends the rows to send with their roles and the options, then clears the draft', async () => {
    const { api, onStarted, user } = renderForm({
      'POST /api/bulk-invitations': async (_url, init) =>
        json(201, job(JSON.parse(String(init.body)).rows as { email_address: string; role: string }[])),
    });
    paste(PASTE);
    await screen.findByText('Checked against pending invitations and members.');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Role for grace@acme.example' }),
      'org:admin',
    );
    await user.clear(screen.getByLabelText('Expires in (days)'));
    await user.type(screen.getByLabelText('Expires in (days)'), '7');
    await user.click(screen.getByLabelText('Send invitation emails'));
    await user.click(sendButton());
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    // Every pasted row goes with the job, in paste order: the ones not sent with their reason.
    const leftOut = (reason: string, message: string) => ({ left_out: { reason, message } });
    expect(api.calls.find((c) => c.path === '/api/bulk-invitations')?.body).toEqual({
      organization_id: ORG,
      rows: [
        { email_address: 'ada@acme.example', role: 'org:member', line: 1 },
        {
          email_address: 'not-an-email',
          role: 'org:member',
          line: 1,
          ...leftOut('invalid', 'This address is missing an @.'),
        },
        {
          email_address: 'ada@acme.example',
          role: 'org:member',
          line: 2,
          ...leftOut('duplicate', 'Duplicate of line 1.'),
        },
        {
          email_address: PENDING,
          role: 'org:member',
          line: 3,
          ...leftOut('pending', 'Already has a pending invitation.'),
        },
        { email_address: MEMBER, role: 'org:member', line: 4, ...leftOut('member', 'Already a member.') },
        { email_address: 'grace@acme.example', role: 'org:admin', line: 5 },
      ],
      options: { notify: false, expires_in_days: 7 },
    });
    expect(sessionStorage.getItem(`bulk-invite-draft:${ORG}`)).toBeNull();
  });

  it('keeps everything after a failed send (502, 429) and shows why', async () => {
    let answer = () =>
      clerkError(502, 'upstream_unavailable', 'Clerk could not be reached. Try again in a moment.');
    const { onStarted, user } = renderForm({ 'POST /api/bulk-invitations': () => answer() });
    paste(PASTE);
    await screen.findByText('Checked against pending invitations and members.');
    await user.type(screen.getByLabelText('Redirect URL'), 'https://app.example.com/welcome');
    await user.click(sendButton());
    expect((await screen.findByRole('alert')).textContent).toContain('Clerk could not be reached');
    answer = () =>
      clerkError(429, 'too_many_requests', 'Too many requests, retry later', undefined, {
        'retry-after': '20',
      });
    await user.click(sendButton());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Try again in 20 s.'));
    expect(onStarted).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Email addresses')).toHaveProperty('value', PASTE);
    expect(screen.getByLabelText('Redirect URL')).toHaveProperty('value', 'https://app.example.com/welcome');
    expect(sessionStorage.getItem(`bulk-invite-draft:${ORG}`)).toContain('grace@acme.example');
  });

  it('puts a 422 about an option on its field', async () => {
    const { user } = renderForm({
      'POST /api/bulk-invitations': () =>
        clerkError(
          422,
          'form_param_format_invalid',
          'redirect_url must be a valid URL.',
          'options.redirect_url',
        ),
    });
    paste('a@acme.example');
    await screen.findByText('Checked against pending invitations and members.');
    await user.type(screen.getByLabelText('Redirect URL'), 'https://x.example');
    await user.click(sendButton());
    await waitFor(() =>
      expect(screen.getByLabelText('Redirect URL').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getByText('redirect_url must be a valid URL.')).toBeTruthy();
  });

  it('checks the options with the shared schema before sending', async () => {
    const { api, user } = renderForm();
    paste('a@acme.example');
    await screen.findByText('Checked against pending invitations and members.');
    await user.clear(screen.getByLabelText('Expires in (days)'));
    await user.type(screen.getByLabelText('Expires in (days)'), '400');
    await user.click(sendButton());
    expect(await screen.findByText('Enter a whole number of days from 1 to 365.')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/bulk-invitations')).toBe(false);
  });

  it('restores the draft after a reload', async () => {
    sessionStorage.setItem(
      `bulk-invite-draft:${ORG}`,
      JSON.stringify({
        text: 'kept@acme.example',
        role: 'org:admin',
        redirectUrl: 'https://r.example',
        notify: false,
      }),
    );
    renderForm();
    expect(screen.getByText('Restored the list you were working on.')).toBeTruthy();
    expect(screen.getByLabelText('Email addresses')).toHaveProperty('value', 'kept@acme.example');
    expect(screen.getByLabelText('Role')).toHaveProperty('value', 'org:admin');
    expect(screen.getByLabelText('Send invitation emails')).toHaveProperty('checked', false);
    await screen.findByText('Checked against pending invitations and members.');
  });

  it('puts an uploaded CSV into the box, reads its email and role columns, and makes an unknown role an error', async () => {
    const { user } = renderForm();
    paste('typed@acme.example');
    const file = new File(
      [
        '\uFEFFName,Email Address [Required],Manager Email,Role\r\n"Lovelace, Ada",ada@acme.example,boss@acme.example,admin\r\nGrace,grace@acme.example,,owner\r\n',
      ],
      'people.csv',
      { type: 'text/csv' },
    );
    await user.upload(screen.getByLabelText('Upload CSV'), file);
    expect(await screen.findByText('Added people.csv as lines 3–5.')).toBeTruthy();
    expect((screen.getByLabelText('Email addresses') as HTMLTextAreaElement).value).toBe(
      // A text box keeps line breaks as \n.
      'typed@acme.example\n\nName,Email Address [Required],Manager Email,Role\n"Lovelace, Ada",ada@acme.example,boss@acme.example,admin\nGrace,grace@acme.example,,owner\n',
    );
    await screen.findByText('Checked against pending invitations and members.');
    const box = screen.getByLabelText('Email addresses');
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('Line 3 is read as a header row.');
    expect(screen.getByText(/addresses from “Email Address \[Required\]”, roles from “Role”/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Role for ada@acme.example' })).toHaveProperty(
      'value',
      'org:admin',
    );
    expect(previewRow('boss@acme.example')).toBeUndefined();
    expect(previewRow('grace@acme.example').textContent).toContain('Unknown role "owner"');
    expect(sendButton().textContent).toBe('Send 2 invitations');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Role for grace@acme.example' }),
      'org:member',
    );
    expect(sendButton().textContent).toBe('Send 3 invitations');
  });

  it('lets the admin pick the email column of a table whose header does not say, and keeps the choice', async () => {
    const { user } = renderForm();
    paste('Name\tEmail\tWork email\nAda\tada@home.example\tada@acme.example');
    const picker = screen.getByRole('group', { name: /Table on lines 1–2/ });
    expect(
      within(picker).getByText(/Several columns may hold the addresses: “Email”, “Work email”/),
    ).toBeTruthy();
    expect(sendButton().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Choose the email column of the table on line 1 first.')).toBeTruthy();
    await user.selectOptions(within(picker).getByLabelText('Email column'), 'Work email (ada@acme.example)');
    await screen.findByText('Checked against pending invitations and members.');
    expect(previewRow('ada@acme.example')).toBeTruthy();
    expect(previewRow('ada@home.example')).toBeUndefined();
    expect(sessionStorage.getItem(`bulk-invite-draft:${ORG}`)).toContain(
      '"columns":{"name\\temail\\twork email":{"email":2,"role":null}}',
    );
    expect(sendButton().textContent).toBe('Send 1 invitation');
  });

  it('says an uploaded file is empty', async () => {
    const { user } = renderForm();
    await user.upload(screen.getByLabelText('Upload CSV'), new File(['\r\n'], 'x.csv', { type: 'text/csv' }));
    expect(await screen.findByText('x.csv is empty.')).toBeTruthy();
  });
});
