import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures.ts';

// Writes docs/screenshots/bulk-invite-{columns,outlook,export}-{light,dark}.png: the bulk-invite form
// with the column picker of an ambiguous table, with an Outlook To: line, and with a Google Workspace
// export uploaded (its columns found by their headers). Run with
// `pnpm --filter @invites/e2e screenshots` (the screenshots project runs every *screenshots.spec.ts).
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const CORPUS = fileURLToPath(
  new URL('../../apps/web/src/features/bulk-invite/utils/corpus/', import.meta.url),
);
mkdirSync(OUT, { recursive: true });

test.use({ viewport: { width: 1360, height: 860 } });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} bulk invite screens`, () => {
    test.use({ colorScheme: scheme });

    test('column picker', async ({ page, signInAs, orgByName }) => {
      await signInAs('acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations/bulk`);
      await page.getByLabel('Email addresses').fill(readFileSync(`${CORPUS}ambiguous-table.tsv`, 'utf8'));
      await expect(page.getByRole('group', { name: /^Table on lines 1–4/ })).toBeVisible();
      await expect(page.getByText('Choose the email column of the table on line 1 first.')).toBeVisible();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}bulk-invite-columns-${scheme}.png`, fullPage: true });
    });

    test('Workspace export', async ({ page, signInAs, orgByName }) => {
      await signInAs('acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations/bulk`);
      await page.getByLabel('Upload CSV').setInputFiles({
        name: 'google-workspace-users.csv',
        mimeType: 'text/csv',
        buffer: readFileSync(`${CORPUS}google-workspace-users.csv`),
      });
      await expect(page.getByText(/addresses from “Email Address \[Required\]”/)).toBeVisible();
      await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}bulk-invite-export-${scheme}.png`, fullPage: true });
    });

    test('Outlook paste', async ({ page, signInAs, orgByName }) => {
      await signInAs('acmeAdmin');
      const org = await orgByName('Acme Corp');
      await page.goto(`/orgs/${org.id}/invitations/bulk`);
      await page.getByLabel('Email addresses').fill(readFileSync(`${CORPUS}outlook-to-line.txt`, 'utf8'));
      await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}bulk-invite-outlook-${scheme}.png`, fullPage: true });
    });
  });
}
