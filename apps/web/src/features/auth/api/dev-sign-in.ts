import type { Me } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `POST /api/dev/sign-in`: signs in as a demo user (the server sets the session cookie). */
export function devSignIn(userId: string): Promise<Me> {
  return api<Me>('/api/dev/sign-in', { method: 'POST', body: { user_id: userId } });
}

export function useDevSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: devSignIn,
    onSuccess: (me) => {
      // A different user: nothing cached for the previous one may show.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.health[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
