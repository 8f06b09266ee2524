import { dataRows, expect, rowEmails, test } from '../fixtures.ts';

// Issue 15, "Selection across pages".
test.describe('selection across pages', () => {
  test('rows selected on two pages stay selected, and "Revoke selected" revokes them all', async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await signInAs('acmeAdmin');
    // Named to sort first among the pending invitations: 12 of them fill page 1 (10) and start page 2.
    const { org, invitations } = await seedInvitations('Acme Corp', 12, 'aaa-select');
    const seeded = new Set(invitations.map((i) => i.email_address));
    await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address&pageSize=10`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(10);
    const firstPage = (await rowEmails(table)).filter((e) => seeded.has(e));
    expect(firstPage.length).toBe(10);
    const picked = [firstPage[0], firstPage[5]] as string[];
    for (const email of picked) await table.getByRole('checkbox', { name: `Select ${email}` }).check();
    const bar = page.getByRole('group', { name: 'Selection' });
    await expect(bar).toContainText('2 selected.');

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(table).toHaveAttribute('aria-busy', 'false');
    const secondPage = (await rowEmails(table)).filter((e) => seeded.has(e));
    expect(secondPage.length).toBe(2);
    const third = secondPage[0] as string;
    await table.getByRole('checkbox', { name: `Select ${third}` }).check();
    await expect(bar).toContainText('3 selected, 2 of them on other pages.');

    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(table).toHaveAttribute('aria-busy', 'false');
    for (const email of picked)
      await expect(table.getByRole('checkbox', { name: `Select ${email}` })).toBeChecked();
    await expect(bar).toContainText('3 selected, 1 of them on other pages.');

    await bar.getByRole('button', { name: 'Revoke selected (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke 3 invitations?' });
    const list = dialog.getByRole('list', { name: 'Selected invitations' });
    for (const email of [...picked, third]) await expect(list).toContainText(email);
    await dialog.getByRole('button', { name: 'Revoke 3 invitations' }).click();
    const results = page.getByRole('dialog', { name: 'Revocation results' });
    await expect(results).toContainText('3 revoked, 0 failed.');
    await results.getByRole('button', { name: 'Done' }).click();
    await expect(bar).toBeHidden();
    for (const email of [...picked, third]) {
      const answer = await page.request.get(`/api/v1/organizations/${org.id}/invitations`, {
        params: { email_address: email },
      });
      const body = (await answer.json()) as { data: { status: string }[] };
      expect(body.data.map((i) => i.status)).toEqual(['revoked']);
    }
  });

  test('a new filter starts a new selection; sorting and page size keep it', async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 2, 'aab-select-keep');
    const [one, two] = invitations.map((i) => i.email_address) as [string, string];
    await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await table.getByRole('checkbox', { name: `Select ${one}` }).check();
    await table.getByRole('checkbox', { name: `Select ${two}` }).check();
    const bar = page.getByRole('group', { name: 'Selection' });
    await expect(bar).toContainText('2 selected.');
    await page.getByLabel('Rows per page').selectOption('10');
    await expect(page).toHaveURL(/pageSize=10/);
    await table.getByRole('columnheader', { name: 'Email' }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=-email_address/);
    await expect(bar).toContainText('2 selected');
    await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Expired' }).check();
    await expect(page).toHaveURL(/status=expired/);
    await expect(bar).toBeHidden();
  });
});
