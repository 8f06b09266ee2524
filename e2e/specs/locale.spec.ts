import { dataRows, expect, test } from '../fixtures.ts';

// Issue 15: dates in the viewer's time zone and language. A viewer in Los Angeles with a German browser.
const ZONE = 'America/Los_Angeles';
test.use({ timezoneId: ZONE, locale: 'de-DE' });

const inZone = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: ZONE, ...options });
/** The local day in Los Angeles of an instant, as a date input holds it. */
const laDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(ms);
/** Midnight in Los Angeles starting `day`, as Unix ms. */
function laMidnight(day: string): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const parts = inZone({ hour: 'numeric', hourCycle: 'h23', day: 'numeric' }).formatToParts(utc);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return utc + (24 - hour) * 3600_000; // LA is 7 or 8 hours behind UTC
}

test.describe('in Los Angeles, in German', () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs('acmeAdmin');
  });

  test('the table and the detail show local dates in German, with the exact time and UTC', async ({
    page,
    seedInvitations,
    expectAccessible,
  }) => {
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'locale');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no seed');
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(invitation.email_address)}`);
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).first();
    const [created, expires] = [row.locator('time').first(), row.locator('time').nth(1)];
    await expect(created).toHaveText(/^(jetzt|vor \d+ (Sekunden|Minuten?))$/);
    await expect(expires).toHaveText(/^(in \d+ (Tagen|Wochen)|nächsten Monat)$/);
    const createdAt = Date.parse((await created.getAttribute('datetime')) ?? '');
    const title = (await created.getAttribute('title')) ?? '';
    expect(title).toContain(inZone({ dateStyle: 'medium', timeStyle: 'long' }).format(createdAt));
    expect(title).toMatch(/GMT-[78]\n.* UTC$/);
    await expectAccessible();

    await row.getByRole('link', { name: invitation.email_address }).click();
    const dialog = page.getByRole('dialog', { name: invitation.email_address });
    const when = dialog.getByRole('definition').filter({ hasText: 'UTC' }).first();
    await expect(when).toContainText(inZone({ dateStyle: 'medium', timeStyle: 'long' }).format(createdAt));
    await expect(when).toContainText(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }).format(
        createdAt,
      ),
    );
    await expectAccessible();
  });

  test('Activity shows local dates and its date filter means days in Los Angeles', async ({
    page,
    orgByName,
    seedInvitations,
    expectAccessible,
  }) => {
    const { invitations } = await seedInvitations('Acme Corp', 1, 'locale-activity');
    const email = invitations[0]?.email_address ?? '';
    const org = await orgByName('Acme Corp');
    await page.goto(`/activity?organization_id=${org.id}&action=invitation.create`);
    const table = page.getByRole('table', { name: 'Activity' });
    const entry = dataRows(table).filter({ hasText: email });
    const time = entry.locator('time');
    const at = Date.parse((await time.getAttribute('datetime')) ?? '');
    // "04.12.2026, 07:57": the date and time in Los Angeles, the German way.
    await expect(entry).toContainText(inZone({ dateStyle: 'medium', timeStyle: 'short' }).format(at));
    // The filter says whose days it means.
    await expect(page.getByRole('group', { name: 'Date in America/Los_Angeles' })).toBeVisible();
    await expectAccessible();

    // The filter asks the api for Los Angeles' day, whatever day it is in UTC.
    const day = laDay(at);
    const request = page.waitForRequest(
      (r) => r.url().includes('/api/activity') && r.url().includes('since='),
    );
    await page.getByLabel('From', { exact: true }).fill(day);
    const since = Number(new URL((await request).url()).searchParams.get('since'));
    expect(since).toBe(laMidnight(day));
    await expect(entry).toHaveCount(1);
    const next = laDay(laMidnight(day) + 36 * 3600_000);
    await page.getByLabel('From', { exact: true }).fill(next);
    await expect(page.getByRole('heading', { name: 'No activity matches these filters' })).toBeVisible();
    await page.getByLabel('From', { exact: true }).fill(day);
    const until = page.waitForRequest((r) => r.url().includes('until='));
    await page.getByLabel('To', { exact: true }).fill(day);
    expect(Number(new URL((await until).url()).searchParams.get('until'))).toBe(laMidnight(next) - 1);
    await expect(entry).toHaveCount(1);
  });
});
