import { describe, expect, it } from 'vitest';
import {
  activitySearch,
  allInvitationsSearch,
  bulkJobSearch,
  LIST_DEFAULTS,
  orgInvitationsSearch,
  parseSearch,
  signInSearch,
  stringifySearch,
} from './search-schemas.ts';

const fromUrl = (query: string) => orgInvitationsSearch.parse(parseSearch(query));

describe('invitation list search params', () => {
  it('fills every default for a plain URL', () => {
    expect(fromUrl('')).toEqual(LIST_DEFAULTS);
    expect(allInvitationsSearch.parse({})).toEqual(LIST_DEFAULTS);
  });

  it('reads repeated statuses in canonical order, numbers from text, and the email filter', () => {
    expect(
      fromUrl(
        '?status=expired&status=pending&status=pending&page=3&pageSize=100&sort=email_address&email=%20ada%40acme.example%20',
      ),
    ).toEqual({
      status: ['pending', 'expired'],
      page: 3,
      pageSize: 100,
      sort: 'email_address',
      email: 'ada@acme.example',
    });
    expect(fromUrl('?status=revoked').status).toEqual(['revoked']);
    expect(allInvitationsSearch.parse(parseSearch('?q=acme&status=pending'))).toMatchObject({
      q: 'acme',
      status: ['pending'],
    });
  });

  it('takes typed values from links and navigate as well as text', () => {
    expect(orgInvitationsSearch.parse({ page: 2, pageSize: 10, status: ['accepted'] })).toMatchObject({
      page: 2,
      pageSize: 10,
      status: ['accepted'],
    });
  });

  it('drops values a hand-edited URL got wrong instead of failing the page', () => {
    expect(fromUrl('?status=nope&page=-2&pageSize=7&sort=name&email=')).toEqual(LIST_DEFAULTS);
    expect(fromUrl('?page=2.5&pageSize=ten')).toEqual(LIST_DEFAULTS);
    expect(fromUrl(`?email=${'x'.repeat(400)}`)).toEqual(LIST_DEFAULTS);
    expect(fromUrl('?status=pending&status=bogus').status).toEqual(['pending']);
  });
});

describe('activity search params', () => {
  it('keeps valid filters and fills the page defaults', () => {
    expect(activitySearch.parse({})).toEqual({ page: 1, pageSize: 25 });
    expect(
      activitySearch.parse(
        parseSearch(
          '?organization_id=org_2AcmeCorp&actor=Ada+Lovelace&action=invitation.revoke&from=2026-05-01&to=2026-05-31&page=3&pageSize=50',
        ),
      ),
    ).toEqual({
      organization_id: 'org_2AcmeCorp',
      actor: 'Ada Lovelace',
      action: 'invitation.revoke',
      from: '2026-05-01',
      to: '2026-05-31',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops junk: bad IDs, unknown actions and days that do not exist', () => {
    expect(
      activitySearch.parse({
        organization_id: 'org 1; drop',
        actor: `  ${'x'.repeat(321)}`,
        action: 'nope',
        from: '2026-02-30',
        to: 'yesterday',
      }),
    ).toEqual({ page: 1, pageSize: 25 });
  });
});

describe('bulk job search params', () => {
  it('reads repeated outcomes in canonical order and drops junk', () => {
    expect(bulkJobSearch.parse({})).toEqual({ outcome: [], page: 1, pageSize: 100 });
    expect(
      bulkJobSearch.parse(parseSearch('?outcome=failed&outcome=invited&outcome=nope&page=2&pageSize=500')),
    ).toEqual({ outcome: ['invited', 'failed'], page: 2, pageSize: 500 });
    expect(bulkJobSearch.parse({ page: '-1', pageSize: '25' })).toEqual({
      outcome: [],
      page: 1,
      pageSize: 100,
    });
  });
});

describe('sign-in redirect', () => {
  it('keeps same-origin paths only', () => {
    const redirect = (value: unknown) => signInSearch.parse({ redirect: value }).redirect;
    expect(redirect('/orgs/org_1/invitations?status=pending')).toBe('/orgs/org_1/invitations?status=pending');
    expect(redirect('//evil.example/x')).toBeUndefined();
    expect(redirect('https://evil.example')).toBeUndefined();
    expect(redirect('/\\evil.example')).toBeUndefined();
    expect(redirect(42)).toBeUndefined();
  });
});

describe('URL (de)serialisation', () => {
  it('writes lists as repeated keys, leaves empty values out, and reads them back', () => {
    const text = stringifySearch({ status: ['pending', 'expired'], page: 2, email: undefined, q: '' });
    expect(text).toBe('?status=pending&status=expired&page=2');
    expect(parseSearch(text)).toEqual({ status: ['pending', 'expired'], page: '2' });
    expect(stringifySearch({ redirect: '/invitations?status=pending&pageSize=10' })).toBe(
      '?redirect=%2Finvitations%3Fstatus%3Dpending%26pageSize%3D10',
    );
    expect(stringifySearch({})).toBe('');
  });
});
