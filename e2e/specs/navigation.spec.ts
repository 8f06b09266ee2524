import type { Locator, Page } from '@playwright/test';
import { dataRows, expect, test } from '../fixtures.ts';

const windowScroll = (page: Page) => page.evaluate(() => window.scrollY);
const scrollTop = (box: Locator) => box.evaluate((element) => element.scrollTop);

test.describe('navigation', () => {
  let orgPath = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgPath = `/orgs/${(await orgByName('Acme Corp')).id}/invitations`;
  });

  test('back and forward return to the same view where it was scrolled; a new page starts at the top, focused on its heading', async ({
    page,
  }) => {
    const listUrl = `${orgPath}?sort=email_address&pageSize=100`;
    await page.goto(listUrl);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(100);
    // The table scrolls in its own box on a desktop screen.
    const rows = page.getByRole('region', { name: 'Invitations' });
    await rows.evaluate((element) => element.scrollTo(0, 1500));
    await expect.poll(() => scrollTop(rows)).toBe(1500);

    // The header stays in view, so following its link does not scroll first.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click();
    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeFocused();

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${listUrl.replace('?', '\\?')}$`));
    await expect(dataRows(table)).toHaveCount(100);
    await expect(table.getByRole('columnheader', { name: 'Email' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect.poll(() => scrollTop(rows)).toBe(1500);

    await page.goForward();
    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  });

  test('on a short screen the page itself scrolls: Back restores it, a new page starts at the top', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 480 });
    await page.goto(`${orgPath}?pageSize=100`);
    await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(100);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const bottom = await windowScroll(page);
    expect(bottom).toBeGreaterThan(100);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeFocused();
    expect(await windowScroll(page)).toBe(0);

    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Corp invitations' })).toBeVisible();
    await expect.poll(() => windowScroll(page)).toBe(bottom);
  });

  test('an invitation opens over the list without moving it; closing it or Back returns to the same view', async ({
    page,
  }) => {
    const listUrl = `${orgPath}?sort=email_address&pageSize=100`;
    await page.goto(listUrl);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(100);
    const rows = page.getByRole('region', { name: 'Invitations' });
    // Row 36 scrolled to the middle of the box, well clear of the sticky header: a row half under it
    // would be scrolled into view by the click itself (rows differ in height with the data before it).
    const row = dataRows(table).nth(35);
    const at = await row.evaluate((element) => {
      const box = element.closest('section');
      if (!box) throw new Error('the table has no scroll box');
      const top = element.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      return Math.round(top - box.clientHeight / 2);
    });
    expect(at).toBeGreaterThan(1000);
    await rows.evaluate((element, top) => element.scrollTo(0, top), at);
    await expect.poll(() => scrollTop(rows)).toBe(at);
    const link = row.getByRole('link');
    await expect(link).toBeInViewport();
    const email = (await link.textContent()) ?? '';

    await link.click();
    const dialog = page.getByRole('dialog', { name: email });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/\/invitations\/[^/?]+\?sort=email_address&pageSize=100$/);
    expect(await scrollTop(rows)).toBe(at);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${listUrl.replace('?', '\\?')}$`));
    expect(await scrollTop(rows)).toBe(at);

    await link.click();
    await expect(dialog).toBeVisible();
    await page.goBack();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${listUrl.replace('?', '\\?')}$`));
    expect(await scrollTop(rows)).toBe(at);
  });

  test('addresses in use keep working: / and /orgs/:orgId redirect, an unknown one says so', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/orgs$/);
    const orgId = orgPath.split('/')[2];
    await page.goto(`/orgs/${orgId}`);
    await expect(page).toHaveURL(new RegExp(`${orgPath}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Corp invitations' })).toBeVisible();
    await page.goto('/orgs/nothing/here/at/all');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to organizations' }).click();
    await expect(page).toHaveURL(/\/orgs$/);
  });

  test('the skip link jumps to the main content and leaves the page as it is', async ({ page }) => {
    await page.goto(`${orgPath}?status=pending`);
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Corp invitations' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${orgPath}\\?status=pending#main$`));
    await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).toBeChecked();
  });

  test("pointing at a link loads that page's code and starts its data before the click", async ({ page }) => {
    await page.goto('/orgs');
    await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
    const code = page.waitForRequest((r) => /\/assets\/activity-page-[^/]+\.js$/.test(r.url()));
    const data = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/activity');
    const activity = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' });
    await activity.hover();
    await Promise.all([code, data]);
    await activity.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    await expect(activity).toHaveAttribute('aria-current', 'page');
  });
});
