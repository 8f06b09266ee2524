import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emulator, expect, type Persona, rowEmails, test } from '../fixtures.ts';

// Writes docs/screenshots/<screen>-{light,dark}.png. Run with `pnpm --filter @invites/e2e screenshots`.
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(OUT, { recursive: true });

test.use({ viewport: { width: 1360, height: 860 } });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} screens`, () => {
    test.use({ colorScheme: scheme });

    const shot = async (page: import('@playwright/test').Page, name: string, fullPage = false) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}${name}-${scheme}.png`, fullPage });
    };

    test('sign in', async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('button', { name: /^Sign in as Ada Lovelace/ })).toBeVisible();
      await expect(page.getByLabel('Email address')).toBeVisible();
      await shot(page, 'sign-in');
    });

    const as = async (signInAs: (p: Persona) => Promise<void>, persona: Persona) => signInAs(persona);

    test('organizations', async ({ page, signInAs }) => {
      await as(signInAs, 'staff');
      await page.goto('/orgs');
      await expect(page.getByRole('link', { name: 'Acme Corp' })).toBeVisible();
      await shot(page, 'organizations');
    });

    test('organization invitations', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'acmeAdmin');
      const org = await orgByName('Acme Corp');
      // Sorted by email so rows left by earlier test runs (newest first by default) stay out of view.
      await page.goto(`/orgs/${org.id}/invitations?sort=email_address`);
      await expect(page.getByRole('table', { name: 'Invitations' }).getByRole('row')).toHaveCount(26);
      await shot(page, 'org-invitations');
    });

    test('organization acceptance by inviter', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations?sort=email_address`);
      await page.getByText('Acceptance by inviter').click();
      await expect(page.getByRole('table', { name: 'Acceptance by inviter' })).toBeVisible();
      await shot(page, 'org-acceptance');
    });

    test('all invitations', async ({ page, signInAs }) => {
      await as(signInAs, 'staff');
      await page.goto('/invitations?status=pending&status=expired');
      await expect(page.getByRole('table', { name: 'All invitations' }).getByRole('row')).toHaveCount(26);
      await shot(page, 'all-invitations');
    });

    test('invite dialog', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'staff');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations?sort=email_address`);
      await page.getByRole('button', { name: 'Invite member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite member' });
      await dialog.getByLabel('Email address').fill('not-an-email');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog.getByText(/missing an @/)).toBeVisible();
      await shot(page, 'invite');
    });

    test('invitation detail', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'staff');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address`);
      const table = page.getByRole('table', { name: 'Invitations' });
      await table.getByRole('row').nth(1).getByRole('link').first().click();
      await expect(page.getByRole('dialog')).toContainText('Invitation ID');
      await shot(page, 'detail');
    });

    test('revoke selected', async ({ page, signInAs, seedInvitations }) => {
      await as(signInAs, 'acmeAdmin');
      const { org, invitations } = await seedInvitations('Acme Corp', 3, 'shot');
      await page.goto(`/orgs/${org.id}/invitations?sort=-created_at`);
      for (const inv of invitations)
        await page.getByRole('checkbox', { name: `Select ${inv.email_address}` }).check();
      await page.getByRole('button', { name: /Revoke selected/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, 'revoke');
    });

    test('not allowed', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'staff');
      const globex = await orgByName('Globex');
      await as(signInAs, 'acmeAdmin');
      await page.goto(`/orgs/${globex.id}/invitations`);
      await expect(page.getByText(/not allowed/).first()).toBeVisible();
      await shot(page, 'not-allowed');
    });

    test('bulk invite', async ({ page, signInAs, seedInvitations, uniqueEmail }) => {
      await as(signInAs, 'acmeAdmin');
      const { org, invitations } = await seedInvitations('Acme Corp', 1, 'shot-pending');
      const fresh = Array.from({ length: 6 }, () => uniqueEmail('shot-bulk'));
      await page.goto(`/orgs/${org.id}/invitations/bulk`);
      await page
        .getByLabel('Email addresses')
        .fill(
          [
            `Ada Lovelace <${fresh[0]}>`,
            `"Hopper, Grace" <${fresh[1]}>, ${fresh[2]}`,
            fresh[3],
            'not-an-email',
            fresh[2],
            invitations[0]?.email_address,
            'ben@acme.example',
            `${fresh[4]}; ${fresh[5]}`,
          ].join('\n'),
        );
      await page.getByRole('combobox', { name: `Role for ${fresh[3]}` }).selectOption({ label: 'Admin' });
      await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
      await shot(page, 'bulk-invite', true);
    });

    test('bulk invite progress', async ({ page, baseURL, signInAs, orgByName, uniqueEmail }) => {
      await as(signInAs, 'acmeAdmin');
      const org = await orgByName('Acme Corp');
      const rows = [
        ...Array.from({ length: 14 }, () => ({ email_address: uniqueEmail('shot-job'), role: 'org:member' })),
        { email_address: 'ben@acme.example', role: 'org:member' },
        { email_address: 'diego@acme.example', role: 'org:admin' },
      ];
      const created = await page.request.post('/api/bulk-invitations', {
        data: { organization_id: org.id, rows, options: { notify: true } },
        headers: { origin: baseURL as string },
      });
      const job = (await created.json()) as { id: string };
      await page.goto(`/orgs/${org.id}/invitations/bulk/${job.id}`);
      await expect(page.getByRole('progressbar', { name: 'Bulk invite progress' })).toHaveAttribute(
        'aria-valuenow',
        '16',
        { timeout: 15_000 },
      );
      await shot(page, 'bulk-progress');
      const done = (await (await page.request.get(`/api/bulk-invitations/${job.id}`)).json()) as {
        rows: { invitation_id: string | null }[];
      };
      for (const row of done.rows.filter((r) => r.invitation_id))
        await page.request.post(`/api/v1/organizations/${org.id}/invitations/${row.invitation_id}/revoke`, {
          data: {},
          headers: { origin: baseURL as string },
        });
    });

    test('activity', async ({ page, baseURL, signInAs, orgByName, uniqueEmail }) => {
      // An invitee accepts: Clerk's report of it shows beside the console's own entry (accepted, the
      // invitation needs no clean-up).
      await as(signInAs, 'acmeAdmin');
      const org = await orgByName('Acme Corp');
      const created = await page.request.post(`/api/v1/organizations/${org.id}/invitations`, {
        data: { email_address: uniqueEmail('shot-activity'), role: 'org:member' },
        headers: { origin: baseURL as string },
      });
      await emulator(
        'POST',
        `/__emulator/invitations/${((await created.json()) as { id: string }).id}/accept`,
      );
      await as(signInAs, 'staff');
      await page.goto('/activity');
      await expect(page.getByRole('table', { name: 'Activity' }).getByRole('row').nth(1)).toBeVisible();
      await shot(page, 'activity');
    });

    test('mobile organization invitations', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`/orgs/${org.id}/invitations?sort=email_address`);
      await expect(page.getByRole('table', { name: 'Invitations' }).getByRole('row')).toHaveCount(26);
      // The cards, not the page header above them.
      await page.getByRole('group', { name: 'Status' }).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 140));
      await shot(page, 'mobile');
    });

    test('mobile all invitations', async ({ page, signInAs }) => {
      await as(signInAs, 'staff');
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto('/invitations?status=pending&status=expired');
      await expect(page.getByRole('table', { name: 'All invitations' }).getByRole('row')).toHaveCount(26);
      await page.evaluate(() => window.scrollBy(0, 220));
      await shot(page, 'mobile-all-invitations');
    });

    test('mobile activity', async ({ page, baseURL, signInAs, seedInvitations }) => {
      await as(signInAs, 'acmeAdmin');
      // Something in the log: two revokes through the console.
      const { org, invitations } = await seedInvitations('Acme Corp', 2, 'shot-log');
      for (const invitation of invitations)
        await page.request.post(`/api/v1/organizations/${org.id}/invitations/${invitation.id}/revoke`, {
          data: {},
          headers: { origin: baseURL as string },
        });
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto('/activity');
      await expect(
        page.getByRole('table', { name: 'Activity' }).getByRole('rowheader').first(),
      ).toBeVisible();
      await page.getByRole('table', { name: 'Activity' }).scrollIntoViewIfNeeded();
      await shot(page, 'mobile-activity');
    });

    test('selection across pages', async ({ page, signInAs, seedInvitations }) => {
      await as(signInAs, 'acmeAdmin');
      const { org, invitations } = await seedInvitations('Acme Corp', 12, 'aaa-shot-select');
      const seeded = new Set(invitations.map((i) => i.email_address));
      await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address&pageSize=10`);
      const table = page.getByRole('table', { name: 'Invitations' });
      await expect(table).toHaveAttribute('aria-busy', 'false');
      const onFirst = (await rowEmails(table)).filter((e) => seeded.has(e));
      await table.getByRole('checkbox', { name: `Select ${onFirst[0]}` }).check();
      await table.getByRole('checkbox', { name: `Select ${onFirst[3]}` }).check();
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(table).toHaveAttribute('aria-busy', 'false');
      const onSecond = (await rowEmails(table)).filter((e) => seeded.has(e));
      await table.getByRole('checkbox', { name: `Select ${onSecond[0]}` }).check();
      await expect(page.getByRole('group', { name: 'Selection' })).toContainText('2 of them on other pages');
      await shot(page, 'selection');
    });

    test('keyboard shortcuts and the focused row', async ({ page, signInAs, orgByName }) => {
      await as(signInAs, 'acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations?status=pending&sort=email_address`);
      await expect(page.getByRole('table', { name: 'Invitations' }).getByRole('row')).toHaveCount(26);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('ArrowRight');
      await shot(page, 'keyboard-row');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await shot(page, 'keyboard-shortcuts');
    });
  });
}
