import type { Page } from '@playwright/test';

/**
 * Signs the page in as a demo user the way a person does: the demo button on `/sign-in`, which runs
 * Clerk's real sign-in through clerk-js (a sign-in ticket, then `setActive`). Resolves once the app
 * has left the sign-in page; clerk-js then keeps the `__session` cookie fresh for `page.request`.
 */
export async function signInWithDemoButton(page: Page, person: { name: string; email: string }) {
  if (await isSignedIn(page)) {
    // Someone else is signed in on this page: end that Clerk session first (auth.spec.ts covers the
    // header's Sign out button itself).
    await page.evaluate(async () => {
      await (window as { Clerk?: { signOut(): Promise<void> } }).Clerk?.signOut();
    });
  }
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in as ${person.name} (${person.email})` }).click();
  await page.waitForFunction(() => window.location.pathname !== '/sign-in');
}

/** True when clerk-js has marked this browser's client as signed in (`__client_uat` is set and not 0). */
async function isSignedIn(page: Page): Promise<boolean> {
  const cookies = await page.context().cookies();
  return cookies.some((c) => c.name === '__client_uat' && c.value !== '0');
}
