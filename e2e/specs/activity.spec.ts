import { dataRows, expect, test } from '../fixtures.ts';

test.describe('activity', () => {
  test("an org admin sees their organization's activity, filters it, and the filters live in the URL", async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    test.slow(); // every filter in turn, a reload, on a machine shared with other test runs
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'activity');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/orgs/${org.id}/invitations`);
    await page.getByRole('main').getByRole('link', { name: 'Activity', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/activity\\?organization_id=${org.id}$`));
    await expect(page.getByLabel('Organization')).toHaveValue(org.id);
    const table = page.getByRole('table', { name: 'Activity' });
    for (const name of ['When', 'Actor', 'Action', 'Organization', 'Addresses', 'Outcome', 'Trace ID'])
      await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
    const row = dataRows(table).filter({ hasText: email });
    await expect(row).toContainText('Ada Lovelace');
    await expect(row).toContainText('Invited');
    await expect(row).toContainText('Acme Corp');
    await expect(row).toContainText('OK');
    await expectAccessible();

    await page.getByLabel('Action').selectOption({ label: 'Revoked' });
    await expect(page).toHaveURL(/action=invitation\.revoke/);
    await expect(dataRows(table).filter({ hasText: email })).toHaveCount(0);
    await page.getByLabel('Action').selectOption({ label: 'Invited' });
    await expect(page).toHaveURL(/action=invitation\.create/);
    await expect(dataRows(table).filter({ hasText: email })).toHaveCount(1);

    // The filter's days are the browser's own.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.getByLabel('From', { exact: true }).fill(today);
    await expect(page).toHaveURL(new RegExp(`from=${today}`));
    await expect(dataRows(table).filter({ hasText: email })).toHaveCount(1);
    await page.getByLabel('To', { exact: true }).fill('2020-01-01');
    await expect(page.getByRole('heading', { name: 'No activity matches these filters' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2020-01-01');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).toHaveURL(/\/activity$/);
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('');
    // Every organization's newest entries now: other workers' bulk jobs may have pushed this one past
    // the first page, so the filters are checked to be gone, not where the entry landed.
    await expect(page.getByLabel('Organization')).toHaveValue('');
    await expect(dataRows(table).first()).toBeVisible();

    await dataRows(table).getByRole('button', { name: 'Ada Lovelace' }).first().click();
    await expect(page).toHaveURL(/actor=Ada\+Lovelace/);
    await expect(page.getByRole('searchbox', { name: 'Actor' })).toHaveValue('Ada Lovelace');
  });

  test("an org admin can't see another organization's activity; staff see every organization", async ({
    page,
    signInAs,
    orgByName,
    seedInvitations,
  }) => {
    test.slow(); // four sign-ins through Clerk
    await signInAs('globexAdmin');
    const { org: globex, invitations } = await seedInvitations('Globex', 1, 'activity-globex');
    const globexEmail = invitations[0]?.email_address ?? '';

    await signInAs('acmeAdmin');
    await page.goto('/activity');
    const table = page.getByRole('table', { name: 'Activity' });
    await expect(dataRows(table).first()).toBeVisible();
    await expect(dataRows(table).filter({ hasText: globexEmail })).toHaveCount(0);
    await expect(page.getByLabel('Organization').getByRole('option', { name: 'Globex' })).toHaveCount(0);
    await page.goto(`/activity?organization_id=${globex.id}`);
    await expect(page.getByText("You're not allowed to view this activity")).toBeVisible();
    await expect(dataRows(table).filter({ hasText: globexEmail })).toHaveCount(0);

    await signInAs('staff');
    await page.goto('/activity');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }),
    ).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('Organization').selectOption({ label: 'Globex' });
    await expect(dataRows(table).filter({ hasText: globexEmail })).toContainText('Globex');
    expect((await orgByName('Acme Corp')).id).toBeTruthy();

    // Back to Globex's admin, so the seeder can revoke what it created.
    await signInAs('globexAdmin');
  });
});
