import { describe, expect, it } from 'vitest';
import { CreateBulkJobBody, parseClerk } from './index.ts';

const ORG = 'org_2x9QGc1b8Hc8v7w3ZfD6l1K0aBc';
const body = (rows: unknown[]) => ({ organization_id: ORG, rows });

describe('bulk job body', () => {
  it('takes rows to send and left-out rows with their line, keeping what was pasted', () => {
    const result = parseClerk(
      CreateBulkJobBody,
      body([
        { email_address: ' Ada@Example.com ', role: 'org:member', line: 2 },
        {
          email_address: 'Lovelace',
          role: 'org:member',
          line: 3,
          left_out: { reason: 'invalid', message: 'This address is missing an @.' },
        },
      ]),
    );
    expect(result).toMatchObject({
      ok: true,
      data: {
        rows: [
          { email_address: 'Ada@Example.com', line: 2 },
          { email_address: 'Lovelace', left_out: { reason: 'invalid' } },
        ],
      },
    });
  });

  it('checks the address of a row to send, with its index', () => {
    const result = parseClerk(CreateBulkJobBody, body([{ email_address: 'Lovelace', role: 'org:member' }]));
    expect(result).toMatchObject({
      ok: false,
      failure: {
        status: 422,
        errors: [{ code: 'form_param_format_invalid', meta: { param_name: 'email_address', index: 0 } }],
      },
    });
  });

  it('refuses a job where every row is left out, and an unknown reason', () => {
    const leftOut = { reason: 'member', message: 'Already a member.' };
    expect(
      parseClerk(
        CreateBulkJobBody,
        body([{ email_address: 'a@x.io', role: 'org:member', left_out: leftOut }]),
      ),
    ).toMatchObject({
      ok: false,
      failure: { status: 422, errors: [{ code: 'form_param_missing', meta: { param_name: 'rows' } }] },
    });
    expect(
      parseClerk(
        CreateBulkJobBody,
        body([
          { email_address: 'a@x.io', role: 'org:member' },
          { email_address: 'b@x.io', role: 'org:member', left_out: { reason: 'bored', message: 'x' } },
        ]),
      ),
    ).toMatchObject({ ok: false, failure: { errors: [{ meta: { param_name: 'reason', index: 1 } }] } });
  });
});
