import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, rowEmails, test } from '../fixtures.ts';

// "Export CSV" exports every invitation matching the list's filters (not just the page on screen),
// read from Clerk page by page by the api, with progress while it runs.

/** The rows of a downloaded CSV (RFC 4180: quoted cells, doubled quotes), BOM stripped. */
async function csvOf(download: Download): Promise<string[][]> {
  const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

/** The list's count from the pagination range ("1–25 of 1,217"). */
async function listTotal(page: Page): Promise<number> {
  const range = page.getByText(/^\d[\d,]*–\d[\d,]* of [\d,]+$/);
  await expect(range).toBeVisible();
  const text = (await range.textContent()) ?? '';
  return Number(text.split(' of ')[1]?.replaceAll(',', ''));
}

test.describe('Export CSV', () => {
  // Each waits on paced, deliberately slowed Clerk pages.
  test.slow();
  // The org header's "N expire this week" reads the same Clerk list (pages of 500) once the table is
  // drawn, and would use up the faults meant for the export: it is left out here, as in faults.spec.
  test.beforeEach(async ({ page }) => {
    await page.route('**/api/organizations/*/invitations/expiring*', (route) => route.abort());
  });
  test('an org admin exports every accepted and expired invitation, with progress, not just the page', async ({
    page,
    signInAs,
    orgByName,
    upstreamFaults,
    expectAccessible,
  }) => {
    await signInAs('acmeAdmin');
    const acme = await orgByName('Acme Corp');
    // Statuses other specs running alongside do not change (they invite and revoke): the count holds.
    await page.goto(`/orgs/${acme.id}/invitations?status=accepted&status=expired`);
    const total = await listTotal(page);
    expect(total).toBeGreaterThan(500); // more than one of Clerk's pages
    // Slow Clerk down (every page takes a second) and make it refuse one page with a 429, so the
    // progress can be seen and the wait is part of the run.
    await upstreamFaults.inject({
      method: 'GET',
      path: `/v1/organizations/${acme.id}/invitations`,
      action: 'delay',
      delay_ms: 1000,
      count: 6,
    });
    const downloading = page.waitForEvent('download');
    // Watched from the start: the toast hides itself after a few seconds, on a busy machine before a
    // check made after the download would look.
    const toasted = page
      .getByRole('region', { name: 'Notifications' })
      .getByText(`Exported ${total.toLocaleString('en-US')} invitations`)
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const progress = page.getByRole('progressbar', { name: 'Export progress' });
    await expect(progress).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Exporting/ })).toHaveText(
      `Exporting 500 of ${total.toLocaleString('en-US')}`,
    );
    await expect(progress).toHaveAttribute('value', '500');
    await expect(progress).toHaveAttribute('max', String(total));
    await expect(page.getByRole('button', { name: 'Cancel export' })).toBeFocused();
    await expectAccessible();
    const download = await downloading;
    await toasted;
    expect(download.suggestedFilename()).toMatch(/^acme-invitations-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...rows] = await csvOf(download);
    expect(header?.slice(0, 6)).toEqual(['Email', 'Role', 'Status', 'Inviter', 'Created', 'Expires']);
    expect(header).toContain('Invitation ID');
    expect(header).toContain('Public metadata');
    expect(header).not.toContain('Private metadata');
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r[header?.indexOf('Invitation ID') ?? -1])).size).toBe(total);
    expect(rows.every((r) => r[2] === 'accepted' || r[2] === 'expired')).toBe(true);
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  });

  test('a rate-limited page is waited out and the file is still complete', async ({
    page,
    signInAs,
    orgByName,
    upstreamFaults,
  }) => {
    await signInAs('acmeAdmin');
    const acme = await orgByName('Acme Corp');
    await page.goto(`/orgs/${acme.id}/invitations?status=expired`);
    const total = await listTotal(page);
    await upstreamFaults.inject({
      method: 'GET',
      path: `/v1/organizations/${acme.id}/invitations`,
      action: 'status',
      status: 429,
      retry_after: 1,
      count: 1,
    });
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const [, ...rows] = await csvOf(await downloading);
    expect(rows).toHaveLength(total);
  });

  test('with Expires within set, the file holds the expiring-soon list it shows, soonest first', async ({
    page,
    signInAs,
    orgByName,
  }) => {
    // This list is the expiring-soon one itself, and no fault is injected: let it through.
    await page.unroute('**/api/organizations/*/invitations/expiring*');
    await signInAs('acmeAdmin');
    const acme = await orgByName('Acme Corp');
    await page.goto(`/orgs/${acme.id}/invitations?expires_within=30&pageSize=100`);
    const total = await listTotal(page);
    expect(total).toBeGreaterThan(0);
    const shown = await rowEmails(page.getByRole('table', { name: 'Invitations' }));
    expect(shown.length).toBe(Math.min(total, 100));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const [header, ...rows] = await csvOf(await downloading);
    expect(rows).toHaveLength(total);
    const status = header?.indexOf('Status') ?? -1;
    expect(rows.every((r) => r[status] === 'pending')).toBe(true);
    expect(rows.slice(0, shown.length).map((r) => r[0])).toEqual(shown);
  });

  test('staff export the search across organizations, with the organization and private metadata', async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await signInAs('staff');
    const acme = await seedInvitations('Acme Corp', 2, 'export-staff');
    const globex = await seedInvitations('Globex', 1, 'export-staff');
    const term = acme.invitations[0]?.email_address.split('-').slice(0, 3).join('-') ?? '';
    await page.goto(`/invitations?q=${encodeURIComponent(term)}`);
    expect(await listTotal(page)).toBe(3);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^all-invitations-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...rows] = await csvOf(download);
    expect(header?.slice(0, 3)).toEqual(['Email', 'Organization', 'Role']);
    expect(header?.at(-1)).toBe('Private metadata');
    expect(rows.map((r) => r[0]).sort()).toEqual(
      [...acme.invitations, ...globex.invitations].map((i) => i.email_address).sort(),
    );
    expect(rows.map((r) => r[1]).sort()).toEqual(['Acme Corp', 'Acme Corp', 'Globex']);
  });

  test('Cancel stops the export and saves nothing', async ({ page, signInAs, orgByName, upstreamFaults }) => {
    await signInAs('acmeAdmin');
    const acme = await orgByName('Acme Corp');
    await page.goto(`/orgs/${acme.id}/invitations`);
    await listTotal(page);
    await upstreamFaults.inject({
      method: 'GET',
      path: `/v1/organizations/${acme.id}/invitations`,
      action: 'delay',
      delay_ms: 1500,
      count: 10,
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeFocused();
    await page.waitForTimeout(2000);
    expect(downloads).toBe(0);
    await expect(page.getByRole('region', { name: 'Notifications' })).not.toContainText('Export');
  });

  test('when Clerk fails midway it says how far it got, and saves nothing', async ({
    page,
    signInAs,
    orgByName,
    upstreamFaults,
  }) => {
    await signInAs('acmeAdmin');
    const acme = await orgByName('Acme Corp');
    await page.goto(`/orgs/${acme.id}/invitations?status=pending`);
    expect(await listTotal(page)).toBeGreaterThan(500);
    const path = `/v1/organizations/${acme.id}/invitations`;
    // The first page is slow; while it is on its way, every later page fails (503, retries included).
    await upstreamFaults.inject({ method: 'GET', path, action: 'delay', delay_ms: 800, count: 1 });
    await upstreamFaults.inject({ method: 'GET', path, action: 'status', status: 503, count: 30 });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const toast = page.getByRole('region', { name: 'Notifications' });
    // Specs running alongside invite and revoke in Acme: the count is the export's own, read when it began.
    await expect(toast).toContainText(/Export stopped after 500 of [\d,]+ rows/);
    await expect(toast).toContainText('Nothing was saved.');
    expect(downloads).toBe(0);
  });
});
