import type { Locator, Page } from '@playwright/test';
import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15, "Keyboard": after signing in, nothing below uses the mouse.

/** Where focus is: inside an open dialog, the table's body, or elsewhere. */
/** The rows' keyboard handling loads after the table's first paint: one control is then tabbable. */
async function keyboardReady(table: Locator) {
  await expect(table.locator('tbody [tabindex="0"]')).toHaveCount(1);
}

function focusPlace(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el?.closest('dialog[open]')) return 'dialog';
    if (el?.closest('table.data-table > tbody')) return 'rows';
    return el?.closest('.pagination') ? 'pagination' : (el?.tagName.toLowerCase() ?? 'none');
  });
}

test.describe('keyboard', () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs('acmeAdmin');
  });

  test('a keyboard-only walk invites, revokes and opens a detail', async ({
    page,
    orgByName,
    uniqueEmail,
    revokeLater,
    expectAccessible,
  }) => {
    const org = await orgByName('Acme Corp');
    await page.goto(`/orgs/${org.id}/invitations`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);

    // i: invite. The form opens on its email field; Enter sends it.
    await page.keyboard.press('i');
    const invite = page.getByRole('dialog', { name: 'Invite member' });
    await expect(invite.getByLabel('Email address')).toBeFocused();
    const email = uniqueEmail('kbd');
    revokeLater(org.id, email);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    // Sent: focus is on the success view's first action, and Tab goes round inside the dialog.
    await expect(invite.getByRole('button', { name: 'Copy invitation link' })).toBeFocused();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await focusPlace(page)).toBe('dialog');
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusPlace(page)).toBe('dialog');
    }
    await page.keyboard.press('Escape');
    await expect(invite).toBeHidden();

    // "/" and the address: the table shows that invitation. j: into the table; End: Revoke.
    await page.keyboard.press('/');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    const row = dataRows(table).filter({ hasText: email });
    await expect(dataRows(table)).toHaveCount(1);
    await expect(row).toContainText('Pending');
    await keyboardReady(table);
    await page.keyboard.press('Tab');
    await page.keyboard.press('j');
    await expect(row.getByRole('checkbox', { name: `Select ${email}` })).toBeFocused();
    await page.keyboard.press('End');
    await expect(row.getByRole('button', { name: 'Revoke' })).toBeFocused();
    await expectAccessible();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Revoke invitation?' });
    await expect(confirm).toBeVisible();
    const revoke = confirm.getByRole('button', { name: 'Revoke invitation' });
    for (let i = 0; i < 4 && !(await revoke.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(revoke).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('region', { name: 'Notifications' }).getByText('Invitation revoked'),
    ).toBeVisible();
    await expect(row).toContainText('Revoked');
    // The Revoke button went with the revocation: focus stays on the row, on its link.
    const link = row.getByRole('link', { name: email });
    await expect(link).toBeFocused();

    // Enter on the row's link opens its detail; Escape closes it and focus comes back.
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: email });
    await expect(detail).toContainText('Invitation ID');
    await expect(detail).toContainText('Revoked');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
    await expect(link).toBeFocused();
  });

  test('the rows are one Tab stop; arrow keys and j/k move between rows, ←/→ along one', async ({
    page,
    orgByName,
    expectAccessible,
  }) => {
    const org = await orgByName('Acme Corp');
    await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    await keyboardReady(table);
    const rows = dataRows(table);

    // "/" goes to the email filter; Tab from there reaches the rows after the filters and the header.
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Email' })).toBeFocused();
    let tabs = 0;
    while ((await focusPlace(page)) !== 'rows' && tabs < 20) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    await expect(rows.first().getByRole('checkbox')).toBeFocused();
    // One more Tab leaves the 25 rows for the pagination.
    await page.keyboard.press('Tab');
    expect(await focusPlace(page)).toBe('pagination');
    await page.keyboard.press('Shift+Tab');
    await expect(rows.first().getByRole('checkbox')).toBeFocused();

    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1).getByRole('checkbox')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(rows.nth(1).getByRole('rowheader').getByRole('link')).toBeFocused();
    await page.keyboard.press('j');
    await expect(rows.nth(2).getByRole('rowheader').getByRole('link')).toBeFocused();
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect(rows.nth(0).getByRole('rowheader').getByRole('link')).toBeFocused();
    await page.keyboard.press('Control+End');
    await expect(rows.nth(24).getByRole('rowheader').getByRole('link')).toBeFocused();

    // x ticks the row's checkbox; the selection says so.
    await page.keyboard.press('x');
    await expect(rows.nth(24).getByRole('checkbox')).toBeChecked();
    await expect(page.getByRole('group', { name: 'Selection' })).toContainText('1 selected');
    await page.keyboard.press('x');
    await expect(rows.nth(24).getByRole('checkbox')).not.toBeChecked();
    await expectAccessible();

    // ? lists the shortcuts.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const text of [
      'Next row',
      'Previous row',
      'Select or unselect the row',
      'Invite member',
      'Show keyboard shortcuts',
    ]) {
      await expect(help).toContainText(text);
    }
    await expectAccessible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('500 rows: the keys reach rows that were not drawn yet', async ({ page, orgByName }) => {
    const org = await orgByName('Acme Corp');
    await page.goto(`/orgs/${org.id}/invitations?pageSize=500&sort=email_address`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(table).toHaveAttribute('aria-rowcount', '501');
    await keyboardReady(table);
    await page.keyboard.press('j');
    expect(await focusPlace(page)).toBe('rows');
    await page.keyboard.press('Control+End');
    const last = table.locator('tbody > tr[aria-rowindex="501"]');
    await expect(last).toBeVisible();
    expect(await last.evaluate((tr) => tr.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Control+Home');
    const first = table.locator('tbody > tr[aria-rowindex="2"]');
    await expect(first).toBeVisible();
    expect(await first.evaluate((tr) => tr.contains(document.activeElement))).toBe(true);
  });
});
