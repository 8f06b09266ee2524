import { dataRows, expect, test } from '../fixtures.ts';

// An organization's email filter is Clerk's: an exact (case-insensitive) match on the whole address.
// When it finds nothing the page says why, and for a full address offers to invite it.

test.describe('the email filter explains itself', () => {
  let orgPath = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgPath = `/orgs/${(await orgByName('Acme Corp')).id}/invitations`;
  });

  test('part of an address finds nothing and says the filter needs the full address', async ({
    page,
    seedInvitations,
    expectAccessible,
  }) => {
    const { invitations } = await seedInvitations('Acme Corp', 1, 'partial');
    const email = invitations[0]?.email_address ?? '';
    const part = email.slice(0, email.indexOf('@') + 1);
    await page.goto(orgPath);
    const filter = page.getByRole('searchbox', { name: 'Email', exact: true });
    await filter.fill(part);
    await filter.press('Enter');
    await expect(
      page.getByRole('heading', { name: `No invitation has the address “${part}”` }),
    ).toBeVisible();
    await expect(page.getByText(/needs the full address/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Invite .*@/ })).toHaveCount(0);
    await expectAccessible();

    // The whole address finds the invitation the part did not.
    await filter.fill(email.toUpperCase());
    await filter.press('Enter');
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(table.getByRole('rowheader')).toHaveText(email);
  });

  test('a full address without an invitation offers “Invite <address>”, prefilled', async ({
    page,
    uniqueEmail,
    revokeLater,
    orgByName,
  }) => {
    const email = uniqueEmail('nobody-yet');
    revokeLater((await orgByName('Acme Corp')).id, email);
    await page.goto(`${orgPath}?email=${encodeURIComponent(email)}`);
    await expect(page.getByRole('heading', { name: `No invitation for ${email}` })).toBeVisible();
    await page.getByRole('button', { name: `Invite ${email}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await expect(dialog.getByLabel('Email address')).toHaveValue(email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog.getByText(`Invitation sent to ${email}`, { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(1);
    await expect(table.getByRole('rowheader')).toHaveText(email);
  });

  test('with a status filter it offers every status instead of clearing the address', async ({
    page,
    seedInvitations,
  }) => {
    const { invitations } = await seedInvitations('Acme Corp', 1, 'statuses');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`${orgPath}?email=${encodeURIComponent(email)}&status=accepted&status=revoked`);
    await expect(
      page.getByRole('heading', { name: `No accepted or revoked invitation for ${email}` }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Show every status' }).click();
    await expect(page).toHaveURL(new RegExp(`email=${encodeURIComponent(email)}$`));
    await expect(page.getByRole('table', { name: 'Invitations' }).getByRole('rowheader')).toHaveText(email);
  });
});
