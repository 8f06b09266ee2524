import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { dataRows, expect, test } from '../fixtures.ts';

// The bulk-invite corpus (apps/web/src/features/bulk-invite/utils/corpus/) fed to the preview in
// Chromium as an admin would: exports through Upload CSV, pastes into the box, the email column picked
// where the header does not say. Each ends with exactly the Ready rows the unit tests expect.

interface Expected {
  format: string;
  input: 'upload' | 'paste';
  columns?: { email: string; role: string | null };
  rows: { line: number; status: string; shown: string; role?: string }[];
}

const CORPUS = fileURLToPath(
  new URL('../../apps/web/src/features/bulk-invite/utils/corpus/', import.meta.url),
);
const files = readdirSync(CORPUS).filter((f) => !/\.(json|md)$/.test(f) && !f.startsWith('.'));
const expectedOf = (file: string) =>
  JSON.parse(readFileSync(`${CORPUS}${file.replace(/\.\w+$/, '.expected.json')}`, 'utf8')) as Expected;

/** Selects the option of a column picker's select whose column is `name` (options read "Name (example)"). */
async function pickColumn(select: Locator, name: string) {
  const labels = await select.getByRole('option').allInnerTexts();
  const index = labels.findIndex((l) => l === name || l.startsWith(`${name} (`));
  expect(index, `a column named ${name}`).toBeGreaterThanOrEqual(0);
  await select.selectOption({ label: labels[index] as string });
}

/** The Ready rows of the preview: line, address, role. */
async function readyRows(page: Page) {
  await page
    .getByRole('group', { name: 'Show' })
    .getByRole('checkbox', { name: /^Ready \(/ })
    .check();
  const rows = dataRows(page.getByRole('table', { name: 'Preview' }));
  const out: { line: number; shown: string; role: string }[] = [];
  for (const row of await rows.all()) {
    const line = Number(await row.getByRole('cell').first().textContent());
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered line break parts address from name
    const shown = (await row.getByRole('rowheader').innerText()).split('\n')[0]?.trim() ?? '';
    const role = await row.getByRole('combobox', { name: /^Role for / }).inputValue();
    out.push({ line, shown, role });
  }
  return out;
}

test.describe('bulk invite reads the corpus as the unit tests do', () => {
  let orgId = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgId = (await orgByName('Acme Corp')).id;
  });

  for (const file of files) {
    const expected = expectedOf(file);
    const ready = expected.rows.filter((r) => r.status === 'ready');
    test(`${file} (${expected.input}${expected.columns ? ', the admin picks the column' : ''}): ${ready.length} Ready rows`, async ({
      page,
    }) => {
      await page.goto(`/orgs/${orgId}/invitations/bulk`);
      await expect(page.getByLabel('Role', { exact: true })).toHaveValue('org:member');
      const bytes = readFileSync(`${CORPUS}${file}`);
      if (expected.input === 'upload') {
        await page
          .getByLabel('Upload CSV')
          .setInputFiles({ name: file, mimeType: 'text/csv', buffer: bytes });
        await expect(
          page.getByText(new RegExp(`^Added ${file.replace('.', '\\.')} as lines 1–`)),
        ).toBeVisible();
      } else {
        await page.getByLabel('Email addresses').fill(bytes.toString('utf8'));
      }
      if (expected.columns) {
        const picker = page.getByRole('group', { name: /^Table on line/ });
        await expect(picker).toContainText(/choose the one to invite/i);
        await expect(page.getByRole('button', { name: /^Send / })).toBeDisabled();
        await pickColumn(picker.getByLabel('Email column'), expected.columns.email);
      }
      await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
      await expect(
        page.getByRole('group', { name: 'Show' }).getByRole('checkbox', { name: `Ready (${ready.length})` }),
      ).toBeVisible();
      expect(await readyRows(page)).toEqual(ready.map(({ line, shown, role }) => ({ line, shown, role })));
    });
  }

  test('the admin’s column choice is kept in the draft through a reload', async ({
    page,
    expectAccessible,
  }) => {
    const text = readFileSync(`${CORPUS}ambiguous-table.tsv`, 'utf8');
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await page.getByLabel('Email addresses').fill(text);
    await expect(page.getByText('Choose the email column', { exact: true })).toBeVisible();
    await expectAccessible();
    await pickColumn(
      page.getByRole('group', { name: /^Table on line/ }).getByLabel('Email column'),
      'Work email',
    );
    await expect(page.getByText(/addresses from “Work email”/)).toBeVisible();
    await page.reload();
    await expect(page.getByText('Restored the list you were working on.')).toBeVisible();
    await expect(page.getByText(/Table on lines 1–4.*addresses from “Work email”/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send 3 invitations' })).toBeEnabled();
  });
});
