import { dataRows, expect, PERSONAS, test } from '../fixtures.ts';

test.describe('invite member', () => {
  let orgId = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgId = (await orgByName('Acme Corp')).id;
  });

  test('sends an invitation: toast, table refresh and a link to copy', async ({
    page,
    uniqueEmail,
    revokeLater,
    expectAccessible,
  }) => {
    const email = uniqueEmail('invite');
    revokeLater(orgId, email);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/orgs/${orgId}/invitations`);
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect(dataRows(table)).toHaveCount(25);
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await expect(dialog.getByLabel('Role')).toHaveValue('org:member');
    await expect(dialog.getByLabel('Expires in (days)')).toHaveValue('30');
    await expect(dialog.getByLabel('Send invitation email')).toBeChecked();
    await expect(dialog.getByLabel('Private metadata')).toHaveCount(0);
    await expectAccessible();
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByLabel('Role').selectOption({ label: 'Admin' });
    await dialog.getByLabel('Expires in (days)').fill('7');
    await dialog.getByLabel('Public metadata').fill('{"team":"e2e"}');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(
      page.getByRole('region', { name: 'Notifications' }).getByText('Invitation sent'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Copy invitation link' }).click();
    await expect(dialog.getByText('Copied to clipboard')).toBeAttached();
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toMatch(/^https?:\/\//);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('rowheader', { name: email })).toBeVisible();
    await expect(dataRows(table).filter({ hasText: email })).toContainText('Admin');
  });

  test('an invalid email is caught before sending', async ({ page }) => {
    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/invitations')) posted = true;
    });
    await dialog.getByLabel('Email address').fill('ada.example.com');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog.getByText('Email address is missing an @.')).toBeVisible();
    await expect(dialog.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Email address')).toBeFocused();
    expect(posted).toBe(false);
  });

  test('"already invited" lands on Email address with Clerk\'s message; typed values stay', async ({
    page,
    seedInvitations,
  }) => {
    const { invitations } = await seedInvitations('Acme Corp', 1, 'dup');
    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.getByLabel('Email address').fill(invitations[0]?.email_address ?? '');
    await dialog.getByLabel('Redirect URL').fill('https://app.example.com/welcome');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const email = dialog.getByLabel('Email address');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/cannot have duplicate pending invitations/);
    await expect(email).toHaveValue(invitations[0]?.email_address ?? '');
    await expect(dialog.getByLabel('Redirect URL')).toHaveValue('https://app.example.com/welcome');
  });

  test('"already a member" lands on Email address', async ({ page }) => {
    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.getByLabel('Email address').fill(PERSONAS.member.email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog.getByLabel('Email address')).toHaveAccessibleDescription(/already a member/);
  });

  test('upstream trouble keeps every field and says so', async ({ page, uniqueEmail }) => {
    await page.route(
      (url) => url.pathname === `/api/v1/organizations/${orgId}/invitations`,
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        await route.fulfill({
          status: 502,
          contentType: 'application/json',
          body: JSON.stringify({
            errors: [
              {
                code: 'upstream_unavailable',
                message: 'Upstream unavailable',
                long_message: 'Clerk could not be reached. Try again in a moment.',
              },
            ],
            clerk_trace_id: '0123456789abcdef0123456789abcdef',
          }),
        });
      },
    );
    const email = uniqueEmail('keep');
    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByLabel('Expires in (days)').fill('12');
    await dialog.getByLabel('Public metadata').fill('{"a":1}');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Clerk could not be reached. Try again in a moment.');
    await expect(dialog.getByLabel('Email address')).toHaveValue(email);
    await expect(dialog.getByLabel('Expires in (days)')).toHaveValue('12');
    await expect(dialog.getByLabel('Public metadata')).toHaveValue('{"a":1}');
  });

  test('closing with unsaved input asks first; a reload restores the draft; Escape on a blank form returns focus', async ({
    page,
  }) => {
    await page.goto(`/orgs/${orgId}/invitations`);
    const open = page.getByRole('button', { name: 'Invite member', exact: true });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.getByLabel('Email address').fill('draft@e2e-tests.example');
    await page.keyboard.press('Escape');
    await expect(dialog.getByText('Discard this invitation? What you typed will be lost.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(dialog.getByLabel('Email address')).toHaveValue('draft@e2e-tests.example');
    await page.reload();
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    await expect(dialog.getByText('Restored what you typed last time.')).toBeVisible();
    await expect(dialog.getByLabel('Email address')).toHaveValue('draft@e2e-tests.example');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();
    await open.click();
    await expect(dialog.getByLabel('Email address')).toHaveValue('');
    await expect(dialog.getByLabel('Email address')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('staff can set private metadata', async ({ page, signInAs, uniqueEmail, revokeLater }) => {
    await signInAs('staff');
    const email = uniqueEmail('private');
    revokeLater(orgId, email);
    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('button', { name: 'Invite member', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByLabel('Private metadata').fill('{"crm_id":"A-1"}');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog.getByText(`Invitation sent to ${email}`)).toBeVisible();
  });
});
