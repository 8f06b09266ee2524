import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';

let h: Harness;
const tokens = {} as Record<Persona, string>;

beforeAll(async () => {
  h = await startHarness({ exportMaxWaitMs: 2_000 });
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const) {
    tokens[persona] = await h.tokenFor(persona);
  }
}, 30_000);
afterAll(() => h.close());
beforeEach(async () => {
  await h.emulator('DELETE', '/__emulator/faults');
});

const get = (persona: Persona, path: string) =>
  h.app.request(path, { headers: { authorization: `Bearer ${tokens[persona]}` } });
const orgExport = (org: string, query = '') => `/api/organizations/${org}/invitations/export.csv${query}`;
const staffExport = (query = '') => `/api/organization_invitations/export.csv${query}`;

/** RFC 4180 lines → cells (quotes, doubled quotes, commas inside quotes); the BOM stripped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function listTotal(persona: Persona, path: string): Promise<number> {
  const res = await get(persona, path);
  return ((await res.json()) as { total_count: number }).total_count;
}

describe('CSV export of an organization’s invitations', () => {
  it('sends every pending invitation of Acme (more than two of Clerk’s pages), each once', async () => {
    const total = await listTotal('adminA', `/api/v1/organizations/${h.orgA}/invitations?status=pending`);
    expect(total).toBeGreaterThan(1000);
    const res = await get('adminA', orgExport(h.orgA, '?status=pending'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="invitations-org_\w+-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(res.headers.get('x-total-count')).toBe(String(total));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs (text() drops it)
    const text = new TextDecoder().decode(bytes);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Email',
      'Role',
      'Status',
      'Inviter',
      'Created',
      'Expires',
      'Invitation ID',
      'Organization ID',
      'Role key',
      'Inviter email',
      'Inviter ID',
      'Updated',
      'Public metadata',
    ]);
    expect(rows).toHaveLength(total);
    const ids = rows.map((r) => r[6]);
    expect(new Set(ids).size).toBe(total);
    expect(rows.every((r) => r[2] === 'pending' && r[7] === h.orgA)).toBe(true);
    expect(rows[0]?.[4]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The list's order: newest first by default.
    const created = rows.map((r) => r[4] ?? '');
    expect(created).toEqual([...created].sort().reverse());
  });

  it('keeps the list’s filters and order: an exact address, ascending by email', async () => {
    const email = `export-${Date.now()}@example.com`;
    await get('adminA', '/api/me');
    const made = await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.adminA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email_address: email, role: 'org:member', public_metadata: { team: 'a,"b"' } }),
    });
    expect(made.status).toBe(200);
    const res = await get('adminA', orgExport(h.orgA, `?email_address=${encodeURIComponent(email)}`));
    const [, ...rows] = parseCsv(await res.text());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).toBe(email);
    expect(JSON.parse(rows[0]?.[12] ?? '')).toEqual({ team: 'a,"b"' });

    const sorted = parseCsv(
      await (await get('adminA', orgExport(h.orgA, '?status=revoked&order_by=email_address'))).text(),
    );
    const emails = sorted.slice(1).map((r) => r[0] ?? '');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails).toEqual([...emails].sort());
  });

  it('with expires_within, sends the expiring-soon list: the same rows as its pages, soonest first', async () => {
    const list = `/api/organizations/${h.orgA}/invitations/expiring?expires_within=14`;
    const total = await listTotal('adminA', `${list}&limit=1`);
    expect(total).toBeGreaterThan(0);
    const page = (await (await get('adminA', `${list}&limit=500`)).json()) as {
      data: { email_address: string }[];
    };
    const res = await get('adminA', orgExport(h.orgA, '?expires_within=14&status=revoked'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe(String(total));
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).not.toContain('Private metadata');
    expect(rows.map((r) => r[0])).toEqual(page.data.slice(0, total).map((i) => i.email_address));
    expect(rows.every((r) => r[2] === 'pending')).toBe(true);
    const expires = rows.map((r) => Date.parse(r[5] ?? ''));
    expect(expires).toEqual([...expires].sort((a, b) => a - b));

    const one = page.data[0]?.email_address ?? '';
    const exact = parseCsv(
      await (
        await get('adminA', orgExport(h.orgA, `?expires_within=14&email_address=${encodeURIComponent(one)}`))
      ).text(),
    );
    expect(exact.slice(1).map((r) => r[0])).toEqual([one]);
    expect((await get('adminA', orgExport(h.orgA, '?expires_within=8'))).status).toBe(422);
  });

  it('adds private metadata for staff only', async () => {
    const staff = parseCsv(await (await get('staff', orgExport(h.orgA, '?status=expired'))).text());
    expect(staff[0]?.at(-1)).toBe('Private metadata');
    const admin = await (await get('adminA', orgExport(h.orgA, '?status=expired'))).text();
    expect(admin).not.toContain('Private metadata');
    expect(admin).not.toContain('private_metadata');
  });

  it('is only for staff and the organization’s admins, and checks its filters', async () => {
    expect((await get('adminB', orgExport(h.orgA))).status).toBe(403);
    expect((await get('member', orgExport(h.orgA))).status).toBe(403);
    expect((await h.app.request(orgExport(h.orgA))).status).toBe(401);
    const bad = await get('adminA', orgExport(h.orgA, '?status=bogus'));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ code: 'form_param_value_invalid' }] });
  });

  it('waits out Clerk’s 429 and still sends every row', async () => {
    const total = await listTotal('adminA', `/api/v1/organizations/${h.orgA}/invitations?status=pending`);
    await h.emulator('POST', '/__emulator/faults', {
      method: 'GET',
      path: `/v1/organizations/${h.orgA}/invitations`,
      action: 'status',
      status: 429,
      retry_after: 1,
      count: 1,
    });
    const started = Date.now();
    const res = await get('adminA', orgExport(h.orgA, '?status=pending'));
    expect(res.status).toBe(200);
    expect(parseCsv(await res.text())).toHaveLength(total + 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('breaks the download, rather than ending a short file, when Clerk fails after the first page', async () => {
    const res = await get('adminA', orgExport(h.orgA, '?status=pending'));
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the first page
    await h.emulator('POST', '/__emulator/faults', {
      method: 'GET',
      path: `/v1/organizations/${h.orgA}/invitations`,
      action: 'status',
      status: 503,
      count: 20,
    });
    const rest = (async () => {
      for (;;) if ((await reader.read()).done) return 'complete';
    })();
    await expect(rest).rejects.toMatchObject({ failure: { status: 502 } });
  });

  it('stops reading Clerk when the client abandons the download', async () => {
    const res = await get('adminA', orgExport(h.orgA, '?status=pending'));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    const pagesAfterCancel = h.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.calls.length).toBe(pagesAfterCancel);
    expect(h.logLines.some((line) => line.includes('invitation export cut short'))).toBe(true);
  });
});

describe('CSV export of every organization’s invitations (staff)', () => {
  it('adds the Organization column and keeps the search', async () => {
    const query = 'acme-partners';
    const total = await listTotal('staff', `/api/v1/organization_invitations?query=${query}`);
    expect(total).toBeGreaterThan(0);
    const res = await get('staff', staffExport(`?query=${query}`));
    expect(res.headers.get('content-disposition')).toMatch(/filename="invitations-all-/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header?.slice(0, 3)).toEqual(['Email', 'Organization', 'Role']);
    expect(header?.at(-1)).toBe('Private metadata');
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r[0]?.includes(query))).toBe(true);
    expect(rows.every((r) => r[1] !== '')).toBe(true);
  });

  it('with expires_within, sends every organization’s expiring-soon list', async () => {
    const total = await listTotal('staff', '/api/invitations/expiring?expires_within=30&limit=1');
    expect(total).toBeGreaterThan(0);
    const [header, ...rows] = parseCsv(await (await get('staff', staffExport('?expires_within=30'))).text());
    expect(header?.slice(0, 2)).toEqual(['Email', 'Organization']);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r[3] === 'pending' && r[1] !== '')).toBe(true);
  });

  it('is for staff only', async () => {
    expect((await get('adminA', staffExport())).status).toBe(403);
    expect((await get('adminA', staffExport('?expires_within=7'))).status).toBe(403);
  });
});
