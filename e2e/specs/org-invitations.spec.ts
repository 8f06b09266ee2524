import { dataRows, expect, rowEmails, test } from '../fixtures.ts';

const RANGE = (first: number, last: number) => new RegExp(`^${first}–${last} of [\\d,]+$`);

test.describe('organization invitations', () => {
  let orgPath = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgPath = `/orgs/${(await orgByName('Acme Corp')).id}/invitations`;
  });

  test('is a real table with the expected columns, 25 rows and the range', async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(orgPath);
    const table = page.getByRole('table', { name: 'Invitations' });
    for (const name of ['Email', 'Role', 'Status', 'Inviter', 'Created', 'Expires', 'Actions']) {
      await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
    }
    await expect(table.getByRole('columnheader', { name: 'Created' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(dataRows(table)).toHaveCount(25);
    await expect(page.getByText(RANGE(1, 25))).toBeVisible();
    await expectAccessible();
  });

  test('filters by two statuses, sent as repeated status, and reload keeps them', async ({ page }) => {
    await page.goto(orgPath);
    const statusGroup = page.getByRole('group', { name: 'Status' });
    const request = page.waitForRequest((r) => r.url().includes('status=pending&status=expired'));
    await statusGroup.getByRole('checkbox', { name: 'Pending' }).check();
    await statusGroup.getByRole('checkbox', { name: 'Expired' }).check();
    await request;
    await expect(page).toHaveURL(/status=pending&status=expired/);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(table).toHaveAttribute('aria-busy', 'false');
    const texts = await dataRows(table).allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/Pending|Expired/);
    await page.reload();
    await expect(statusGroup.getByRole('checkbox', { name: 'Pending' })).toBeChecked();
    await expect(statusGroup.getByRole('checkbox', { name: 'Expired' })).toBeChecked();
    await expect(statusGroup.getByRole('checkbox', { name: 'Accepted' })).not.toBeChecked();
  });

  test('pages to page 2 and back, keeping the previous rows while the next page loads', async ({ page }) => {
    await page.goto(orgPath);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    const firstPage = await rowEmails(table);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname.endsWith('/invitations') && url.searchParams.get('offset') === '25',
      async (route) => {
        await gate;
        await route.continue();
      },
    );
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(table).toHaveAttribute('aria-busy', 'true');
    expect(await rowEmails(table)).toEqual(firstPage);
    release();
    await expect(page.getByText(RANGE(26, 50))).toBeVisible();
    await expect(table).toHaveAttribute('aria-busy', 'false');
    expect(await rowEmails(table)).not.toEqual(firstPage);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(page.getByText(RANGE(1, 25))).toBeVisible();
    await expect(page).not.toHaveURL(/page=/);
    await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  });

  test('changes rows per page (10, 500)', async ({ page }) => {
    await page.goto(orgPath);
    const table = page.getByRole('table', { name: 'Invitations' });
    await page.getByLabel('Rows per page').selectOption('10');
    await expect(page).toHaveURL(/pageSize=10/);
    await expect(dataRows(table)).toHaveCount(10);
    await expect(page.getByText(RANGE(1, 10))).toBeVisible();
    await page.getByLabel('Rows per page').selectOption('500');
    // 500 rows are windowed: the table announces all of them and draws the ones in view.
    await expect(table).toHaveAttribute('aria-rowcount', '501');
    await expect(page.getByText(RANGE(1, 500))).toBeVisible();
    await page
      .getByRole('region', { name: 'Invitations' })
      .evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect(dataRows(table).last()).toHaveAttribute('aria-rowindex', '501');
  });

  test('sorts by Email and Created from the column headers, both directions', async ({ page }) => {
    await page.goto(orgPath);
    const table = page.getByRole('table', { name: 'Invitations' });
    const emailHeader = table.getByRole('columnheader', { name: 'Email' });
    await emailHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=email_address/);
    await expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(table).toHaveAttribute('aria-busy', 'false');
    const ascending = await rowEmails(table);
    expect(ascending).toEqual([...ascending].sort());
    await emailHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=-email_address/);
    await expect(emailHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(table).toHaveAttribute('aria-busy', 'false');
    const descending = await rowEmails(table);
    expect(descending).toEqual([...descending].sort().reverse());
    const createdHeader = table.getByRole('columnheader', { name: 'Created' });
    await createdHeader.getByRole('button').click();
    await expect(createdHeader).toHaveAttribute('aria-sort', 'descending');
    await createdHeader.getByRole('button').click();
    await expect(createdHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=created_at/);
  });

  test('filters by an exact email address', async ({ page, seedInvitations }) => {
    const { invitations } = await seedInvitations('Acme Corp', 1, 'exact');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(orgPath);
    const filter = page.getByRole('searchbox', { name: 'Email', exact: true });
    await filter.fill(email);
    await filter.press('Enter');
    await expect(page).toHaveURL(new RegExp(`email=${encodeURIComponent(email)}`));
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(1);
    await expect(table.getByRole('rowheader')).toHaveText(email);
    await expect(page.getByText(/^1–1 of 1$/)).toBeVisible();
  });

  test('shows a designed empty state that clears the filters', async ({ page }) => {
    await page.goto(`${orgPath}?email=nobody-here%40e2e-tests.example`);
    await expect(
      page.getByRole('heading', { name: 'No invitation for nobody-here@e2e-tests.example' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await expect(page).toHaveURL(new RegExp(`${orgPath}$`));
    await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
  });

  test('reload keeps the whole view: statuses, sort, page and page size', async ({ page }) => {
    await page.goto(`${orgPath}?status=pending&status=revoked&sort=email_address&page=2&pageSize=10`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(page.getByText(RANGE(11, 20))).toBeVisible();
    const before = await rowEmails(table);
    await page.reload();
    await expect(page.getByText(RANGE(11, 20))).toBeVisible();
    expect(await rowEmails(table)).toEqual(before);
    await expect(page.getByRole('checkbox', { name: 'Revoked' })).toBeChecked();
    await expect(page.getByLabel('Rows per page')).toHaveValue('10');
    await expect(table.getByRole('columnheader', { name: 'Email' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  test('a failed load shows the error and retries', async ({ page }) => {
    let fail = true;
    await page.route(
      (url) => /^\/api\/v1\/organizations\/[^/]+\/invitations$/.test(url.pathname),
      async (route) => {
        if (!fail) return route.continue();
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
      },
    );
    await page.goto(orgPath);
    await expect(page.getByRole('heading', { name: "Couldn't load invitations" })).toBeVisible({
      timeout: 10_000,
    });
    await expect(page.getByText('Clerk did not answer in time. Try again in a moment.')).toBeVisible();
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
  });

  test("an org admin opening another organization's URL is not allowed", async ({
    page,
    signInAs,
    orgByName,
    expectAccessible,
  }) => {
    await signInAs('staff');
    const globex = await orgByName('Globex');
    await signInAs('acmeAdmin');
    await page.goto(`/orgs/${globex.id}/invitations`);
    await expect(
      page.getByRole('heading', { name: "You're not allowed to view this organization" }),
    ).toBeVisible();
    await expect(page.getByText(/not allowed/).first()).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible();
  });

  test('"/" focuses the email filter', async ({ page }) => {
    await page.goto(orgPath);
    await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Email', exact: true })).toBeFocused();
  });
});
