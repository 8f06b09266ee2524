import { dataRows, expect, test } from '../fixtures.ts';

test.describe('revoke', () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs('acmeAdmin');
  });

  test('revokes one pending invitation after confirming', async ({
    page,
    seedInvitations,
    expectAccessible,
  }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'revoke-one');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(email)}`);
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({ hasText: email });
    await expect(row).toContainText('Pending');
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke invitation?' });
    await expect(dialog).toContainText(email);
    await expectAccessible();
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('region', { name: 'Notifications' }).getByText('Invitation revoked'),
    ).toBeVisible();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    await expect(row.getByRole('checkbox')).toHaveCount(0);
  });

  test('non-pending rows offer no revoke; only expired ones can be selected (to resend them)', async ({
    page,
    orgByName,
  }) => {
    const org = await orgByName('Acme Corp');
    await page.goto(`/orgs/${org.id}/invitations?status=accepted&status=revoked&status=expired`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    await expect(table.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    await page.goto(`/orgs/${org.id}/invitations?status=accepted&status=revoked`);
    await expect(dataRows(table)).toHaveCount(25);
    await expect(table.getByRole('checkbox', { name: /^Select (?!all)/ })).toHaveCount(0);
    await page.goto(`/orgs/${org.id}/invitations?status=expired`);
    await expect(table.getByRole('checkbox', { name: /^Select (?!all)/ })).toHaveCount(25);
    await table
      .getByRole('checkbox', { name: /^Select (?!all)/ })
      .first()
      .check();
    await expect(page.getByRole('button', { name: 'Resend selected (1)' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Revoke selected/ })).toHaveCount(0);
  });

  test('revokes several selected invitations with a result per row', async ({
    page,
    seedInvitations,
    baseURL,
  }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 3, 'revoke-many');
    await page.goto(`/orgs/${org.id}/invitations`);
    const table = page.getByRole('table', { name: 'Invitations' });
    for (const invitation of invitations) {
      await table.getByRole('checkbox', { name: `Select ${invitation.email_address}` }).check();
    }
    await page.getByRole('button', { name: 'Revoke selected (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke 3 invitations?' });
    const list = dialog.getByRole('list', { name: 'Selected invitations' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    // Someone else revokes the first one meanwhile: that row must fail with Clerk's reason.
    const [first, ...rest] = invitations;
    await page.request.post(`/api/v1/organizations/${org.id}/invitations/${first?.id}/revoke`, {
      data: {},
      headers: { origin: baseURL as string },
    });
    await dialog.getByRole('button', { name: 'Revoke 3 invitations' }).click();
    const results = page.getByRole('dialog', { name: 'Revocation results' });
    await expect(results).toContainText('2 revoked, 1 failed.');
    await expect(results.getByRole('listitem').filter({ hasText: first?.email_address ?? '' })).toContainText(
      'Failed: Already revoked by Ada Lovelace',
    );
    for (const invitation of rest) {
      await expect(results.getByRole('listitem').filter({ hasText: invitation.email_address })).toContainText(
        'Revoked',
      );
    }
    await results.getByRole('button', { name: 'Done' }).click();
    for (const invitation of invitations) {
      await expect(dataRows(table).filter({ hasText: invitation.email_address })).toContainText('Revoked');
    }
    await expect(page.getByRole('button', { name: /Revoke selected/ })).toHaveCount(0);
  });
});
