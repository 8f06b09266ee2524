/// <reference lib="dom" />
// Bulk-invite preview in Chromium: from a 1,000-address paste landing in the "Email addresses" box, and
// from a 1,000-row Google Workspace user export chosen with "Upload CSV", to the frame after the preview
// (its summary and first page of rows) is in the DOM. Used by table-render.ts on the page it has signed
// in; the pure parse + classify cost is apps/web/bench/preview.ts.
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

// A Google Workspace "Download users" export (its real header row; see the bulk-invite corpus README):
// the preview reads the primary email column and ignores the recovery, secondary and manager ones.
const WORKSPACE_HEADER =
  'First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Password Hash Function [UPLOAD ONLY],Org Unit Path [Required],New Primary Email [UPLOAD ONLY],Status [READ ONLY],Last Sign In [READ ONLY],Recovery Email,Home Secondary Email,Work Secondary Email,Recovery Phone [MUST BE IN THE E.164 FORMAT],Work Phone,Home Phone,Mobile Phone,Work Address,Home Address,Employee ID,Employee Type,Employee Title,Manager Email,Department,Cost Center,2sv Enrolled [READ ONLY],2sv Enforced [READ ONLY],Building ID,Floor Name,Floor Section,Email Usage [READ ONLY],Drive Usage [READ ONLY],Total Storage [READ ONLY],Change Password at Next Sign-In,New Status [UPLOAD ONLY]';

/** A 1,000-row Workspace export; `run` changes a cell so every upload is new text. */
export function workspaceExport(run: number): string {
  const rows = Array.from({ length: PREVIEW_ADDRESSES }, (_, i) =>
    [
      `First${i}`,
      `Last${i}`,
      `p${i}@export.example`,
      '****',
      '',
      '/',
      '',
      'Active',
      '2026/05/04 09:12:44',
      `p${i}.home@recovery.example`,
      '',
      `p${i}@labs.example`,
      '',
      '+1 415 555 0100',
      '',
      '',
      '"1 Main St, Springfield"',
      '',
      String(1000 + i),
      'Employee',
      'Engineer',
      `manager${i % 20}@export.example`,
      `Team ${i % 12}`,
      `CC-${run}`,
      'True',
      'False',
      '',
      '',
      '',
      '1.2 GB',
      '300 MB',
      '1.5 GB',
      'False',
      '',
    ].join(','),
  );
  return `${WORKSPACE_HEADER}\r\n${rows.join('\r\n')}\r\n`;
}

/** Uploads an export through "Upload CSV" and resolves with ms from the file input's change to painted. */
async function uploadAndWait(page: Page, csv: string): Promise<number> {
  const sentence = `${PREVIEW_ADDRESSES.toLocaleString('en-US')} rows`;
  await page.evaluate(`(() => {
    const input = document.querySelector('input[type=file]');
    window.__exportPainted = new Promise((resolve) => {
      input.addEventListener('change', (event) => {
        const started = event.timeStamp;
        const ready = () =>
          document.querySelector('.preview-sentence')?.textContent?.startsWith(${JSON.stringify(sentence)}) &&
          document.querySelectorAll('table[aria-busy="false"] tbody tr').length >= 50;
        const poll = () => {
          if (!ready()) return requestAnimationFrame(poll);
          // The frame after the DOM holds the preview is the one that paints it.
          requestAnimationFrame(() => resolve(performance.now() - started));
        };
        poll();
      }, { capture: true, once: true });
    });
  })()`);
  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'workspace-users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  return (await page.evaluate('window.__exportPainted')) as number;
}

/** Opens the organization's bulk-invite page and measures `runs` export uploads (cleared in between). */
export async function measureExportPreviewPaint(page: Page, orgId: string, runs: number): Promise<number[]> {
  await page.goto(`/orgs/${orgId}/invitations/bulk`);
  await page.getByLabel('Email addresses').waitFor();
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const ms = await uploadAndWait(page, workspaceExport(run));
    if (run > 0) times.push(ms); // run 0 warms the JIT and the page's lazy chunks
    await page.getByText('Checked against pending invitations and members.').waitFor();
    await page.getByLabel('Email addresses').fill('');
    await page.getByText('Nothing to preview yet').waitFor();
  }
  return times;
}
