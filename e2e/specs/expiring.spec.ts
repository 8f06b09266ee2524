import { dataRows, expect, rowEmails, test } from '../fixtures.ts';

// Issue 11: the expiring-soon filter (built by the api, Clerk has none) and its count in the header.

test('shows how many expire this week, and filters and sorts the pending ones by expiry', async ({
  page,
  signInAs,
  newOrganization,
  seedInvitations,
  expectAccessible,
}) => {
  await signInAs('staff');
  const org = await newOrganization('Expiring Soon');
  const byDays = new Map<number, string>();
  for (const days of [25, 5, 10, 2]) {
    const { invitations } = await seedInvitations(org.name, 1, `exp${days}d`, { expiresInDays: days });
    byDays.set(days, invitations[0]?.email_address ?? '');
  }
  await seedInvitations(org.name, 1, 'exp-gone', { expiresInDays: 1, expired: true });

  await page.goto(`/orgs/${org.id}/invitations`);
  const table = page.getByRole('table', { name: 'Invitations' });
  await expect(dataRows(table)).toHaveCount(5);
  await page.getByRole('link', { name: '2 expire this week' }).click();

  await expect(page).toHaveURL(/[?&]expires_within=7(&|$)/);
  const within = page.getByLabel('Expires within');
  await expect(within).toHaveValue('7');
  await expect(dataRows(table)).toHaveCount(2);
  // Soonest first, whatever the order they were made in.
  expect(await rowEmails(table)).toEqual([byDays.get(2), byDays.get(5)]);
  await expect(table.getByRole('columnheader', { name: 'Expires' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expectAccessible();

  await within.selectOption({ label: '14 days' });
  await expect(page).toHaveURL(/[?&]expires_within=14(&|$)/);
  await expect(dataRows(table)).toHaveCount(3);
  expect(await rowEmails(table)).toEqual([byDays.get(2), byDays.get(5), byDays.get(10)]);
  await expect(page.getByRole('button', { name: 'Resend all expiring' })).toBeVisible();

  // The filter lives in the URL: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel('Expires within')).toHaveValue('14');
  await expect(dataRows(table)).toHaveCount(3);

  await page.getByLabel('Expires within').selectOption({ label: 'Any time' });
  await expect(page).not.toHaveURL(/expires_within/);
  await expect(dataRows(table)).toHaveCount(5);
});

test('resends every invitation expiring within the window through a job, after saying how many', async ({
  page,
  signInAs,
  newOrganization,
  seedInvitations,
}) => {
  await signInAs('staff');
  const org = await newOrganization('Expiring Resend');
  await seedInvitations(org.name, 2, 'soon', { expiresInDays: 3 });
  await seedInvitations(org.name, 1, 'later', { expiresInDays: 20 });
  await page.goto(`/orgs/${org.id}/invitations?expires_within=7`);
  await page.getByRole('button', { name: 'Resend all expiring' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resend 2 invitations expiring within 7 days?' });
  await dialog.getByRole('button', { name: 'Resend 2' }).click();
  const bar = page.getByRole('progressbar', { name: 'Re-issue progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '2', { timeout: 15_000 });
  await page.goto(`/orgs/${org.id}/invitations?status=revoked`);
  await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(2);
});
