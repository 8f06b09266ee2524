import { dataRows, expect, PERSONAS, test } from '../fixtures.ts';

test.describe('bulk invite', () => {
  let orgId = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgId = (await orgByName('Acme Corp')).id;
  });

  test('35 pasted addresses: preview classifies them, the job finishes, the new invitations are listed', async ({
    page,
    seedInvitations,
    uniqueEmail,
    revokeLater,
    expectAccessible,
  }) => {
    // Sign-in through Clerk, a job of 35 rows and its results: more than the default on a busy machine.
    test.setTimeout(90_000);
    const { invitations: pending } = await seedInvitations('Acme Corp', 2, 'bulk-pending');
    const fresh = Array.from({ length: 28 }, () => uniqueEmail('bulk'));
    for (const email of fresh) revokeLater(orgId, email);
    const lines = [
      // 28 new addresses in the formats people paste.
      ...fresh.slice(0, 10),
      fresh.slice(10, 16).join(', '),
      fresh
        .slice(16, 22)
        .map((e, i) => `Person ${i} <${e}>`)
        .join('; '),
      ...fresh.slice(22, 26).map((e, i) => `"Last${i}, First" <${e}>`),
      `${fresh[26]}\t${fresh[27]}`,
      // 2 invalid, 2 duplicates, 2 already pending, 1 member.
      'not-an-email',
      'ada.example.com',
      fresh[0]?.toUpperCase(),
      `Again <${fresh[1]}>`,
      ...pending.map((inv) => inv.email_address),
      PERSONAS.member.email,
    ];

    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('link', { name: 'Bulk invite', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/invitations/bulk$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Bulk invite' })).toBeVisible();
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('org:member');
    await page.getByLabel('Email addresses').fill(lines.join('\n'));

    await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
    const show = page.getByRole('group', { name: 'Show' });
    for (const name of ['Ready (28)', 'Invalid (2)', 'Duplicate (2)', 'Pending invitation (2)', 'Member (1)'])
      await expect(show.getByRole('checkbox', { name })).toBeVisible();
    const preview = page.getByRole('table', { name: 'Preview' });
    await expect(dataRows(preview)).toHaveCount(35);
    await expect(dataRows(preview).filter({ hasText: 'not-an-email' })).toContainText('missing an @');
    await expect(dataRows(preview).filter({ hasText: PERSONAS.member.email })).toContainText(
      'Already a member',
    );
    await expect(dataRows(preview).filter({ hasText: pending[0]?.email_address ?? '' })).toContainText(
      'Already has a pending invitation',
    );
    await expect(dataRows(preview).filter({ hasText: 'Again' })).toContainText('Duplicate of line 2');
    await expectAccessible();

    await page.getByRole('button', { name: 'Send 28 invitations' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/invitations/bulk/bulkjob_[A-Za-z0-9]+`));
    // Every pasted row is in the job: 28 sent, the 7 left out skipped with their reason.
    const bar = page.getByRole('progressbar', { name: 'Bulk invite progress' });
    await expect(bar).toHaveAttribute('aria-valuemax', '35');
    await expect(bar).toHaveAttribute('aria-valuenow', '35', { timeout: 20_000 });
    await expect(page.getByText('Done', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('35 of 35 processed · 100%')).toBeVisible();
    const outcome = page.getByRole('group', { name: 'Outcome' });
    await expect(outcome.getByRole('checkbox', { name: 'Invited (28)' })).toBeVisible();
    await expect(outcome.getByRole('checkbox', { name: 'Skipped (7)' })).toBeVisible();
    const jobRows = dataRows(page.getByRole('table', { name: 'Rows' }));
    await expect(jobRows).toHaveCount(35);
    await expect(jobRows.filter({ hasText: 'not-an-email' })).toContainText('This address is missing an @.');
    await expect(jobRows.filter({ hasText: PERSONAS.member.email })).toContainText('Already a member.');
    await expect(page.getByRole('button', { name: 'Retry failed' })).toBeDisabled();
    const download = page.getByRole('link', { name: 'Download results' });
    await expect(download).toHaveAttribute('href', /\/api\/bulk-invitations\/bulkjob_\w+\/results\.csv$/);
    const csv = (
      await (await page.request.get((await download.getAttribute('href')) ?? '')).text()
    ).trimEnd();
    const csvLines = csv.split('\r\n');
    expect(csvLines[0]).toBe('line,email_address,role,outcome,invitation_id,code,message');
    expect(csvLines).toHaveLength(36);
    expect(csvLines.filter((l) => l.includes(',skipped,'))).toHaveLength(7);
    expect(csvLines.find((l) => l.includes('not-an-email'))).toMatch(
      /^\d+,not-an-email,org:member,skipped,,form_param_format_invalid,/,
    );
    await expectAccessible();

    // The job view survives a reload, and the draft was cleared once the job started.
    const jobUrl = page.url();
    await page.reload();
    await expect(page).toHaveURL(jobUrl);
    await expect(bar).toHaveAttribute('aria-valuenow', '35');
    await page.getByRole('link', { name: 'New bulk invite' }).click();
    await expect(page.getByLabel('Email addresses')).toHaveValue('');
    await expect(
      page.getByRole('table', { name: 'Recent bulk invites' }).getByRole('link').first(),
    ).toBeVisible();

    await page.goto(`/orgs/${orgId}/invitations?pageSize=100`);
    const table = page.getByRole('table', { name: 'Invitations' });
    for (const email of fresh) await expect(table.getByRole('rowheader', { name: email })).toBeVisible();
  });

  test('keeps the paste, roles and options through a failed send and a reload', async ({
    page,
    uniqueEmail,
  }) => {
    await page.route('**/api/bulk-invitations', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fulfill({
        status: 504,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              code: 'upstream_timeout',
              message: 'Upstream timeout',
              long_message: 'Clerk did not answer in time. Try again in a moment.',
            },
          ],
          clerk_trace_id: '0123456789abcdef0123456789abcdef',
        }),
      });
    });
    const emails = [uniqueEmail('keep'), uniqueEmail('keep')];
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await page.getByLabel('Email addresses').fill(emails.join('\n'));
    await page.getByRole('combobox', { name: `Role for ${emails[1]}` }).selectOption({ label: 'Admin' });
    await page.getByLabel('Redirect URL').fill('https://app.example.com/welcome');
    await page.getByLabel('Send invitation emails').uncheck();
    await page.getByRole('button', { name: 'Send 2 invitations' }).click();
    await expect(page.getByRole('alert')).toHaveText('Clerk did not answer in time. Try again in a moment.');
    await expect(page.getByLabel('Email addresses')).toHaveValue(emails.join('\n'));

    await page.reload();
    await expect(page.getByText('Restored the list you were working on.')).toBeVisible();
    await expect(page.getByLabel('Email addresses')).toHaveValue(emails.join('\n'));
    await expect(page.getByLabel('Redirect URL')).toHaveValue('https://app.example.com/welcome');
    await expect(page.getByLabel('Send invitation emails')).not.toBeChecked();
    await expect(page.getByRole('combobox', { name: `Role for ${emails[1]}` })).toHaveValue('org:admin');
  });

  test('an uploaded CSV goes into the box: its email and role columns are read, its header is no row', async ({
    page,
    uniqueEmail,
  }) => {
    const [a, b] = [uniqueEmail('csv'), uniqueEmail('csv')];
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await page.getByLabel('Email addresses').fill('first@typed.example');
    await page.getByLabel('Upload CSV').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\uFEFFName,Email,Manager Email,Role\r\n"Lovelace, Ada",${a},boss@acme.example,admin\r\n,${b},,\r\n`,
      ),
    });
    await expect(page.getByText('Added people.csv as lines 3–5.')).toBeVisible();
    await expect(page.getByLabel('Email addresses')).toHaveValue(
      `first@typed.example\n\nName,Email,Manager Email,Role\n"Lovelace, Ada",${a},boss@acme.example,admin\n,${b},,\n`,
    );
    await expect(
      page.getByText(/Table on lines 3–5.*addresses from “Email”, roles from “Role”/),
    ).toBeVisible();
    await expect(page.getByRole('combobox', { name: `Role for ${a}` })).toHaveValue('org:admin');
    await expect(page.getByRole('combobox', { name: `Role for ${b}` })).toHaveValue('org:member');
    const preview = page.getByRole('table', { name: 'Preview' });
    await expect(dataRows(preview)).toHaveCount(3);
    await expect(preview).not.toContainText('boss@acme.example');
    await expect(preview).not.toContainText('Manager Email');
  });

  test('previews a 1,000-address paste: every row classified, counted and ready to send', async ({
    page,
  }) => {
    // How fast the preview paints is measured by `pnpm bench` (e2e/bench/preview-paint.ts), not here.
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('org:member');
    const text = Array.from({ length: 1_000 }, (_, i) =>
      i % 3 === 0 ? `Person ${i} <p${i}@paint.example>` : `p${i}@paint.example`,
    ).join('\n');
    await page.getByLabel('Email addresses').fill(`${text}\nnot-an-address\np1@paint.example`);
    // The server's check of 1,000 addresses (timed by pnpm bench) may take a while on a busy machine.
    await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.locator('.preview-sentence')).toHaveText(
      '1,002 rows: 1,000 will be sent, 2 left out (invalid or duplicate).',
    );
    await expect(page.getByRole('button', { name: 'Send 1,000 invitations' })).toBeEnabled();
  });
});

test.describe('bulk invite progress links', () => {
  test("a job opened under another organization's URL moves to its own organization", async ({
    page,
    baseURL,
    signInAs,
    orgByName,
    uniqueEmail,
    revokeLater,
  }) => {
    await signInAs('staff');
    const acme = await orgByName('Acme Corp');
    const globex = await orgByName('Globex');
    const email = uniqueEmail('bulk-link');
    revokeLater(acme.id, email);
    const created = await page.request.post('/api/bulk-invitations', {
      data: {
        organization_id: acme.id,
        rows: [{ email_address: email, role: 'org:member' }],
        options: { expires_in_days: 30, redirect_url: null, notify: false },
      },
      headers: { origin: baseURL as string },
    });
    expect(created.status()).toBe(201);
    const job = (await created.json()) as { id: string };
    await page.goto(`/orgs/${globex.id}/invitations/bulk/${job.id}`);
    await expect(page).toHaveURL(new RegExp(`/orgs/${acme.id}/invitations/bulk/${job.id}$`));
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Acme Corp');
    await expect(page.getByRole('table')).toContainText(email);
  });
});
