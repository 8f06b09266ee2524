import type { Locator, Page } from '@playwright/test';
import { dataRows, expect, test } from '../fixtures.ts';

// A 375 px phone: every row is a card, and what a person needs of it is on screen without scrolling
// sideways (issue 15, "Phones").
test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

/** Fails unless the element is inside the viewport's width and its table does not scroll sideways. */
async function expectOnScreen(page: Page, target: Locator) {
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  expect(box, 'has a box').not.toBeNull();
  const width = page.viewportSize()?.width ?? 0;
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
}

async function expectNoSidewaysScroll(page: Page, table: Locator) {
  const overflow = await table.evaluate((el) => {
    const box = el.closest('.table-scroll') as HTMLElement;
    return { scroll: box.scrollWidth, client: box.clientWidth, page: document.documentElement.scrollWidth };
  });
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  expect(overflow.page).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
}

test.describe('tables on a 375 px phone', () => {
  test("an organization's invitations: email, status, role, expires and Revoke on each card", async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'phone');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(email)}`);
    const table = page.getByRole('table', { name: 'Invitations' });
    const row = dataRows(table).filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expectOnScreen(page, row.getByRole('rowheader'));
    await expectOnScreen(page, row.getByRole('cell', { name: /^Pending$/ }));
    // Field cells may be named with their column's label in front (a card shows it beside the value).
    await expectOnScreen(page, row.getByRole('cell', { name: /^(Role )?Member$/ }));
    await expectOnScreen(page, row.getByRole('cell', { name: /^(Expires )?in \d+ (days?|weeks?|months?)$/ }));
    await expectOnScreen(page, row.getByRole('button', { name: 'Revoke' }));
    await expectOnScreen(page, row.getByRole('checkbox', { name: `Select ${email}` }));
    await expectNoSidewaysScroll(page, table);
    // Sorting stays at hand above the cards.
    await expectOnScreen(page, table.getByRole('button', { name: /Created/ }));
    await expectAccessible();

    // Revoke from the card.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke invitation?' })
      .getByRole('button', { name: 'Revoke invitation' })
      .click();
    await expect(row.getByRole('cell', { name: /^Revoked$/ })).toBeVisible();
  });

  test('a full page of cards: every status and action in view as the list scrolls', async ({
    page,
    signInAs,
    orgByName,
  }) => {
    await signInAs('acmeAdmin');
    const org = await orgByName('Acme Corp');
    await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    await expectNoSidewaysScroll(page, table);
    for (const index of [0, 12, 24]) {
      const row = dataRows(table).nth(index);
      await row.scrollIntoViewIfNeeded();
      await expectOnScreen(page, row.getByRole('cell', { name: /^Pending$/ }));
      await expectOnScreen(page, row.getByRole('button', { name: 'Revoke' }));
    }
  });

  test('a windowed page of 500: each drawn card keeps its fields apart, before and after scrolling', async ({
    page,
    signInAs,
    orgByName,
  }) => {
    await signInAs('acmeAdmin');
    const org = await orgByName('Acme Corp');
    await page.goto(`/orgs/${org.id}/invitations?status=pending&pageSize=500`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(table).toHaveAttribute('aria-rowcount', /^\d{3}$/);
    /** The first drawn card: its title above its Role field, nothing drawn on top of another. */
    const expectCardLaidOut = async () => {
      const row = table.locator('tbody > tr[aria-rowindex]').first();
      const title = await row.getByRole('rowheader').boundingBox();
      const role = await row
        .getByRole('cell', { name: /^(Role )?(Member|Admin|Billing manager)$/ })
        .boundingBox();
      const revoke = await row.getByRole('button', { name: 'Revoke' }).boundingBox();
      expect(title && role && revoke, 'the card has its title, Role and Revoke').toBeTruthy();
      if (!title || !role || !revoke) return;
      expect(role.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
      expect(revoke.y).toBeGreaterThanOrEqual(role.y + role.height - 1);
    };
    await expectCardLaidOut();
    await table.evaluate((el) => {
      (el.closest('.table-scroll') as HTMLElement).scrollTop = 20_000;
    });
    await expect(table.locator('tbody > tr[aria-rowindex="2"]')).toHaveCount(0);
    await expectCardLaidOut();
    await expectNoSidewaysScroll(page, table);
  });

  test('all invitations (staff): organization, status and Revoke on each card', async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs('staff');
    await page.goto('/invitations?status=pending&status=expired');
    const table = page.getByRole('table', { name: 'All invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    const row = dataRows(table)
      .filter({ has: page.getByRole('button', { name: 'Revoke' }) })
      .first();
    await expectOnScreen(page, row.getByRole('rowheader'));
    await expectOnScreen(page, row.getByRole('cell', { name: /^Pending$/ }));
    await expectOnScreen(page, row.getByRole('link').nth(1));
    await expectOnScreen(page, row.getByRole('button', { name: 'Revoke' }));
    await expectNoSidewaysScroll(page, table);
    await expectAccessible();
  });

  test('activity: when, who, what and the outcome on each card', async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    await signInAs('acmeAdmin');
    // A revoke through the console is an entry of the log.
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'phone-log');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(email)}`);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke invitation?' })
      .getByRole('button', { name: 'Revoke invitation' })
      .click();
    await expect(
      page.getByRole('region', { name: 'Notifications' }).getByText('Invitation revoked'),
    ).toBeVisible();

    await page.goto(`/activity?organization_id=${org.id}`);
    const table = page.getByRole('table', { name: 'Activity' });
    const row = dataRows(table).filter({ hasText: email }).first();
    await expect(row).toBeVisible();
    await expectOnScreen(page, row.getByRole('rowheader'));
    for (const cell of await row.getByRole('cell').all()) await expectOnScreen(page, cell);
    await expectNoSidewaysScroll(page, table);
    await expectAccessible();
  });
});
