import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15's screens (status-aware detail, stale revoke, toasts over pagination, activity, German dates):
// docs/screenshots/<screen>-{light,dark}.png. Run with `pnpm --filter @invites/e2e screenshots`.
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(OUT, { recursive: true });

test.use({ viewport: { width: 1360, height: 860 } });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} issue 15 screens`, () => {
    test.use({ colorScheme: scheme });

    const shot = async (page: import('@playwright/test').Page, name: string) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}${name}-${scheme}.png` });
    };

    test('expired invitation detail', async ({ page, signInAs, orgByName }) => {
      await signInAs('acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations?status=expired&sort=email_address`);
      await dataRows(page.getByRole('table', { name: 'Invitations' }))
        .first()
        .getByRole('link')
        .click();
      await expect(page.getByRole('dialog').getByRole('button', { name: 'Resend' })).toBeVisible();
      await shot(page, 'detail-expired');
    });

    test('stale revoke', async ({ page, baseURL, signInAs, seedInvitations }) => {
      await signInAs('acmeAdmin');
      const { org, invitations } = await seedInvitations('Acme Corp', 1, 'shot-stale');
      const invitation = invitations[0];
      if (!invitation) throw new Error('no seed');
      await page.goto(`/orgs/${org.id}/invitations`);
      const table = page.getByRole('table', { name: 'Invitations' });
      const row = dataRows(table).filter({ hasText: invitation.email_address });
      await expect(row).toContainText('Pending');
      await page.request.post(`/api/v1/organizations/${org.id}/invitations/${invitation.id}/revoke`, {
        data: {},
        headers: { origin: baseURL as string },
      });
      await row.getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke invitation' }).click();
      await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Already revoked by');
      await expect(row).toContainText('Revoked');
      // With the list scrolled to its end: the toast sits above the pagination controls.
      await page
        .getByRole('navigation', { name: 'Pagination' })
        .evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await shot(page, 'stale-revoke');
    });

    test('activity with links and outcomes', async ({ page, baseURL, signInAs, seedInvitations }) => {
      await signInAs('acmeAdmin');
      const { org, invitations } = await seedInvitations('Acme Corp', 1, 'shot-activity');
      await page.request.post(`/api/v1/organizations/${org.id}/invitations`, {
        data: { email_address: invitations[0]?.email_address, role: 'org:member' },
        headers: { origin: baseURL as string },
      });
      await page.goto(`/activity?organization_id=${org.id}`);
      await expect(dataRows(page.getByRole('table', { name: 'Activity' })).first()).toBeVisible();
      await shot(page, 'activity-outcomes');
    });

    test.describe('in Los Angeles, in German', () => {
      test.use({ timezoneId: 'America/Los_Angeles', locale: 'de-DE' });

      test('activity', async ({ page, signInAs }) => {
        await signInAs('staff');
        await page.goto('/activity');
        await expect(dataRows(page.getByRole('table', { name: 'Activity' })).first()).toBeVisible();
        await shot(page, 'activity-de-la');
      });

      test('invitations', async ({ page, signInAs, orgByName }) => {
        await signInAs('acmeAdmin');
        const org = await orgByName('Acme Corp');
        await page.goto(`/orgs/${org.id}/invitations?sort=email_address`);
        await expect(dataRows(page.getByRole('table', { name: 'Invitations' }))).toHaveCount(25);
        await shot(page, 'org-invitations-de-la');
      });
    });
  });
}
