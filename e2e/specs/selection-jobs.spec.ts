import { dataRows, expect, test } from '../fixtures.ts';

// "Select all N matching" (issue 15) acts through one job over the table's filter (issue 11's job
// contract): the rows unticked since are left as they are.
test.describe('all matching through a job', () => {
  test('revokes every pending invitation of the filter but one unticked, with a progress bar', async ({
    page,
    signInAs,
    newOrganization,
    seedInvitations,
  }) => {
    test.slow();
    await signInAs('staff');
    const org = await newOrganization('Select All Revoke');
    const { invitations } = await seedInvitations(org.name, 30, 'all-revoke');
    await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    await table
      .getByRole('checkbox', { name: 'Select all pending and expired invitations on this page' })
      .check();
    const bar = page.getByRole('group', { name: 'Selection' });
    await bar.getByRole('button', { name: 'Select all 30 matching' }).click();
    await expect(bar).toContainText('All 30 matching invitations are selected.');
    const kept = (await dataRows(table).first().getByRole('rowheader').textContent()) ?? '';
    await table.getByRole('checkbox', { name: `Select ${kept}` }).uncheck();
    await expect(bar).toContainText('29 of 30 matching invitations are selected.');

    await bar.getByRole('button', { name: 'Revoke all 29' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke 29 invitations?' });
    await expect(dialog).toContainText('1 you unticked is left as it is.');
    await dialog.getByRole('button', { name: 'Revoke 29' }).click();

    await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}/invitations/bulk/bulkjob_`));
    const progress = page.getByRole('progressbar', { name: 'Bulk revoke progress' });
    await expect(progress).toHaveAttribute('aria-valuemax', '29');
    await expect(progress).toHaveAttribute('aria-valuenow', '29', { timeout: 30_000 });

    await page.goto(`/orgs/${org.id}/invitations?status=pending`);
    await expect(dataRows(table)).toHaveCount(1);
    await expect(dataRows(table).first()).toContainText(kept);
    expect(invitations.map((i) => i.email_address)).toContain(kept);
  });

  test('resends every expired invitation of the filter through a reissue job; revoke is not offered', async ({
    page,
    signInAs,
    newOrganization,
    seedInvitations,
  }) => {
    test.slow();
    await signInAs('staff');
    const org = await newOrganization('Select All Resend');
    await seedInvitations(org.name, 27, 'all-resend', { expiresInDays: 7, expired: true });
    await page.goto(`/orgs/${org.id}/invitations?status=expired`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    await table
      .getByRole('checkbox', { name: 'Select all pending and expired invitations on this page' })
      .check();
    const bar = page.getByRole('group', { name: 'Selection' });
    await bar.getByRole('button', { name: 'Select all 27 matching' }).click();
    await expect(bar.getByRole('button', { name: /^Revoke all/ })).toHaveCount(0);
    await bar.getByRole('button', { name: 'Resend all 27' }).click();
    await page
      .getByRole('dialog', { name: 'Resend 27 invitations?' })
      .getByRole('button', { name: 'Resend 27' })
      .click();
    const progress = page.getByRole('progressbar', { name: 'Re-issue progress' });
    await expect(progress).toHaveAttribute('aria-valuenow', '27', { timeout: 30_000 });
    await page.goto(`/orgs/${org.id}/invitations?status=pending`);
    await expect(page.getByText('1–25 of 27')).toBeVisible();
  });
});
