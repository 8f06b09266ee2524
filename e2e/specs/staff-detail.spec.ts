import { dataRows, expect, test } from '../fixtures.ts';

// Support staff find a person across organizations, then go to the organization: the detail names it
// (with its id) and links to it, and the jump keeps the search as the organization's email filter.

test.describe('staff detail and the way to the organization', () => {
  test('the detail shows the organization’s name as a link that keeps the address as a filter', async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    await signInAs('staff');
    const { org, invitations } = await seedInvitations('Globex', 1, 'detail');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/invitations?q=${encodeURIComponent(email)}`);
    const table = page.getByRole('table', { name: 'All invitations' });
    await table.getByRole('link', { name: email }).click();
    const sheet = page.getByRole('dialog', { name: email });
    const organization = sheet.getByRole('definition').filter({ hasText: org.id });
    await expect(organization.getByRole('link', { name: 'Globex' })).toBeVisible();
    await expectAccessible();

    await organization.getByRole('link', { name: 'Globex' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/orgs/${org.id}/invitations\\?email=${encodeURIComponent(email)}$`),
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Globex invitations' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Email', exact: true })).toHaveValue(email);
    const orgTable = page.getByRole('table', { name: 'Invitations', exact: true });
    await expect(dataRows(orgTable)).toHaveCount(1);
    await expect(orgTable.getByRole('rowheader')).toHaveText(email);
  });

  test('the Organization column of a search result keeps the search as the email filter', async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await signInAs('staff');
    const { org, invitations } = await seedInvitations('Initech', 2, 'column');
    const [first] = invitations;
    const email = first?.email_address ?? '';
    // Part of the address: the search finds both, the jump keeps the chosen result's whole address.
    const term = email.split('@')[0]?.replace(/-\d+$/, '') ?? '';
    await page.goto(`/invitations?q=${encodeURIComponent(term)}`);
    const table = page.getByRole('table', { name: 'All invitations' });
    await expect(dataRows(table)).toHaveCount(2);
    await dataRows(table).filter({ hasText: email }).getByRole('link', { name: 'Initech' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/orgs/${org.id}/invitations\\?email=${encodeURIComponent(email)}$`),
    );
    await expect(
      page.getByRole('table', { name: 'Invitations', exact: true }).getByRole('rowheader'),
    ).toHaveText(email);
  });

  test('an org admin’s detail names the organization too', async ({ page, signInAs, seedInvitations }) => {
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'own');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/orgs/${org.id}/invitations/${invitations[0]?.id}`);
    const sheet = page.getByRole('dialog', { name: email });
    await expect(sheet.getByRole('definition').filter({ hasText: org.id })).toContainText('Acme Corp');
  });
});
