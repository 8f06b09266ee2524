import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { dataRows, emulator, expect, test } from '../fixtures.ts';

// Writes docs/screenshots/<screen>-{light,dark}.png for issue 11's screens: the People page for a known
// and an unknown address, the resend confirmation, the Expires-within filter with the header's count,
// and a re-issue job's progress. Run with `pnpm --filter @invites/e2e screenshots` (the screenshots
// project runs every *screenshots.spec.ts).
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(OUT, { recursive: true });

test.use({ viewport: { width: 1360, height: 860 } });

/** One address for both schemes, so both shots show the same person. */
const PERSON = 'pat.lee@northwind.example';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} lifecycle screens`, () => {
    test.use({ colorScheme: scheme });

    const shot = async (page: Page, name: string, fullPage = false) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}${name}-${scheme}.png`, fullPage });
    };

    test('people, a known address', async ({ page, baseURL, signInAs, orgByName, newUser }) => {
      await signInAs('staff');
      const acme = await orgByName('Acme Corp');
      // The dark shot runs after the light one on the same server: the person is there already.
      await newUser(PERSON, { firstName: 'Pat', lastName: 'Lee', memberOf: acme.id }).catch(() => undefined);
      for (const name of ['Globex', 'Initech']) {
        const org = await orgByName(name);
        const pending = await emulator<{ total_count: number }>(
          'GET',
          `/v1/organizations/${org.id}/invitations?status=pending&email_address=${encodeURIComponent(PERSON)}`,
        );
        if (pending.total_count > 0) continue;
        const res = await page.request.post(`/api/v1/organizations/${org.id}/invitations`, {
          data: { email_address: PERSON, role: 'org:member' },
          headers: { origin: baseURL as string },
        });
        expect(res.ok()).toBe(true);
      }
      await page.goto(`/people?email=${encodeURIComponent(PERSON)}`);
      await expect(page.getByRole('region', { name: 'Clerk user' })).toContainText('Pat Lee');
      await expect(
        page.getByRole('region', { name: 'Invitations' }).getByRole('row', { name: /Initech/ }),
      ).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'Activity' }).getByRole('row', { name: /Invited/ }),
      ).toHaveCount(2);
      await shot(page, 'people', true);
    });

    test('people, an unknown address', async ({ page, signInAs }) => {
      await signInAs('staff');
      await page.goto(`/people?email=${encodeURIComponent('someone.new@example.com')}`);
      await expect(page.getByText('No Clerk user with this address: they have not signed up.')).toBeVisible();
      await expect(page.getByText('Nothing in the activity log about this address.')).toBeVisible();
      await shot(page, 'people-unknown');
    });

    test('resend confirmation', async ({ page, signInAs, seedInvitations }) => {
      await signInAs('acmeAdmin');
      const { org, invitations } = await seedInvitations('Acme Corp', 1, 'jo.park', { expiresInDays: 14 });
      const email = invitations[0]?.email_address ?? '';
      await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(email)}`);
      const table = page.getByRole('table', { name: 'Invitations' });
      await expect(dataRows(table)).toHaveCount(1);
      await dataRows(table).getByRole('button', { name: 'Resend' }).click();
      await expect(page.getByRole('dialog', { name: 'Resend invitation?' })).toContainText(email);
      await shot(page, 'resend');
    });

    test('expires within', async ({ page, signInAs, newOrganization, seedInvitations }) => {
      await signInAs('staff');
      const org = await newOrganization('Northwind Traders');
      for (const [label, days, count] of [
        ['avery', 2, 2],
        ['blake', 5, 3],
        ['casey', 12, 2],
        ['drew', 25, 3],
      ] as const) {
        await seedInvitations(org.name, count, label, { expiresInDays: days });
      }
      await page.goto(`/orgs/${org.id}/invitations`);
      await page.getByRole('link', { name: '5 expire this week' }).click();
      await expect(page.getByLabel('Expires within')).toHaveValue('7');
      await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(5);
      await shot(page, 'expiring');
    });

    test('re-issue progress', async ({ page, signInAs, newOrganization, seedInvitations }) => {
      await signInAs('staff');
      const org = await newOrganization('Northwind Traders');
      await seedInvitations(org.name, 12, 'lapsed', { expiresInDays: 7, expired: true });
      await page.goto(`/orgs/${org.id}/invitations?status=expired`);
      await page.getByRole('button', { name: 'Re-issue all expired' }).click();
      await page
        .getByRole('dialog', { name: 'Re-issue 12 expired invitations?' })
        .getByRole('button', { name: 'Re-issue 12' })
        .click();
      await expect(page.getByRole('progressbar', { name: 'Re-issue progress' })).toHaveAttribute(
        'aria-valuenow',
        '12',
        { timeout: 20_000 },
      );
      // The finished toast would cover the rows.
      const notifications = page.getByRole('region', { name: 'Notifications' });
      await expect(notifications.getByText('Re-issue finished')).toBeVisible();
      await notifications.getByRole('button', { name: 'Dismiss notification' }).click();
      await expect(notifications.getByText('Re-issue finished')).toBeHidden();
      await shot(page, 'reissue-progress');
    });
  });
}
