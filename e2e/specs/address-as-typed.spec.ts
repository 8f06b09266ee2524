import { expect, test } from '../fixtures.ts';

// Issue 15: "Ben@acme.example is already a member" — the message changed the address that was typed.
test('an invite error names the address exactly as it was entered', async ({
  page,
  signInAs,
  orgByName,
  expectAccessible,
}) => {
  await signInAs('acmeAdmin');
  const org = await orgByName('Acme Corp');
  await page.goto(`/orgs/${org.id}/invitations`);
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite member' });
  // Maya Chen is a member of Acme; Clerk compares addresses lower-cased.
  await dialog.getByLabel('Email address').fill('maya@ACME.example');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByText('maya@ACME.example is already a member of the organization.')).toBeVisible();
  await expect(dialog.getByText(/^Maya@/)).toHaveCount(0);
  await expect(dialog.getByLabel('Email address')).toHaveValue('maya@ACME.example');
  await expectAccessible();
});
