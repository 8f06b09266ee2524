import { dataRows, emulator, expect, test } from '../fixtures.ts';

// Issue 15: a revoke from a stale tab said nothing. Another tab (here: the api, as another tab would)
// settles the invitation first; this tab still shows it pending.
test.describe('revoke from a stale tab', () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs('acmeAdmin');
  });

  test('says who revoked it first, refreshes the row, and the log names the address', async ({
    page,
    baseURL,
    seedInvitations,
    expectAccessible,
  }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'stale-revoke');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no seed');
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(invitation.email_address)}`);
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({
      hasText: invitation.email_address,
    });
    await expect(row).toContainText('Pending');

    // The other tab revokes it.
    const other = await page.request.post(
      `/api/v1/organizations/${org.id}/invitations/${invitation.id}/revoke`,
      { data: {}, headers: { origin: baseURL as string } },
    );
    expect(other.status()).toBe(200);

    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke invitation?' });
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    const notifications = page.getByRole('region', { name: 'Notifications' });
    await expect(notifications.getByText('Already revoked by Ada Lovelace')).toBeVisible();
    await expect(notifications.getByText(invitation.email_address)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    await expectAccessible();

    // The refused revoke is in the log with its address and what it found.
    await page.goto(`/activity?organization_id=${org.id}&action=invitation.revoke`);
    const entries = dataRows(page.getByRole('table', { name: 'Activity' })).filter({
      hasText: invitation.email_address,
    });
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText('Was already revoked.');
    await expect(entries.nth(1)).toContainText('OK');
  });

  test('says it was already accepted when the invitee accepted meanwhile', async ({
    page,
    seedInvitations,
  }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'stale-accept');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no seed');
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(invitation.email_address)}`);
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({
      hasText: invitation.email_address,
    });
    await expect(row).toContainText('Pending');
    await emulator('POST', `/__emulator/invitations/${invitation.id}/accept`);

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke invitation?' })
      .getByRole('button', { name: 'Revoke invitation' })
      .click();
    await expect(
      page.getByRole('region', { name: 'Notifications' }).getByText('Already accepted', { exact: true }),
    ).toBeVisible();
    await expect(row).toContainText('Accepted');
  });
});
