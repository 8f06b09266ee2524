import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15, "Activity is vague": counts, links, a filter by name or email, outcomes in words.
test.describe('activity entries say what they are about', () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs('acmeAdmin');
  });

  test("a bulk job's entry shows its true count and links to the job", async ({
    page,
    baseURL,
    orgByName,
    uniqueEmail,
    expectAccessible,
  }) => {
    test.slow(); // a job of 154 rows, and taking back what it sent before it was cancelled
    const org = await orgByName('Acme Corp');
    const rows = Array.from({ length: 154 }, () => ({
      email_address: uniqueEmail('activity-job'),
      role: 'org:member',
    }));
    const headers = { origin: baseURL as string };
    const created = await page.request.post('/api/bulk-invitations', {
      data: { organization_id: org.id, rows, options: { notify: false } },
      headers,
    });
    expect(created.status()).toBe(201);
    const job = (await created.json()) as { id: string };
    // Only the log entry matters here: stop the job and take back what it sent.
    await page.request.post(`/api/bulk-invitations/${job.id}/cancel`, { data: {}, headers });
    try {
      await page.goto(`/activity?organization_id=${org.id}&action=bulk_job.create`);
      const entry = dataRows(page.getByRole('table', { name: 'Activity' })).filter({
        hasText: rows[0]?.email_address ?? '',
      });
      await expect(entry).toContainText('+153 more');
      await expect(entry).not.toContainText('+99 more');
      await expectAccessible();
      await entry.getByRole('link', { name: 'Bulk invite job · 154 rows' }).click();
      await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}/invitations/bulk/${job.id}$`));
    } finally {
      const done = (await (await page.request.get(`/api/bulk-invitations/${job.id}`)).json()) as {
        rows: { invitation_id: string | null }[];
      };
      for (const row of done.rows.filter((r) => r.invitation_id))
        await page.request.post(`/api/v1/organizations/${org.id}/invitations/${row.invitation_id}/revoke`, {
          data: {},
          headers,
        });
    }
  });

  test('an entry links to its invitation', async ({ page, seedInvitations }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'activity-link');
    const email = invitations[0]?.email_address ?? '';
    await page.goto(`/activity?organization_id=${org.id}&action=invitation.create`);
    // By keyboard: the page takes other workers' new entries live, and a row arriving on top can move
    // the link out from under a pointer between finding it and clicking it.
    const link = page.getByRole('table', { name: 'Activity' }).getByRole('link', { name: email });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}/invitations/${invitations[0]?.id}$`));
    await expect(page.getByRole('dialog', { name: email })).toContainText('Pending');
  });

  test('the Actor filter takes a name or an email address', async ({ page, seedInvitations }) => {
    await seedInvitations('Acme Corp', 1, 'activity-actor');
    await page.goto('/activity');
    const table = page.getByRole('table', { name: 'Activity' });
    const actor = page.getByRole('searchbox', { name: 'Actor' });
    await expect(actor).toHaveAttribute('placeholder', 'Name or email, then Enter');
    for (const [typed, inUrl] of [
      ['ada@acme.example', /actor=ada%40acme\.example/],
      ['lovelace', /actor=lovelace/],
    ] as const) {
      await actor.fill(typed);
      await actor.press('Enter');
      await expect(page).toHaveURL(inUrl);
      await expect(dataRows(table).first()).toBeVisible();
      const names = await table.getByRole('button', { name: /.+/ }).allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names)).toEqual(new Set(['Ada Lovelace']));
    }
    await actor.fill('nobody@acme.example');
    await actor.press('Enter');
    await expect(page.getByRole('heading', { name: 'No activity matches these filters' })).toBeVisible();
  });

  test('outcomes read as sentences, not Clerk codes', async ({ page, baseURL, seedInvitations }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'activity-outcome');
    const email = invitations[0]?.email_address ?? '';
    const again = await page.request.post(`/api/v1/organizations/${org.id}/invitations`, {
      data: { email_address: email, role: 'org:member' },
      headers: { origin: baseURL as string },
    });
    expect(again.status()).toBe(400);
    await page.goto(`/activity?organization_id=${org.id}&action=invitation.create`);
    const entries = dataRows(page.getByRole('table', { name: 'Activity' })).filter({ hasText: email });
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText('Already has a pending invitation.');
    await expect(entries.first()).not.toContainText('organization_invitation_not_unique');
    await expect(entries.nth(1)).toContainText('OK');
  });
});
