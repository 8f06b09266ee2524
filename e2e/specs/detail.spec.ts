import { expect, test } from '../fixtures.ts';

test.describe('invitation detail', () => {
  test('clicking an email opens every field; Escape returns to the same list view', async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'detail');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no seed');
    const listUrl = `/orgs/${org.id}/invitations?status=pending&pageSize=10`;
    await page.goto(listUrl);
    const link = page
      .getByRole('table', { name: 'Invitations' })
      .getByRole('link', { name: invitation.email_address });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/invitations/${invitation.id}\\?status=pending&pageSize=10$`));
    const dialog = page.getByRole('dialog', { name: invitation.email_address });
    for (const term of [
      'Status',
      'Role',
      'Inviter',
      'Created',
      'Updated',
      'Expires',
      'Invitation ID',
      'URL',
      'Public metadata',
    ]) {
      await expect(dialog.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    await expect(dialog.getByText('Pending', { exact: true })).toBeVisible();
    await expect(dialog.getByText('Ada Lovelace')).toBeVisible();
    await expect(dialog.getByText(invitation.id)).toBeVisible();
    await expect(dialog.getByText(/in 4 weeks|next month|in 30 days/)).toBeVisible();
    await expect(dialog.getByText(/UTC$/).first()).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Copy invitation link' })).toBeVisible();
    await expect(dialog.getByRole('term').filter({ hasText: 'Private metadata' })).toHaveCount(0);
    await expectAccessible();
    await page.reload();
    await expect(page.getByRole('dialog', { name: invitation.email_address })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${listUrl.replace('?', '\\?')}$`));
  });

  test('staff see private metadata, and open details from the instance-wide list', async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await signInAs('staff');
    const { invitations } = await seedInvitations('Globex', 1, 'detail-staff');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no seed');
    await page.goto(`/invitations?q=${encodeURIComponent(invitation.email_address)}`);
    await page
      .getByRole('table', { name: 'All invitations' })
      .getByRole('link', { name: invitation.email_address })
      .click();
    const dialog = page.getByRole('dialog', { name: invitation.email_address });
    await expect(dialog.getByRole('term').filter({ hasText: 'Private metadata' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page).toHaveURL(/\/invitations\?q=/);
  });
});
