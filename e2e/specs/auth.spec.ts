import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emulatorEmails, expect, PERSONAS, test } from '../fixtures.ts';

const DEMO_PASSWORD_NOTE = /Every demo user's password is (\S+)\./;

/** The clerk-js version pinned in the lockfile (what the api serves under /__clerk/npm). */
function pinnedClerkJsVersion(): string {
  const manifest = fileURLToPath(
    new URL('../../apps/api/node_modules/@clerk/clerk-js/package.json', import.meta.url),
  );
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

test.describe('sign in with Clerk', () => {
  test('typing into Clerk’s form: email, Continue, password, Continue', async ({
    page,
    expectAccessible,
  }) => {
    await page.goto('/orgs');
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Forgs/);
    const note = (await page.getByText(DEMO_PASSWORD_NOTE).textContent()) ?? '';
    const password = DEMO_PASSWORD_NOTE.exec(note)?.[1] ?? '';
    await page.getByLabel('Email address').fill(PERSONAS.acmeAdmin.email);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.getByRole('banner').getByText(PERSONAS.acmeAdmin.name)).toBeVisible();
    await expectAccessible();
  });

  test('a wrong password is refused by Clerk and keeps the typed address', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(PERSONAS.acmeAdmin.email);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    // Clerk shows it under the field and announces it (aria-live): the first is the visible one.
    await expect(page.getByText(/password is incorrect/i).first()).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(
      page.getByRole('region', { name: 'Sign in' }).getByText(PERSONAS.acmeAdmin.email),
    ).toBeVisible();
  });

  test('with an email code read from the emulator’s outbox', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(PERSONAS.staff.email);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('link', { name: 'Use another method' }).click();
    await page.getByRole('button', { name: new RegExp(`Email code to ${PERSONAS.staff.email}`) }).click();
    await expect.poll(async () => (await emulatorEmails(PERSONAS.staff.email)).length).toBeGreaterThan(0);
    const [latest] = await emulatorEmails(PERSONAS.staff.email);
    await page.keyboard.type(latest?.code ?? '');
    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.getByRole('banner').getByText('Staff', { exact: true })).toBeVisible();
  });

  test('a demo button signs in through clerk-js; every request stays on our origin', async ({
    page,
    baseURL,
  }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== baseURL) {
        foreign.push(url);
      }
    });
    await page.goto('/sign-in');
    await page
      .getByRole('button', {
        name: `Sign in as ${PERSONAS.globexAdmin.name} (${PERSONAS.globexAdmin.email})`,
      })
      .click();
    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.getByRole('banner').getByText('Admin · Globex')).toBeVisible();
    expect(await page.evaluate(() => (window as { Clerk?: { version?: string } }).Clerk?.version)).toBe(
      pinnedClerkJsVersion(),
    );
    expect(foreign).toEqual([]);
  });

  test('a signed-out deep link returns to the same view after signing in', async ({ page }) => {
    await page.goto('/invitations?status=pending&pageSize=10');
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await page
      .getByRole('button', { name: `Sign in as ${PERSONAS.staff.name} (${PERSONAS.staff.email})` })
      .click();
    await expect(page).toHaveURL(/\/invitations\?status=pending&pageSize=10$/);
    await expect(page.getByRole('checkbox', { name: 'Pending' })).toBeChecked();
    await expect(page.getByLabel('Rows per page')).toHaveValue('10');
  });

  test('the header shows Clerk’s user and their role; sign-out ends the session and the api answers 401', async ({
    page,
    signInAs,
  }) => {
    await signInAs('acmeAdmin');
    await page.goto('/orgs');
    const banner = page.getByRole('banner');
    await expect(banner.getByText('Ada Lovelace')).toBeVisible();
    await expect(banner.getByText('Admin · Acme Corp')).toBeVisible();
    await banner.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('Email address')).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(401);
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401);
    await page.goto('/orgs');
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Forgs/);
  });

  test('staff are labelled as staff and see the instance-wide list in the navigation', async ({
    page,
    signInAs,
  }) => {
    await signInAs('staff');
    await page.goto('/');
    await expect(page).toHaveURL(/\/orgs$/);
    const banner = page.getByRole('banner');
    await expect(banner.getByText('Sam Rivera')).toBeVisible();
    await expect(banner.getByText('Staff', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All invitations' }),
    ).toBeVisible();
  });
});

test.describe('a session outlives its tokens', () => {
  // The e2e server issues 30 s tokens (playwright.config.ts); clerk-js must refresh them unaided.
  test('after 45 s idle, the next table load and an invite succeed without a reload', async ({
    page,
    signInAs,
    orgByName,
    uniqueEmail,
    revokeLater,
  }) => {
    test.setTimeout(120_000);
    await signInAs('acmeAdmin');
    const acme = await orgByName('Acme Corp');
    await page.goto(`/orgs/${acme.id}/invitations`);
    await expect(page.getByRole('table')).toBeVisible();
    // Survives in-app navigation, not a page load.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.waitForTimeout(45_000);

    await page.getByRole('checkbox', { name: 'Revoked' }).check();
    await expect(page).toHaveURL(/status=revoked/);
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();

    const email = uniqueEmail('idle');
    revokeLater(acme.id, email);
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});
