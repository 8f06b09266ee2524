import { describe, expect, it } from 'vitest';
import { buildJobBody } from './job-body.ts';

const ORG = 'org_2AcmeCorp000000000000000000';
const ROWS = [{ email_address: 'ada@acme.example', role: 'org:member' }];
const OPTIONS = { expiresInDays: '30', redirectUrl: '', notify: true };

describe('buildJobBody', () => {
  it('builds the body the shared schema accepts, leaving out empty options', () => {
    expect(buildJobBody(ORG, ROWS, OPTIONS)).toEqual({
      ok: true,
      body: { organization_id: ORG, rows: ROWS, options: { notify: true, expires_in_days: 30 } },
    });
    expect(
      buildJobBody(ORG, ROWS, {
        expiresInDays: '',
        redirectUrl: ' https://app.example.com/w ',
        notify: false,
      }),
    ).toEqual({
      ok: true,
      body: {
        organization_id: ORG,
        rows: ROWS,
        options: { notify: false, redirect_url: 'https://app.example.com/w' },
      },
    });
  });

  it('puts invalid options on their fields', () => {
    const result = buildJobBody(ORG, ROWS, { expiresInDays: '400', redirectUrl: 'not a url', notify: true });
    expect(result).toEqual({
      ok: false,
      form: null,
      fields: {
        expires_in_days: 'Enter a whole number of days from 1 to 365.',
        redirect_url: 'Enter a full URL, like https://app.example.com/welcome.',
      },
    });
    expect(buildJobBody(ORG, ROWS, { ...OPTIONS, expiresInDays: '2.5' })).toMatchObject({
      ok: false,
      fields: { expires_in_days: expect.any(String) },
    });
  });

  it('names the pasted line of a bad row, and refuses a job with nothing to send', () => {
    const rows = [
      { email_address: 'bad', role: 'org:member', line: 4 },
      {
        email_address: 'x',
        role: 'org:member',
        line: 5,
        left_out: { reason: 'invalid' as const, message: 'This address is missing an @.' },
      },
    ];
    expect(buildJobBody(ORG, rows, OPTIONS)).toMatchObject({
      ok: false,
      form: 'Line 4: email address is missing an @.',
    });
    expect(buildJobBody(ORG, rows.slice(1), OPTIONS)).toMatchObject({
      ok: false,
      form: 'There is nothing to send.',
    });
  });

  it('refuses an empty job and one above 20,000 rows', () => {
    expect(buildJobBody(ORG, [], OPTIONS)).toMatchObject({ ok: false, form: 'There is nothing to send.' });
    const many = Array.from({ length: 20_001 }, (_, i) => ({
      email_address: `p${i}@x.example`,
      role: 'org:member',
    }));
    expect(buildJobBody(ORG, many, OPTIONS)).toMatchObject({
      ok: false,
      form: expect.stringMatching(/at most 20,000/),
    });
  });
});
