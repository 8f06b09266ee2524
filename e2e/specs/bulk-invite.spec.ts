import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataRows, expect, PERSONAS, test } from '../fixtures.ts';

const RESULTS = fileURLToPath(new URL('../../bench-results/preview-paint.json', import.meta.url));

/**
 * Browser code (a string: this package has no DOM types) that puts `value` into the paste box and
 * resolves with the milliseconds until the preview of 1,000 rows (its first page of 50) is in the DOM
 * and painted.
 */
function measurePaint(value: string): string {
  return `(async () => {
    const area = document.querySelector('textarea');
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const started = performance.now();
    setter.call(area, ${JSON.stringify(value)});
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const ready = () =>
      document.querySelector('.preview-sentence')?.textContent?.startsWith('1,000 rows') &&
      document.querySelectorAll('table[aria-busy="false"] tbody tr').length >= 50;
    while (!ready()) await new Promise((r) => requestAnimationFrame(r));
    // The frame after the DOM holds the preview is the one that paints it.
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  })()`;
}

test.describe('bulk invite', () => {
  let orgId = '';
  test.beforeEach(async ({ signInAs, orgByName }) => {
    await signInAs('acmeAdmin');
    orgId = (await orgByName('Acme Corp')).id;
  });

  test('35 pasted addresses: preview classifies them, the job finishes, the new invitations are listed', async ({
    page,
    seedInvitations,
    uniqueEmail,
    revokeLater,
    expectAccessible,
  }) => {
    test.setTimeout(60_000);
    const { invitations: pending } = await seedInvitations('Acme Corp', 2, 'bulk-pending');
    const fresh = Array.from({ length: 28 }, () => uniqueEmail('bulk'));
    for (const email of fresh) revokeLater(orgId, email);
    const lines = [
      // 28 new addresses in the formats people paste.
      ...fresh.slice(0, 10),
      fresh.slice(10, 16).join(', '),
      fresh
        .slice(16, 22)
        .map((e, i) => `Person ${i} <${e}>`)
        .join('; '),
      ...fresh.slice(22, 26).map((e, i) => `"Last${i}, First" <${e}>`),
      `${fresh[26]}\t${fresh[27]}`,
      // 2 invalid, 2 duplicates, 2 already pending, 1 member.
      'not-an-email',
      'ada.example.com',
      fresh[0]?.toUpperCase(),
      `Again <${fresh[1]}>`,
      ...pending.map((inv) => inv.email_address),
      PERSONAS.member.email,
    ];

    await page.goto(`/orgs/${orgId}/invitations`);
    await page.getByRole('link', { name: 'Bulk invite', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/invitations/bulk$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Bulk invite' })).toBeVisible();
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('org:member');
    await page.getByLabel('Email addresses').fill(lines.join('\n'));

    await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
    const show = page.getByRole('group', { name: 'Show' });
    for (const name of ['Ready (28)', 'Invalid (2)', 'Duplicate (2)', 'Pending invitation (2)', 'Member (1)'])
      await expect(show.getByRole('checkbox', { name })).toBeVisible();
    const preview = page.getByRole('table', { name: 'Preview' });
    await expect(dataRows(preview)).toHaveCount(35);
    await expect(dataRows(preview).filter({ hasText: 'not-an-email' })).toContainText('missing an @');
    await expect(dataRows(preview).filter({ hasText: PERSONAS.member.email })).toContainText(
      'Already a member',
    );
    await expect(dataRows(preview).filter({ hasText: pending[0]?.email_address ?? '' })).toContainText(
      'Already has a pending invitation',
    );
    await expect(dataRows(preview).filter({ hasText: 'Again' })).toContainText('Duplicate of line 2');
    await expectAccessible();

    await page.getByRole('button', { name: 'Send 28 invitations' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/invitations/bulk/bulkjob_[A-Za-z0-9]+`));
    const bar = page.getByRole('progressbar', { name: 'Bulk invite progress' });
    await expect(bar).toHaveAttribute('aria-valuemax', '28');
    await expect(bar).toHaveAttribute('aria-valuenow', '28', { timeout: 20_000 });
    await expect(page.getByText('Done', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('28 of 28 processed · 100%')).toBeVisible();
    await expect(
      page.getByRole('group', { name: 'Outcome' }).getByRole('checkbox', { name: 'Invited (28)' }),
    ).toBeVisible();
    await expect(dataRows(page.getByRole('table', { name: 'Rows' }))).toHaveCount(28);
    await expect(page.getByRole('button', { name: 'Retry failed' })).toBeDisabled();
    const download = page.getByRole('link', { name: 'Download results' });
    await expect(download).toHaveAttribute('href', /\/api\/bulk-invitations\/bulkjob_\w+\/results\.csv$/);
    const csv = await page.request.get((await download.getAttribute('href')) ?? '');
    expect((await csv.text()).split('\r\n')[0]).toBe('email_address,role,outcome,invitation_id,code,message');
    await expectAccessible();

    // The job view survives a reload, and the draft was cleared once the job started.
    const jobUrl = page.url();
    await page.reload();
    await expect(page).toHaveURL(jobUrl);
    await expect(bar).toHaveAttribute('aria-valuenow', '28');
    await page.getByRole('link', { name: 'New bulk invite' }).click();
    await expect(page.getByLabel('Email addresses')).toHaveValue('');
    await expect(
      page.getByRole('table', { name: 'Recent bulk invites' }).getByRole('link').first(),
    ).toBeVisible();

    await page.goto(`/orgs/${orgId}/invitations?pageSize=100`);
    const table = page.getByRole('table', { name: 'Invitations' });
    for (const email of fresh) await expect(table.getByRole('rowheader', { name: email })).toBeVisible();
  });

  test('keeps the paste, roles and options through a failed send and a reload', async ({
    page,
    uniqueEmail,
  }) => {
    await page.route('**/api/bulk-invitations', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fulfill({
        status: 504,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              code: 'upstream_timeout',
              message: 'Upstream timeout',
              long_message: 'Clerk did not answer in time. Try again in a moment.',
            },
          ],
          clerk_trace_id: '0123456789abcdef0123456789abcdef',
        }),
      });
    });
    const emails = [uniqueEmail('keep'), uniqueEmail('keep')];
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await page.getByLabel('Email addresses').fill(emails.join('\n'));
    await page.getByRole('combobox', { name: `Role for ${emails[1]}` }).selectOption({ label: 'Admin' });
    await page.getByLabel('Redirect URL').fill('https://app.example.com/welcome');
    await page.getByLabel('Send invitation emails').uncheck();
    await page.getByRole('button', { name: 'Send 2 invitations' }).click();
    await expect(page.getByRole('alert')).toHaveText('Clerk did not answer in time. Try again in a moment.');
    await expect(page.getByLabel('Email addresses')).toHaveValue(emails.join('\n'));

    await page.reload();
    await expect(page.getByText('Restored the list you were working on.')).toBeVisible();
    await expect(page.getByLabel('Email addresses')).toHaveValue(emails.join('\n'));
    await expect(page.getByLabel('Redirect URL')).toHaveValue('https://app.example.com/welcome');
    await expect(page.getByLabel('Send invitation emails')).not.toBeChecked();
    await expect(page.getByRole('combobox', { name: `Role for ${emails[1]}` })).toHaveValue('org:admin');
  });

  test('a CSV upload adds its rows with their roles', async ({ page, uniqueEmail }) => {
    const [a, b] = [uniqueEmail('csv'), uniqueEmail('csv')];
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await page.getByLabel('Upload CSV').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFFEmail,Name,Role\r\n${a},"Lovelace, Ada",admin\r\n${b},,\r\n`),
    });
    await expect(page.getByText('Added 2 rows from people.csv.')).toBeVisible();
    await expect(page.getByLabel('Email addresses')).toHaveValue(`"Lovelace, Ada" <${a}>\n${b}\n`);
    await expect(page.getByRole('combobox', { name: `Role for ${a}` })).toHaveValue('org:admin');
    await expect(page.getByRole('combobox', { name: `Role for ${b}` })).toHaveValue('org:member');
    await page.getByLabel('Upload CSV').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,mail\nAda,ada@x.example\n'),
    });
    await expect(page.getByText(/wrong\.csv: This CSV has no "email" column/)).toBeVisible();
  });

  test('previews a 1,000-address paste within 300 ms, first paint included', async ({ page }) => {
    await page.goto(`/orgs/${orgId}/invitations/bulk`);
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('org:member');
    const text = Array.from({ length: 1_000 }, (_, i) =>
      i % 3 === 0 ? `Person ${i} <p${i}@paint.example>` : `p${i}@paint.example`,
    ).join('\n');
    // The best of five: the machine may be busy with other work; the first run also warms the JIT.
    const runs: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      runs.push((await page.evaluate(measurePaint(`${text}${'\n'.repeat(run)}`))) as number);
      await expect(page.getByText('Checked against pending invitations and members.')).toBeVisible();
      await page.getByLabel('Email addresses').fill('');
      await expect(page.getByText('Nothing to preview yet')).toBeVisible();
    }
    const best = Math.min(...runs);
    mkdirSync(fileURLToPath(new URL('../../bench-results/', import.meta.url)), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify({ generated_at: new Date().toISOString(), addresses: 1000, runs_ms: runs.map(Math.round), best_ms: Math.round(best), goal_ms: 300 }, null, 2)}\n`,
    );
    console.log(`preview of 1,000 addresses painted in ${runs.map(Math.round).join(', ')} ms`);
    expect(best).toBeLessThanOrEqual(300);
  });
});
