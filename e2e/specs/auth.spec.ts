import { expect, PERSONAS, test } from '../fixtures.ts';

test.describe('sign in', () => {
  test('lists the demo users as buttons and passes axe', async ({ page, expectAccessible }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    for (const persona of Object.values(PERSONAS)) {
      await expect(
        page.getByRole('button', { name: `Sign in as ${persona.name} (${persona.email})` }),
      ).toBeVisible();
    }
    await expectAccessible();
  });

  test('a signed-out visit lands on sign-in and returns to the same view after signing in', async ({
    page,
  }) => {
    await page.goto('/invitations?status=pending&pageSize=10');
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await page
      .getByRole('button', { name: `Sign in as ${PERSONAS.staff.name} (${PERSONAS.staff.email})` })
      .click();
    await expect(page).toHaveURL(/\/invitations\?status=pending&pageSize=10$/);
    await expect(page.getByRole('checkbox', { name: 'Pending' })).toBeChecked();
    await expect(page.getByLabel('Rows per page')).toHaveValue('10');
  });

  test('the header shows who is signed in and their role; sign out ends the session', async ({
    page,
    signInAs,
  }) => {
    await signInAs('acmeAdmin');
    await page.goto('/orgs');
    const banner = page.getByRole('banner');
    await expect(banner.getByText('Ada Lovelace')).toBeVisible();
    await expect(banner.getByText('Admin · Acme Corp')).toBeVisible();
    await banner.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/orgs');
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Forgs/);
  });

  test('staff are labelled as staff and see the instance-wide list in the navigation', async ({
    page,
    signInAs,
  }) => {
    await signInAs('staff');
    await page.goto('/');
    await expect(page).toHaveURL(/\/orgs$/);
    const banner = page.getByRole('banner');
    await expect(banner.getByText('Sam Rivera')).toBeVisible();
    await expect(banner.getByText('Staff', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All invitations' }),
    ).toBeVisible();
  });
});
