import { useAuth, useClerk } from '@clerk/react';
import { isClerkAPIResponseError } from '@clerk/react/errors';
import type { DemoSignInTicket } from '@invites/clerk-schema';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api, isApiError } from '../../../lib/api-client.ts';

/** `POST /api/demo/sign-in-tokens`: a single-use Clerk sign-in token for a demo user. */
export function createDemoTicket(userId: string): Promise<DemoSignInTicket> {
  return api<DemoSignInTicket>('/api/demo/sign-in-tokens', {
    method: 'POST',
    body: { user_id: userId },
    anonymous: true,
  });
}

/** Clerk's own errors (its Frontend API answered) in the app's one error type. */
function asApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (isClerkAPIResponseError(error)) {
    return new ApiError({
      status: error.status,
      errors: error.errors.map((e) => ({
        code: e.code,
        message: e.message,
        long_message: e.longMessage ?? e.message,
      })),
      traceId: error.clerkTraceId ?? null,
    });
  }
  const message = error instanceof Error ? error.message : 'The sign-in did not complete.';
  return new ApiError({ status: 0, errors: [{ code: 'sign_in_failed', message, long_message: message }] });
}

/**
 * Signs in as a demo user the way Clerk's own form would: the ticket is redeemed by clerk-js
 * (`strategy: 'ticket'`) and the new session made active, so the demo runs Clerk's real sign-in.
 * `ready` is false until clerk-js has loaded; the buttons wait for it.
 */
export function useSignInAsDemoUser() {
  const clerk = useClerk();
  const { isLoaded } = useAuth();
  const mutation = useMutation({
    mutationFn: async (userId: string) => {
      try {
        const { ticket } = await createDemoTicket(userId);
        const signIn = await clerk.client?.signIn.create({ strategy: 'ticket', ticket });
        if (signIn?.status !== 'complete' || !signIn.createdSessionId) {
          throw new Error(`Clerk did not complete the sign-in (status ${signIn?.status ?? 'unknown'}).`);
        }
        await clerk.setActive({ session: signIn.createdSessionId });
      } catch (error) {
        throw asApiError(error);
      }
    },
  });
  return { ...mutation, ready: isLoaded };
}
