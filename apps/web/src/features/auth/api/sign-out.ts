import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '../../../lib/api-client.ts';

/** `POST /api/sign-out`: clears the session cookie. */
export async function signOut(): Promise<void> {
  await api<unknown>('/api/sign-out', { method: 'POST' });
}

/**
 * Signs out, then drops every cached query whatever the answer. A plain pending flag rather than
 * useMutation: the header is on every first route, and useMutation would bring the mutation observer
 * (~1 KB gzip) into the entry chunk for this one button.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const run = useCallback(
    async (onSettled?: () => void) => {
      setPending(true);
      try {
        await signOut();
      } catch {
        // Signed out or not, the session is over for this page: the caller goes to sign-in.
      } finally {
        queryClient.clear();
        setPending(false);
        onSettled?.();
      }
    },
    [queryClient],
  );
  return { isPending, signOut: run };
}
