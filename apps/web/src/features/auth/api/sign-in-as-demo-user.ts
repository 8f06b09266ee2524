import { useClerk } from '@clerk/react';
import type { DemoSignInTicket } from '@invites/clerk-schema';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `POST /api/demo/sign-in-tokens`: a single-use Clerk sign-in token for a demo user. */
export function createDemoTicket(userId: string): Promise<DemoSignInTicket> {
  return api<DemoSignInTicket>('/api/demo/sign-in-tokens', {
    method: 'POST',
    body: { user_id: userId },
    anonymous: true,
  });
}

/**
 * Signs in as a demo user the way Clerk's own form would: the ticket is redeemed by clerk-js
 * (`strategy: 'ticket'`) and the new session made active, so the demo runs Clerk's real sign-in.
 */
export function useSignInAsDemoUser() {
  const clerk = useClerk();
  return useMutation({
    mutationFn: async (userId: string) => {
      const { ticket } = await createDemoTicket(userId);
      const signIn = await clerk.client?.signIn.create({ strategy: 'ticket', ticket });
      if (signIn?.status !== 'complete' || !signIn.createdSessionId) {
        throw new Error(`Clerk did not complete the sign-in (status ${signIn?.status ?? 'unknown'}).`);
      }
      await clerk.setActive({ session: signIn.createdSessionId });
    },
  });
}
