import { dataRows, expect, test } from '../fixtures.ts';

// Issue 14: "Include rows that already have a pending invitation" re-issues them through the resend
// path (the same job revokes each and sends it again), instead of sending what Clerk would refuse.

test('a bulk invite re-issues the pending invitations it was told to include', async ({
  page,
  signInAs,
  seedInvitations,
  uniqueEmail,
  revokeLater,
}) => {
  await signInAs('acmeAdmin');
  const { org, invitations } = await seedInvitations('Acme Corp', 1, 'bulk-again');
  const pending = invitations[0]?.email_address ?? '';
  const fresh = uniqueEmail('bulk-fresh');
  revokeLater(org.id, fresh);

  await page.goto(`/orgs/${org.id}/invitations/bulk`);
  await page.getByLabel('Email addresses').fill(`${pending}\n${fresh}`);
  await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send 1 invitation' })).toBeVisible();
  await page
    .getByRole('checkbox', { name: /^Include rows that already have a pending invitation \(1\)/ })
    .check();
  await expect(page.getByRole('checkbox', { name: `Send to ${pending}` })).toBeChecked();
  await page.getByRole('button', { name: 'Send 2 invitations' }).click();

  await expect(page).toHaveURL(/\/invitations\/bulk\/bulkjob_/);
  const bar = page.getByRole('progressbar', { name: 'Bulk invite progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '2', { timeout: 20_000 });
  await expect(
    page.getByRole('group', { name: 'Outcome' }).getByRole('checkbox', { name: 'Invited (2)' }),
  ).toBeVisible();
  const row = dataRows(page.getByRole('table', { name: 'Rows' })).filter({ hasText: pending });
  await expect(row).toContainText(`replaces ${invitations[0]?.id}`);

  await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(pending)}`);
  const table = page.getByRole('table', { name: 'Invitations' });
  await expect(dataRows(table)).toHaveCount(2);
  await expect(dataRows(table).nth(0)).toContainText('Pending');
  await expect(dataRows(table).nth(1)).toContainText('Revoked');
});
