import type { Page } from '@playwright/test';

/**
 * Signs the page in as a demo user the way a person does: the demo button on `/sign-in`, which runs
 * Clerk's real sign-in through clerk-js (a sign-in ticket, then `setActive`). Resolves once the app
 * has left the sign-in page; clerk-js then keeps the `__session` cookie fresh for `page.request`.
 */
export async function signInWithDemoButton(page: Page, person: { name: string; email: string }) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in as ${person.name} (${person.email})` }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
