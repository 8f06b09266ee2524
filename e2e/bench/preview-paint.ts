/// <reference lib="dom" />
// Bulk-invite preview in Chromium: from a 1,000-address paste landing in the "Email addresses" box to
// the frame after the preview (its summary and first page of rows) is in the DOM. Used by
// table-render.ts on the page it has signed in; the pure parse + classify cost is apps/web/bench/preview.ts.
import type { Page } from '@playwright/test';

export const PREVIEW_ADDRESSES = 1_000;

const PASTE = Array.from({ length: PREVIEW_ADDRESSES }, (_, i) =>
  i % 3 === 0 ? `Person ${i} <p${i}@paint.example>` : `p${i}@paint.example`,
).join('\n');

/**
 * Pastes into the box (as an input event, like a paste) and resolves with ms until painted. The
 * browser code is a string: tsx compiles functions with `__name` helpers the page does not have.
 */
async function pasteAndWait(page: Page, text: string): Promise<number> {
  const sentence = `${PREVIEW_ADDRESSES.toLocaleString('en-US')} rows`;
  return (await page.evaluate(`(async () => {
    const area = document.querySelector('textarea');
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const started = performance.now();
    setter.call(area, ${JSON.stringify(text)});
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const ready = () =>
      document.querySelector('.preview-sentence')?.textContent?.startsWith(${JSON.stringify(sentence)}) &&
      document.querySelectorAll('table[aria-busy="false"] tbody tr').length >= 50;
    while (!ready()) await new Promise((r) => requestAnimationFrame(r));
    // The frame after the DOM holds the preview is the one that paints it.
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  })()`)) as number;
}

/** Opens the organization's bulk-invite page and measures `runs` pastes (cleared in between). */
export async function measurePreviewPaint(page: Page, orgId: string, runs: number): Promise<number[]> {
  await page.goto(`/orgs/${orgId}/invitations/bulk`);
  await page.getByLabel('Email addresses').waitFor();
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    // A different paste each time (trailing newlines), so no memo short-cuts the work.
    const ms = await pasteAndWait(page, `${PASTE}${'\n'.repeat(run)}`);
    if (run > 0) times.push(ms); // run 0 warms the JIT and the page's lazy chunks
    await page.getByText('Checked against pending invitations and members.').waitFor();
    await page.getByLabel('Email addresses').fill('');
    await page.getByText('Nothing to preview yet').waitFor();
  }
  return times;
}
