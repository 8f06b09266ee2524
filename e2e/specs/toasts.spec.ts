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

/** Revokes the newest invitation (the seeded one) from its row, which shows a toast. */
async function revokeShowingToast(page: Page, email: string) {
  const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({ hasText: email });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke invitation?' })
    .getByRole('button', { name: 'Revoke invitation' })
    .click();
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
