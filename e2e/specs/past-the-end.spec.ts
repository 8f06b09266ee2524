import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15: `?status=expired&page=999` showed "Nothing on this page" with "276–276 of 276".
test.describe('a page past the end', () => {
  test('an invitation list moves to its last page, with the right count, and Back does not return to it', async ({
    page,
    signInAs,
    orgByName,
    expectAccessible,
  }) => {
    await signInAs('acmeAdmin');
    const org = await orgByName('Acme Corp');
    const list = `/orgs/${org.id}/invitations?status=expired`;
    await page.goto(list);
    const range = page.getByRole('navigation', { name: 'Pagination' }).getByText(/ of [\d,]+$/);
    await expect(range).toHaveText(/^1–25 of [\d,]+$/);
    const total = Number(((await range.textContent()) ?? '').replace(/^.* of /, '').replaceAll(',', ''));
    const last = Math.ceil(total / 25);
    const first = (last - 1) * 25 + 1;
    expect(last).toBeGreaterThan(1);

    await page.goto(`${list}&page=999`);
    await expect(page).toHaveURL(new RegExp(`[?&]page=${last}(&|$)`));
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(total - first + 1);
    await expect(range).toHaveText(
      `${first.toLocaleString('en-US')}–${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
    );
    await expect(page.getByText('Nothing on this page')).toHaveCount(0);
    await expectAccessible();
    // The redirect replaced the address: Back leaves for the first page, not page 999.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${list.replace('?', '\\?')}$`));
  });

  test('the activity log does the same', async ({ page, signInAs }) => {
    await signInAs('staff');
    await page.goto('/activity?pageSize=10&page=999');
    await expect(page).not.toHaveURL(/page=999/);
    await expect(dataRows(page.getByRole('table', { name: 'Activity' })).first()).toBeVisible();
    // Others may log meanwhile: whatever the count, this is its last page.
    const range = page.getByRole('navigation', { name: 'Pagination' }).getByText(/ of [\d,]+$/);
    const [, last, total] = ((await range.textContent()) ?? '').match(/^[\d,]+–([\d,]+) of ([\d,]+)$/) ?? [];
    expect(last).toBeDefined();
    expect(last).toBe(total);
  });
});
