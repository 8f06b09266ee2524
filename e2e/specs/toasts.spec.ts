import type { Locator, Page } from '@playwright/test';
import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15: toasts never cover the pagination controls.
async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Revokes the invitation sent to `email` from its row, confirming in the dialog. */
async function revokeFromRow(page: Page, email: string) {
  const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({ hasText: email });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke invitation?' })
    .getByRole('button', { name: 'Revoke invitation' })
    .click();
}

/** Revokes the newest invitation (the seeded one) from its row, which shows a toast. */
async function revokeShowingToast(page: Page, email: string) {
  await revokeFromRow(page, email);
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('listitem');
  await expect(toast).toContainText('Invitation revoked');
  return toast;
}

for (const size of [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 375, height: 740 },
] as const) {
  test(`toasts stay clear of the pagination controls (${size.name})`, async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, `toast-${size.name}`);
    await page.goto(`/orgs/${org.id}/invitations`);
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
    const toast = await revokeShowingToast(page, invitations[0]?.email_address ?? '');

    // Bring the controls to the bottom edge of the window, where the toasts live, then to the middle.
    for (const block of ['end', 'center'] as const) {
      await pagination.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
      await expect
        .poll(async () => overlaps(await box(toast), await box(pagination)), { timeout: 3000 })
        .toBe(false);
      const t = await box(toast);
      expect(t.y).toBeGreaterThanOrEqual(0);
      expect(t.y + t.height).toBeLessThanOrEqual(size.height);
    }
    // Next page stays clickable while the toast shows.
    await pagination.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await pagination.getByRole('button', { name: 'Next page' }).click({ trial: true });
  });
}

test('a part of the frame whose code cannot load (gone after a deploy) leaves a message to reload, not a blank tab', async ({
  page,
  signInAs,
  seedInvitations,
}) => {
  await signInAs('acmeAdmin');
  const { org, invitations } = await seedInvitations('Acme Corp', 1, 'toast-gone');
  const email = invitations[0]?.email_address ?? '';
  // The toasts' code loads with the first toast; here its file is gone, as after a new deploy.
  const gone = /\/assets\/toast-items-[\w-]+\.js$/;
  await page.route(gone, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(`/orgs/${org.id}/invitations`);
  await revokeFromRow(page, email);
  await expect(page.getByRole('alert')).toHaveText(
    /^The console stopped working \(.+\)\. Reload the page to try again\.$/,
  );

  // A reload (the new deploy's files) brings the console back, with the revocation done.
  await page.unroute(gone);
  await page.reload();
  const revoked = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({ hasText: email });
  await expect(revoked).toContainText('Revoked');
});
