import { z } from 'zod';

import { emailProblem } from './email-rules.ts';

export { emailProblem, normalizeEmail } from './email-rules.ts';

/** An email address as Clerk accepts it (internationalized addresses included), trimmed. */
export const EmailAddress = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = emailProblem(value);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: `email address ${problem}`,
        params: { clerk_code: 'form_param_format_invalid' },
      });
    }
  });
