import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../lib/api-client.ts';
import { mapServerError } from './server-errors.ts';

const envelope = (code: string, longMessage: string, meta?: Record<string, unknown>) => ({
  errors: [{ code, message: code, long_message: longMessage, ...(meta ? { meta } : {}) }],
});

describe('mapServerError', () => {
  it('puts "already invited" on Email address with Clerk\'s long_message', () => {
    const error = toApiError(
      400,
      envelope(
        'organization_invitation_not_unique',
        'Organizations cannot have duplicate pending invitations for an email address.',
      ),
    );
    expect(mapServerError(error)).toEqual({
      fields: {
        email_address: 'Organizations cannot have duplicate pending invitations for an email address.',
      },
      form: null,
    });
  });

  it('puts "already a member" on Email address', () => {
    const error = toApiError(
      400,
      envelope(
        'already_a_member_in_organization',
        'maya@acme.example is already a member of the organization.',
      ),
    );
    expect(mapServerError(error).fields.email_address).toBe(
      'maya@acme.example is already a member of the organization.',
    );
  });

  it('shows the address exactly as it was typed, not as Clerk normalised it', () => {
    const error = toApiError(
      400,
      envelope(
        'already_a_member_in_organization',
        'ben@acme.example is already a member of the organization.',
        {
          param_name: 'email_address',
        },
      ),
    );
    expect(mapServerError(error, 'Ben@Acme.example').fields.email_address).toBe(
      'Ben@Acme.example is already a member of the organization.',
    );
    expect(mapServerError(error, 'ben@acme.example').fields.email_address).toBe(
      'ben@acme.example is already a member of the organization.',
    );
    const duplicates = toApiError(
      400,
      envelope('duplicate_record', 'There are already pending invitations for: ben@acme.example'),
    );
    expect(mapServerError(duplicates, 'BEN@acme.example').fields.email_address).toBe(
      'There are already pending invitations for: BEN@acme.example',
    );
  });

  it('puts an unknown role on Role', () => {
    const error = toApiError(
      404,
      envelope('resource_not_found', 'Organization role not found', { param_name: 'role' }),
    );
    expect(mapServerError(error)).toEqual({ fields: { role: 'Organization role not found' }, form: null });
  });

  it('uses meta.param_name for every form field', () => {
    for (const field of [
      'expires_in_days',
      'redirect_url',
      'public_metadata',
      'private_metadata',
      'email_address',
    ]) {
      const error = toApiError(
        422,
        envelope('form_param_value_invalid', `bad ${field}`, { param_name: field }),
      );
      expect(mapServerError(error).fields).toEqual({ [field]: `bad ${field}` });
    }
  });

  it('keeps errors about no field at form level, with the wait of a 429', () => {
    const error = toApiError(
      429,
      envelope('too_many_requests', 'Too many requests, retry later'),
      new Headers({ 'retry-after': '30' }),
    );
    expect(mapServerError(error)).toEqual({
      fields: {},
      form: 'Too many requests, retry later Try again in 30 s.',
    });
    const upstream = toApiError(
      502,
      envelope('upstream_unavailable', 'Clerk could not be reached. Try again in a moment.'),
    );
    expect(mapServerError(upstream).form).toBe('Clerk could not be reached. Try again in a moment.');
  });

  it('maps several 422 errors to several fields', () => {
    const error = toApiError(422, {
      errors: [
        {
          code: 'form_param_missing',
          message: 'm',
          long_message: 'role must be included.',
          meta: { param_name: 'role' },
        },
        {
          code: 'form_param_value_invalid',
          message: 'v',
          long_message: '900 is invalid',
          meta: { param_name: 'expires_in_days' },
        },
      ],
    });
    expect(mapServerError(error).fields).toEqual({
      role: 'role must be included.',
      expires_in_days: '900 is invalid',
    });
  });
});
