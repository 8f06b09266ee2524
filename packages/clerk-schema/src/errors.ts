import {
  type ClerkError,
  ClerkErrorSchema,
  type ClerkErrors,
  ClerkErrorsSchema,
  type ClerkFailure,
  describeSize,
  describeValue,
  fail,
} from './error-shape.ts';
import { signInErrors } from './errors-sign-in.ts';

export { type ClerkError, ClerkErrorSchema, type ClerkErrors, ClerkErrorsSchema, type ClerkFailure };

/** A fresh Clerk trace id: 32 lowercase hex characters. */
export function newTraceId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '');
}

/** The full error body, with its trace id. */
export function errorBody(errors: ClerkError[], traceId: string): ClerkErrors {
  return { errors, clerk_trace_id: traceId };
}

/** Every Clerk error this product produces or passes through, built in one place (see BEHAVIOR.md). */
export const clerkErrors = {
  authorizationHeaderInvalid: () =>
    fail(
      401,
      'authorization_header_format_invalid',
      'Invalid Authorization header format',
      "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    ),
  secretKeyInvalid: () =>
    fail(
      401,
      'clerk_key_invalid',
      'Secret Key is invalid',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    ),
  requestBodyInvalid: () =>
    fail(
      400,
      'request_body_invalid',
      'Request body invalid',
      'The request body is invalid. Please consult the API documentation for more information.',
    ),
  paramMissing: (param: string, longMessage = `${param} must be included.`) =>
    fail(422, 'form_param_missing', 'missing requested parameters', longMessage, { param_name: param }),
  paramFormatInvalid: (param: string, longMessage = `${param} must be a valid email address.`) =>
    fail(422, 'form_param_format_invalid', 'is invalid', longMessage, { param_name: param }),
  paramValueInvalid: (param: string, value: unknown) =>
    fail(
      422,
      'form_param_value_invalid',
      'is invalid',
      `${describeValue(value)} does not match one of the allowed values for parameter ${param}`,
      { param_name: param },
    ),
  paramUnknown: (param: string) =>
    fail(422, 'form_param_unknown', 'is unknown', `${param} is not a valid parameter for this request.`, {
      param_name: param,
    }),
  roleNotFound: () =>
    fail(404, 'resource_not_found', 'not found', 'Organization role not found', { param_name: 'role' }),
  organizationNotFound: () => fail(404, 'resource_not_found', 'not found', 'Given organization not found.'),
  invitationNotFound: (id: string) =>
    fail(404, 'resource_not_found', 'not found', `No invitation was found with id ${id}.`),
  userNotFound: (id: string) =>
    fail(404, 'resource_not_found', 'not found', `No user was found with id ${id}`),
  sessionNotFound: (id: string) =>
    fail(404, 'resource_not_found', 'not found', `No session was found with id ${id}`),
  resourceNotFound: (longMessage = 'The requested resource was not found.') =>
    fail(404, 'resource_not_found', 'not found', longMessage),
  identifierExists: (param: string, longMessage: string) =>
    fail(422, 'form_identifier_exists', 'is taken', longMessage, { param_name: param }),
  invitationNotUnique: () =>
    fail(
      400,
      'organization_invitation_not_unique',
      'duplicate invitation',
      'Organizations cannot have duplicate pending invitations for an email address.',
      { param_name: 'email_address' },
    ),
  duplicateRecord: (emails: string[]) =>
    fail(
      400,
      'duplicate_record',
      'duplicate record',
      `There are already pending invitations for the following email addresses: ${emails.join(', ')}`,
      { email_addresses: emails },
    ),
  alreadyMember: (email: string) =>
    fail(
      400,
      'already_a_member_in_organization',
      'already a member',
      `${email} is already a member of the organization.`,
      { param_name: 'email_address', email_addresses: [email] },
    ),
  notAnAdmin: (userId: string) =>
    fail(
      403,
      'not_an_admin_in_organization',
      'not an admin',
      `${userId} is not an administrator in the organization. Only administrators can perform this action.`,
    ),
  invitationNotPending: () =>
    fail(
      404,
      'organization_invitation_not_pending',
      'not pending',
      "The organization invitation is not in the 'pending' status.",
    ),
  bulkSizeExceeded: () =>
    fail(
      400,
      'bulk_size_exceeded',
      'bulk size exceeded',
      'Parameters exceed the maximum allowed bulk processing size of 10.',
    ),
  bulkEmpty: () =>
    fail(422, 'form_param_missing', 'missing requested parameters', 'at least one item must be provided'),
  membershipQuotaExceeded: (max: number) =>
    fail(
      403,
      'organization_membership_quota_exceeded',
      'quota exceeded',
      `You have reached your limit of ${max} organization memberships, including outstanding invitations.`,
    ),
  tooManyRequests: (retryAfterSeconds: number) => ({
    ...fail(429, 'too_many_requests', 'Too many requests', 'Too many requests, retry later'),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
  ...signInErrors,
  // The dashboard api's own errors, in the same envelope.
  unauthenticated: (longMessage = 'You need to be signed in to do this.') =>
    fail(401, 'authentication_invalid', 'Unauthenticated', longMessage),
  forbidden: (longMessage = 'You are not allowed to do this.') =>
    fail(403, 'authorization_invalid', 'Unauthorized request', longMessage),
  notFound: (longMessage = 'The requested resource does not exist.') =>
    fail(404, 'resource_not_found', 'not found', longMessage),
  payloadTooLarge: (maxBytes = 1024 * 1024) =>
    fail(
      413,
      'request_body_too_large',
      'Request body too large',
      `The request body exceeds the maximum allowed size of ${describeSize(maxBytes)}.`,
    ),
  headersTooLarge: () =>
    fail(
      431,
      'request_header_fields_too_large',
      'Request headers too large',
      'The request headers exceed the maximum allowed size.',
    ),
  requestInvalid: () =>
    fail(400, 'request_invalid', 'Bad request', 'The request is not valid HTTP and could not be read.'),
  originInvalid: () =>
    fail(403, 'origin_invalid', 'Invalid origin', 'This request must come from the dashboard origin.'),
  upstreamUnavailable: (longMessage = 'Clerk could not be reached. Try again in a moment.') =>
    fail(502, 'upstream_unavailable', 'Upstream unavailable', longMessage),
  upstreamTimeout: () =>
    fail(504, 'upstream_timeout', 'Upstream timeout', 'Clerk did not answer in time. Try again in a moment.'),
  // Resend and jobs over invitations (the lifecycle routes).
  invitationNotResendable: (status: string) =>
    fail(
      400,
      'organization_invitation_not_resendable',
      'not resendable',
      `Only pending or expired invitations can be resent; this one is ${status}.`,
    ),
  noMatchingInvitations: () =>
    fail(422, 'no_matching_invitations', 'nothing to do', 'No invitation matches these filters.', {
      param_name: 'filter',
    }),
  tooManyMatches: (count: number, max: number) =>
    fail(
      422,
      'too_many_matching_invitations',
      'too many',
      `${count} invitations match these filters; one job takes at most ${max}. Narrow the filters.`,
      { param_name: 'filter', total_count: count },
    ),
  webhookUnverified: (reason: string) =>
    fail(
      400,
      'webhook_verification_failed',
      'Webhook not verified',
      `The webhook could not be verified (${reason}). Check that CLERK_WEBHOOK_SIGNING_SECRET is the endpoint's signing secret.`,
    ),
  webhookBodyInvalid: (longMessage = 'The webhook body is not a valid Clerk event.') =>
    fail(400, 'request_body_invalid', 'Request body invalid', longMessage),
  webhookStoreUnavailable: () => ({
    ...fail(
      503,
      'service_unavailable',
      'Service unavailable',
      'The webhook could not be stored in time. It will be retried.',
    ),
    headers: { 'Retry-After': '5' },
  }),
  internal: () =>
    fail(
      500,
      'internal_clerk_error',
      'Oops, an unexpected error occurred',
      'There was an internal error on our servers. Please try again later.',
    ),
} as const;
