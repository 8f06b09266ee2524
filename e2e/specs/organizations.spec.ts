import { expect, test } from '../fixtures.ts';

test.describe('organizations', () => {
  test('an org admin sees only the organizations they manage, with pending counts', async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs('multiAdmin');
    await page.goto('/orgs');
    const list = page.getByRole('list', { name: 'Organizations' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('link', { name: 'Initech' })).toBeVisible();
    await expect(list.getByRole('link', { name: 'Umbrella Health' })).toBeVisible();
    await expect(list.getByRole('link', { name: 'Acme Corp' })).toHaveCount(0);
    await expect(list.getByRole('listitem').first().getByText('Pending', { exact: true })).toBeVisible();
    await expectAccessible();
  });

  test('staff see every organization and pick one', async ({ page, signInAs, orgByName }) => {
    await signInAs('staff');
    const globex = await orgByName('Globex');
    await page.goto('/orgs');
    const list = page.getByRole('list', { name: 'Organizations' });
    for (const name of ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health']) {
      await expect(list.getByRole('link', { name })).toBeVisible();
    }
    const card = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Globex' }) });
    await expect(card.getByRole('definition').first()).toHaveText(
      (globex.pending_invitations_count ?? 0).toLocaleString('en-US'),
    );
    await list.getByRole('link', { name: 'Globex' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${globex.id}/invitations$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Globex invitations' })).toBeVisible();
  });
});
