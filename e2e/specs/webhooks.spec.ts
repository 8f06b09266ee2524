import { dataRows, emulator, expect, test } from '../fixtures.ts';

// Clerk's webhooks as a person sees them: the invitee accepts (in the emulator, as they would in Clerk's
// accept flow); the emulator sends the signed events to the api; the console shows them.

/** The value shown under a term of a description list (`Accepted` → `26`). */
async function figure(list: import('@playwright/test').Locator, term: string): Promise<string> {
  const terms = await list.getByRole('term').allTextContents();
  const index = terms.findIndex((t) => t.trim() === term);
  if (index < 0) throw new Error(`no figure named ${term} among ${terms.join(', ')}`);
  return ((await list.getByRole('definition').nth(index).textContent()) ?? '').trim();
}
const count = (text: string) => Number(text.replaceAll(',', ''));

interface Delivery {
  status: string;
  event: { data: { id: string } };
}

test.describe('Clerk webhooks', () => {
  test("an invitee's acceptance shows on the open activity page within 2 s, and changes the organization's figures", async ({
    page,
    signInAs,
    seedInvitations,
    expectAccessible,
  }) => {
    // Four page loads and an accessibility scan: more than the default 30 s on a busy machine.
    test.slow();
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'accepts');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no invitation seeded');

    await page.goto(`/orgs/${org.id}/invitations`);
    const header = page.getByRole('region', { name: 'Acceptance, last 30 days' });
    await expect(header.getByRole('definition').first()).not.toHaveText('…');
    const before = {
      sent: count(await figure(header, 'Sent (30 days)')),
      accepted: count(await figure(header, 'Accepted')),
    };
    expect(before.sent).toBeGreaterThan(0);

    // The log is open (the invitation is in it) when the invitee accepts.
    await page.goto(`/activity?organization_id=${org.id}`);
    const rows = dataRows(page.getByRole('table', { name: 'Activity' })).filter({
      hasText: invitation.email_address,
    });
    await expect(rows.filter({ hasText: 'Invited' })).toBeVisible();
    await emulator('POST', `/__emulator/invitations/${invitation.id}/accept`);
    const acceptedAt = Date.now();
    const accepted = rows.filter({ hasText: 'Accepted' });
    await expect(accepted).toBeVisible({ timeout: 2_000 });
    expect(Date.now() - acceptedAt).toBeLessThanOrEqual(2_000);
    // Accepted by the invitee (named by their address), as Clerk reported it.
    await expect(accepted.getByRole('button', { name: invitation.email_address })).toBeVisible();
    await expect(accepted).toContainText('Clerk');
    await expectAccessible();

    await page.goto(`/orgs/${org.id}/invitations`);
    await expect(header.getByRole('definition').first()).not.toHaveText('…');
    // At least this acceptance (tests running beside this one may accept in Acme too).
    expect(count(await figure(header, 'Accepted'))).toBeGreaterThan(before.accepted);
    await page.getByText('Acceptance by inviter').click();
    const inviters = page.getByRole('table', { name: 'Acceptance by inviter' });
    await expect(inviters.getByRole('rowheader', { name: 'Ada Lovelace' })).toBeVisible();
  });

  test('a revoke done in the console appears once, though Clerk reports it too', async ({
    page,
    signInAs,
    seedInvitations,
  }) => {
    await signInAs('acmeAdmin');
    const { org, invitations } = await seedInvitations('Acme Corp', 1, 'revoked-once');
    const invitation = invitations[0];
    if (!invitation) throw new Error('no invitation seeded');
    await page.goto(`/orgs/${org.id}/invitations?email=${encodeURIComponent(invitation.email_address)}`);
    const row = dataRows(page.getByRole('table', { name: 'Invitations' })).filter({
      hasText: invitation.email_address,
    });
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke invitation?' });
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Revoked');

    // Clerk's report of the same revoke has been delivered to the api.
    await expect
      .poll(async () => {
        const { data } = await emulator<{ data: Delivery[] }>(
          'GET',
          '/__emulator/webhooks/deliveries?event_type=organizationInvitation.revoked&limit=500',
        );
        return data.find((d) => d.event.data.id === invitation.id)?.status;
      })
      .toBe('succeeded');
    await page.goto(`/activity?organization_id=${org.id}&action=invitation.revoke`);
    const rows = dataRows(page.getByRole('table', { name: 'Activity' })).filter({
      hasText: invitation.email_address,
    });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Ada Lovelace');
    await expect(rows).toContainText('Console');
  });
});
