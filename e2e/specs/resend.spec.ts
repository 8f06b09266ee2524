import { dataRows, expect, test } from '../fixtures.ts';

// Issue 11: resend one invitation, a selection, and every expired one through a job.

const toast = (page: import('@playwright/test').Page, text: string) =>
  page.getByRole('region', { name: 'Notifications' }).getByText(text);

test.describe('resend', () => {
  test('resends a pending and an expired invitation: the new one is pending, the old one revoked or expired', async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    // Two resends, each with an accessibility scan of its dialog: past 30 s on a loaded machine.
    test.slow();
    await signInAs('acmeAdmin');
    const pending = (await seedInvitations('Acme Corp', 1, 'resend-pending', { expiresInDays: 9 }))
      .invitations[0];
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'resend-expired', {
      expiresInDays: 5,
      expired: true,
    });
    const expired = invitations[0];
    const table = page.getByRole('table', { name: 'Invitations' });

    for (const [invitation, oldStatus, sentence] of [
      [pending, 'Revoked', /current invitation is revoked and a new one is sent .* valid for 9 days/],
      [expired, 'Expired', /A new invitation is sent .* valid for 5 days/],
    ] as const) {
      const email = invitation?.email_address ?? '';
      await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(email)}`);
      await expect(dataRows(table)).toHaveCount(1);
      await dataRows(table).getByRole('button', { name: 'Resend' }).click();
      const dialog = page.getByRole('dialog', { name: 'Resend invitation?' });
      await expect(dialog).toContainText(email);
      await expect(dialog).toContainText(sentence);
      await expectAccessible();
      await dialog.getByRole('button', { name: 'Resend invitation' }).click();
      await expect(dialog).toBeHidden();
      await expect(toast(page, 'Invitation resent')).toBeVisible();
      // Newest first: the new invitation above the one it replaces.
      await expect(dataRows(table)).toHaveCount(2);
      await expect(dataRows(table).nth(0)).toContainText('Pending');
      await expect(dataRows(table).nth(1)).toContainText(oldStatus);
      await expect(dataRows(table).nth(1).getByRole('button', { name: 'Resend' })).toHaveCount(
        oldStatus === 'Expired' ? 1 : 0,
      );
    }
  });

  test('resends a selection of 3 with a result for each', async ({
    page,
    signInAs,
    newOrganization,
    seedInvitations,
  }) => {
    await signInAs('staff');
    const org = await newOrganization('Resend Selection');
    const { invitations } = await seedInvitations(org.name, 3, 'resend-many');
    await page.goto(`/orgs/${org.id}/invitations`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(3);
    await table
      .getByRole('checkbox', { name: 'Select all pending and expired invitations on this page' })
      .check();
    await page.getByRole('button', { name: 'Resend selected (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resend 3 invitations?' });
    await expect(
      dialog.getByRole('list', { name: 'Selected invitations' }).getByRole('listitem'),
    ).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Resend 3 invitations' }).click();
    const results = page.getByRole('dialog', { name: 'Resend results' });
    await expect(results).toContainText('3 resent, 0 not resent.');
    for (const invitation of invitations) {
      await expect(results.getByRole('listitem').filter({ hasText: invitation.email_address })).toContainText(
        'Resent',
      );
    }
    await results.getByRole('button', { name: 'Done' }).click();
    await expect(dataRows(table)).toHaveCount(6);
    for (const invitation of invitations) {
      const rows = dataRows(table).filter({ hasText: invitation.email_address });
      await expect(rows.filter({ hasText: 'Pending' })).toHaveCount(1);
      await expect(rows.filter({ hasText: 'Revoked' })).toHaveCount(1);
    }
  });

  test('re-issues all 30 expired invitations of an organization through a job with a progress bar', async ({
    page,
    signInAs,
    newOrganization,
    seedInvitations,
  }) => {
    test.slow();
    await signInAs('staff');
    const org = await newOrganization('Reissue Thirty');
    await seedInvitations(org.name, 30, 'reissue-all', { expiresInDays: 7, expired: true });
    await page.goto(`/orgs/${org.id}/invitations?status=expired`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(page.getByText('1–25 of 30')).toBeVisible();
    await page.getByRole('button', { name: 'Re-issue all expired' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-issue 30 expired invitations?' });
    await dialog.getByRole('button', { name: 'Re-issue 30' }).click();

    await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}/invitations/bulk/bulkjob_`));
    await expect(page.getByRole('heading', { level: 1, name: 'Re-issue progress' })).toBeVisible();
    const bar = page.getByRole('progressbar', { name: 'Re-issue progress' });
    await expect(bar).toHaveAttribute('aria-valuemax', '30');
    await expect(bar).toHaveAttribute('aria-valuenow', '30', { timeout: 20_000 });
    await expect(page.getByRole('definition').first()).toHaveText('30');
    await expect(toast(page, 'Re-issue finished')).toBeVisible();

    await page.goto(`/orgs/${org.id}/invitations?status=pending`);
    await expect(page.getByText('1–25 of 30')).toBeVisible();
    await page.goto(`/orgs/${org.id}/invitations?status=expired`);
    await expect(page.getByText('1–25 of 30')).toBeVisible();
    await expect(dataRows(table).first()).toContainText('Expired');
  });
});
