import { expect, test } from '../fixtures.ts';

// Issue 11: the person lookup answers "why can't this person get in?" on one page (staff only).

test.describe('person lookup', () => {
  test('shows the user, their membership, the invitations from two other organizations and the activity', async ({
    page,
    baseURL,
    signInAs,
    orgByName,
    newUser,
    uniqueEmail,
    revokeLater,
    expectAccessible,
  }) => {
    await signInAs('staff');
    const email = uniqueEmail('person');
    const acme = await orgByName('Acme Corp');
    await newUser(email, { firstName: 'Pat', lastName: 'Person', memberOf: acme.id });
    for (const name of ['Globex', 'Initech']) {
      const org = await orgByName(name);
      const res = await page.request.post(`/api/v1/organizations/${org.id}/invitations`, {
        data: { email_address: email, role: 'org:member' },
        headers: { origin: baseURL as string },
      });
      expect(res.ok()).toBe(true);
      revokeLater(org.id, email);
    }

    await page.goto('/orgs');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await page.getByLabel('Email address').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page).toHaveURL(/\/people\?email=/);

    const user = page.getByRole('region', { name: 'Clerk user' });
    await expect(user).toContainText('Pat Person');
    await expect(user).toContainText('Not banned or locked');
    const memberships = page.getByRole('region', { name: 'Organization memberships' });
    await expect(memberships.getByRole('row', { name: /Acme Corp/ })).toContainText('Member');
    const invitations = page.getByRole('region', { name: 'Invitations' });
    for (const name of ['Globex', 'Initech']) {
      const row = invitations.getByRole('row', { name: new RegExp(name) });
      await expect(row).toContainText('Pending');
      await expect(row.getByRole('button', { name: 'Resend' })).toBeVisible();
      await expect(row.getByRole('button', { name: 'Revoke' })).toBeVisible();
    }
    const activity = page.getByRole('region', { name: 'Activity' });
    await expect(activity.getByRole('row', { name: /Invited/ })).toHaveCount(2);
    await expectAccessible();

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied to clipboard' })).toBeAttached();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toContain(`Person lookup: ${email}`);
    expect(summary).toMatch(/Clerk user: Pat Person/);
    expect(summary).toMatch(/- Acme Corp \(org_\w+\): Member, since/);
    expect(summary).toMatch(/- Globex: pending/);
    expect(summary).toMatch(/- Initech: pending/);
  });

  test('says plainly when nobody knows the address', async ({ page, signInAs, uniqueEmail }) => {
    await signInAs('staff');
    const email = uniqueEmail('nobody');
    await page.goto(`/people?email=${encodeURIComponent(email)}`);
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page.getByText('No Clerk user with this address: they have not signed up.')).toBeVisible();
    await expect(
      page.getByText('No organization memberships: there is no user with this address.'),
    ).toBeVisible();
    await expect(page.getByText('No invitation was ever sent to this address.')).toBeVisible();
    await expect(page.getByText('Nothing in the activity log about this address.')).toBeVisible();
  });

  test('is for support staff only', async ({ page, signInAs }) => {
    await signInAs('acmeAdmin');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }),
    ).toHaveCount(0);
    await page.goto('/people?email=ada%40acme.example');
    await expect(page.getByText("You're not allowed to look people up")).toBeVisible();
    const res = await page.request.get('/api/v1/users?email_address=ada%40acme.example');
    expect(res.status()).toBe(403);
  });
});
