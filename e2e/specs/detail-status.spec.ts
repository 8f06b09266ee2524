import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15: the detail panel offered a dead link and a future "Expires in" whatever the status.
test.describe('the invitation detail follows its status', () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs('acmeAdmin');
  });

  async function openFirst(page: import('@playwright/test').Page, orgId: string, status: string) {
    await page.goto(`/orgs/${orgId}/invitations?status=${status}&sort=email_address`);
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).first();
    const email = ((await row.getByRole('link').first().textContent()) ?? '').trim();
    await row.getByRole('link', { name: email }).click();
    return { dialog: page.getByRole('dialog', { name: email }), email, row };
  }

  test('an expired invitation: no link to copy, when it expired, and the next step in the footer', async ({
    page,
    orgByName,
    expectAccessible,
  }) => {
    const org = await orgByName('Acme Corp');
    const { dialog, email } = await openFirst(page, org.id, 'expired');
    await expect(dialog.getByText('Expired', { exact: true }).first()).toBeVisible();
    await expect(dialog.getByRole('term').filter({ hasText: /^Expired$/ })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Copy invitation link' })).toHaveCount(0);
    await expect(dialog.getByText('The link no longer works: the invitation expired.')).toBeVisible();
    await expect(dialog.getByRole('definition').filter({ hasText: /ago/ }).first()).toBeVisible();
    await expect(dialog.getByText(/^in \d+/)).toHaveCount(0);
    await expectAccessible();

    // The next step is Resend (issue 11): it asks first, naming the address; Cancel keeps the detail.
    await dialog.getByRole('button', { name: 'Resend' }).click();
    const confirm = page.getByRole('dialog', { name: 'Resend invitation?' });
    await expect(confirm).toContainText(email);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(dialog).toBeVisible();
  });

  test('a revoked invitation: no link, no expiry, and no action', async ({
    page,
    seedInvitations,
    baseURL,
  }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'detail-revoked');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no seed');
    await page.request.post(`/api/v1/organizations/${org.id}/invitations/${invitation.id}/revoke`, {
      data: {},
      headers: { origin: baseURL as string },
    });
    await page.goto(`/orgs/${org.id}/invitations/${invitation.id}`);
    const dialog = page.getByRole('dialog', { name: invitation.email_address });
    await expect(dialog.getByText('Revoked', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Copy invitation link' })).toHaveCount(0);
    await expect(dialog.getByText('No longer applies: the invitation was revoked.')).toBeVisible();
    await expect(dialog.getByText(/^in \d+/)).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: /Revoke|Invite again/ })).toHaveCount(0);
    // The table agrees: no expiry date on the revoked row.
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({
      hasText: invitation.email_address,
    });
    await expect(row).toContainText('No longer applies');
  });

  test('an accepted invitation: no link and no expiry', async ({ page, orgByName }) => {
    const org = await orgByName('Acme Corp');
    const { dialog, row } = await openFirst(page, org.id, 'accepted');
    await expect(dialog.getByText('Accepted', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Copy invitation link' })).toHaveCount(0);
    await expect(dialog.getByText('No longer applies: the invitation was accepted.')).toBeVisible();
    await expect(dialog.getByText(/^in \d+/)).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(row.getByRole('cell').filter({ hasText: 'No longer applies' })).toHaveCount(1);
  });
});
