import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../lib/api-client.ts';
import { mapJobError } from './map-job-error.ts';

describe('mapJobError', () => {
  it("puts Clerk's message on the option named by param_name and keeps the rest for the form", () => {
    const error = toApiError(422, {
      errors: [
        {
          code: 'form_param_value_invalid',
          message: 'is invalid',
          long_message: 'expires_in_days must be between 1 and 365.',
          meta: { param_name: 'options.expires_in_days' },
        },
        { code: 'x', message: 'x', long_message: 'Something else.' },
      ],
    });
    expect(mapJobError(error)).toEqual({
      fields: { expires_in_days: 'expires_in_days must be between 1 and 365.' },
      form: 'Something else.',
    });
  });

  it('says when to try again after a 429', () => {
    const error = toApiError(
      429,
      {
        errors: [
          { code: 'too_many_requests', message: 'Too many', long_message: 'Too many requests, retry later' },
        ],
      },
      new Headers({ 'retry-after': '20' }),
    );
    expect(mapJobError(error).form).toBe('Too many requests, retry later Try again in 20 s.');
  });
});
