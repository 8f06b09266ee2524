import { expect, PERSONAS, test } from '../fixtures.ts';

// A member who administers no organization and is not staff: after sign-in, one plain page that says
// why there is nothing here, with Sign out; never a "not allowed" error on the organizations list.

test.describe('members who manage nothing', () => {
  test('the demo sign-in groups people by what they can do; a member is under Members', async ({ page }) => {
    await page.goto('/sign-in');
    const groups = page.getByRole('region', { name: /^(Support staff|Organization admins|Members)$/ });
    await expect(groups).toHaveCount(3);
    const member = page.getByRole('button', { name: `Sign in as ${PERSONAS.member.name}` });
    await expect(page.getByRole('region', { name: 'Members' }).getByRole('button')).toContainText([
      PERSONAS.member.name,
    ]);
    await expect(page.getByRole('region', { name: 'Support staff' }).getByRole('button')).toContainText([
      PERSONAS.staff.name,
    ]);
    await expect(
      page.getByRole('region', { name: 'Organization admins' }).getByRole('button', {
        name: new RegExp(PERSONAS.acmeAdmin.name),
      }),
    ).toBeVisible();
    await expect(member).toBeVisible();
  });

  test('after sign-in a member gets a plain page with Sign out, not an error', async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs('member');
    await expect(page).toHaveURL(/\/orgs$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText("You don't manage any organization");
    await expect(main).toContainText(PERSONAS.member.email);
    await expect(main).toContainText('ask one of its admins to give you the Admin role');
    await expect(page.getByText(/not allowed/i)).toHaveCount(0);
    // Nothing to navigate to: no sections in the header.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectAccessible();

    await main.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/orgs');
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Forgs/);
  });

  test('a deep link into an organization shows the same page to a member', async ({ page, signInAs }) => {
    await signInAs('acmeAdmin');
    const orgs = (await (await page.request.get('/api/v1/organizations')).json()) as {
      data: { id: string; name: string }[];
    };
    const acme = orgs.data.find((o) => o.name === 'Acme Corp');
    await signInAs('member');
    await page.goto(`/orgs/${acme?.id}/invitations?status=pending`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("You don't manage any organization");
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByText(/not allowed/i)).toHaveCount(0);
  });
});
