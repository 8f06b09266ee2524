import { describe, expect, it } from 'vitest';
import {
  BulkCreateInvitationsBody,
  CreateInvitationBody,
  ListInstanceInvitationsQuery,
  ListOrganizationInvitationsQuery,
  parseClerk,
} from './index.ts';

function failure(result: ReturnType<typeof parseClerk>) {
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

describe('query parameters', () => {
  it('reads a repeated status as an array and applies Clerk defaults', () => {
    const result = parseClerk(ListOrganizationInvitationsQuery, { status: ['pending', 'expired'] });
    expect(result).toEqual({
      ok: true,
      data: { status: ['pending', 'expired'], order_by: '-created_at', limit: 10, offset: 0 },
    });
  });

  it('reads a single status as a one-element array', () => {
    const result = parseClerk(ListInstanceInvitationsQuery, {
      status: 'revoked',
      limit: '500',
      offset: '20',
    });
    expect(result.ok && result.data).toMatchObject({ status: ['revoked'], limit: 500, offset: 20 });
  });

  it.each([
    ['limit', '0'],
    ['limit', '501'],
    ['limit', '1.5'],
    ['limit', 'ten'],
    ['offset', '-1'],
    ['status', 'bogus'],
    ['order_by', 'name'],
  ])('rejects %s=%s with form_param_value_invalid naming the parameter', (param, value) => {
    const f = failure(parseClerk(ListOrganizationInvitationsQuery, { [param]: value }));
    expect(f.status).toBe(422);
    expect(f.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: param } });
  });

  it('reads an order_by whose + arrived as a space', () => {
    const result = parseClerk(ListOrganizationInvitationsQuery, { order_by: ' email_address' });
    expect(result.ok && result.data.order_by).toBe('+email_address');
  });
});

describe('create body', () => {
  it('requires email_address and role with form_param_missing', () => {
    const f = failure(parseClerk(CreateInvitationBody, {}));
    expect(f.status).toBe(422);
    expect(f.errors.map((e) => [e.code, e.meta?.param_name])).toEqual([
      ['form_param_missing', 'email_address'],
      ['form_param_missing', 'role'],
    ]);
  });

  it('rejects a malformed address with form_param_format_invalid', () => {
    const f = failure(parseClerk(CreateInvitationBody, { email_address: 'nope@', role: 'org:member' }));
    expect(f.errors[0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { param_name: 'email_address' },
    });
  });

  it('rejects an unknown field with form_param_unknown', () => {
    const f = failure(
      parseClerk(CreateInvitationBody, { email_address: 'a@b.co', role: 'org:member', sneaky: 1 }),
    );
    expect(f.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'sneaky' } });
  });

  it('rejects expires_in_days outside 1..365', () => {
    const f = failure(
      parseClerk(CreateInvitationBody, { email_address: 'a@b.co', role: 'org:member', expires_in_days: 366 }),
    );
    expect(f.errors[0]).toMatchObject({
      code: 'form_param_value_invalid',
      meta: { param_name: 'expires_in_days' },
    });
  });

  it('answers request_body_invalid for a body that is not an object', () => {
    expect(failure(parseClerk(CreateInvitationBody, 'text')).errors[0]?.code).toBe('request_body_invalid');
  });
});

describe('bulk body', () => {
  const item = (i: number) => ({ email_address: `u${i}@example.com`, role: 'org:member' });

  it('rejects more than 10 items with 400 bulk_size_exceeded', () => {
    const f = failure(
      parseClerk(
        BulkCreateInvitationsBody,
        Array.from({ length: 11 }, (_, i) => item(i)),
      ),
    );
    expect(f).toMatchObject({ status: 400, errors: [{ code: 'bulk_size_exceeded' }] });
  });

  it('rejects an empty array with 422 form_param_missing', () => {
    const f = failure(parseClerk(BulkCreateInvitationsBody, []));
    expect(f).toMatchObject({ status: 422, errors: [{ code: 'form_param_missing' }] });
  });

  it('names the index of the bad item', () => {
    const f = failure(
      parseClerk(BulkCreateInvitationsBody, [item(0), { email_address: 'x', role: 'org:member' }]),
    );
    expect(f.errors[0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { param_name: 'email_address', index: 1 },
    });
  });
});
