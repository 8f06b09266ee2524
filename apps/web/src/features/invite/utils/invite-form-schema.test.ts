import { describe, expect, it } from 'vitest';
import {
  BLANK_INVITE,
  InviteFormSchema,
  inviteErrorMessage,
  sentence,
  toCreateBody,
} from './invite-form-schema.ts';

const parse = (values: Partial<typeof BLANK_INVITE>) =>
  InviteFormSchema.safeParse(
    { ...BLANK_INVITE, role: 'org:member', ...values },
    { error: inviteErrorMessage },
  );

function messages(values: Partial<typeof BLANK_INVITE>) {
  const result = parse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('InviteFormSchema', () => {
  it('accepts a complete invitation and builds the create body', () => {
    const result = parse({
      email_address: '  Ada@Example.com ',
      expires_in_days: 7,
      redirect_url: 'https://app.example.com/welcome',
      notify: false,
      public_metadata: '{"team":"sales"}',
      private_metadata: '{"crm":1}',
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(toCreateBody(result.data, true)).toEqual({
      email_address: 'Ada@Example.com',
      role: 'org:member',
      expires_in_days: 7,
      notify: false,
      redirect_url: 'https://app.example.com/welcome',
      public_metadata: { team: 'sales' },
      private_metadata: { crm: 1 },
    });
    expect(toCreateBody(result.data, false)).not.toHaveProperty('private_metadata');
  });

  it('leaves out what was not filled in', () => {
    const result = parse({ email_address: 'a@b.example', expires_in_days: Number.NaN });
    expect(result.success).toBe(true);
    if (result.success) {
      expect(toCreateBody(result.data, true)).toEqual({
        email_address: 'a@b.example',
        role: 'org:member',
        notify: true,
      });
    }
  });

  it('explains what is wrong with each field', () => {
    expect(messages({ email_address: 'not-an-email' }).email_address).toBe('email address is missing an @');
    expect(messages({ email_address: 'a@b.example', expires_in_days: 400 }).expires_in_days).toBe(
      'Must be at most 365.',
    );
    expect(messages({ email_address: 'a@b.example', expires_in_days: 0 }).expires_in_days).toBe(
      'Must be at least 1.',
    );
    expect(messages({ email_address: 'a@b.example', expires_in_days: 1.5 }).expires_in_days).toBe(
      'Must be a whole number.',
    );
    expect(messages({ email_address: 'a@b.example', redirect_url: 'ftp://x' }).redirect_url).toBe(
      'must be an http(s) URL',
    );
    expect(messages({ email_address: 'a@b.example', public_metadata: '{nope' }).public_metadata).toBe(
      'Public metadata is not valid JSON.',
    );
    expect(messages({ email_address: 'a@b.example', private_metadata: '[1]' }).private_metadata).toMatch(
      /must be a JSON object/,
    );
    expect(messages({ email_address: 'a@b.example', role: '' }).role).toBe('This field is required.');
  });
});

describe('sentence', () => {
  it('turns schema messages into sentences', () => {
    expect(sentence('email address is missing an @', 'Email address')).toBe('Email address is missing an @.');
    expect(sentence('must be an http(s) URL', 'Redirect URL')).toBe('Redirect URL must be an http(s) URL.');
    expect(sentence('Organization role not found', 'Role')).toBe('Organization role not found.');
    expect(sentence('role must be included.', 'Role')).toBe('Role must be included.');
  });
  it('leaves an address or a code at the start of a message as it is', () => {
    expect(sentence('ben@acme.example is already a member of the organization.', 'Email address')).toBe(
      'ben@acme.example is already a member of the organization.',
    );
    expect(sentence('Ben@acme.example is already a member', 'Email address')).toBe(
      'Ben@acme.example is already a member.',
    );
    expect(sentence('org:admin is not a role here', 'Role')).toBe('org:admin is not a role here.');
  });
});
