import { dataRows, expect, rowEmails, test } from '../fixtures.ts';

test.describe('all invitations (staff)', () => {
  test('searches by email (debounced), filters, and links each row to its organization', async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    await signInAs('staff');
    const acme = await seedInvitations('Acme Corp', 1, 'needle');
    const globex = await seedInvitations('Globex', 1, 'needle');
    const term = acme.invitations[0]?.email_address.split('-').slice(0, 2).join('-') ?? '';
    await page.goto('/invitations');
    const table = page.getByRole('table', { name: 'All invitations' });
    for (const name of ['Email', 'Organization', 'Role', 'Status', 'Inviter', 'Created', 'Expires']) {
      await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
    }
    await expect(dataRows(table)).toHaveCount(25);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/organization_invitations')) requests.push(r.url());
    });
    await page.getByRole('searchbox', { name: 'Search by email' }).pressSequentially(term, { delay: 20 });
    await expect(page).toHaveURL(new RegExp(`q=${term}`));
    await expect(dataRows(table)).toHaveCount(2);
    expect(requests.length).toBeLessThanOrEqual(2);
    expect((await rowEmails(table)).sort()).toEqual(
      [acme.invitations[0]?.email_address, globex.invitations[0]?.email_address].sort(),
    );
    await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Pending' }).check();
    await expect(page).toHaveURL(/status=pending/);
    await expect(dataRows(table)).toHaveCount(2);
    await expectAccessible();
    const globexRow = dataRows(table).filter({ hasText: globex.invitations[0]?.email_address ?? '' });
    await globexRow.getByRole('link', { name: 'Globex' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${globex.org.id}/invitations`));
    await expect(page.getByRole('heading', { level: 1, name: 'Globex invitations' })).toBeVisible();
  });

  test('never shows a stale answer for an older search term', async ({ page, signInAs, seedInvitations }) => {
    await signInAs('staff');
    const { invitations } = await seedInvitations('Initech', 1, 'fresh');
    const email = invitations[0]?.email_address ?? '';
    await page.route(
      (url) =>
        url.pathname === '/api/v1/organization_invitations' && url.searchParams.get('query') === 'acme',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue().catch(() => undefined);
      },
    );
    await page.goto('/invitations');
    const table = page.getByRole('table', { name: 'All invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    const search = page.getByRole('searchbox', { name: 'Search by email' });
    await search.fill('acme');
    await expect(page).toHaveURL(/q=acme/);
    await search.fill(email);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email)}`));
    await expect(dataRows(table)).toHaveCount(1);
    await page.waitForTimeout(1700);
    await expect(dataRows(table)).toHaveCount(1);
    await expect(table.getByRole('rowheader')).toHaveText(email);
  });

  test('reload keeps the search, status, sort and page', async ({ page, signInAs }) => {
    await signInAs('staff');
    await page.goto('/invitations?q=acme&status=accepted&sort=email_address&page=2&pageSize=10');
    const table = page.getByRole('table', { name: 'All invitations' });
    await expect(page.getByText(/^11–20 of [\d,]+$/)).toBeVisible();
    const before = await rowEmails(table);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search by email' })).toHaveValue('acme');
    await expect(page.getByText(/^11–20 of [\d,]+$/)).toBeVisible();
    expect(await rowEmails(table)).toEqual(before);
  });

  test('an org admin is not allowed to see the instance-wide list', async ({ page, signInAs }) => {
    await signInAs('acmeAdmin');
    await page.goto('/invitations');
    await expect(page.getByText(/not allowed/).first()).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All invitations' }),
    ).toHaveCount(0);
  });
});
