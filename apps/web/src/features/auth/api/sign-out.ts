import { useClerk } from '@clerk/react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Sign-out through Clerk: ends the session at Clerk (clearing clerk-js's cookies, so the api answers
 * 401 from then on), drops every cached answer, then calls `onSignedOut`, also when Clerk failed.
 */
export function useSignOut(onSignedOut: () => void) {
  const clerk = useClerk();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    try {
      await clerk.signOut();
    } finally {
      queryClient.clear();
      setSigningOut(false);
      onSignedOut();
    }
  };
  return { signOut, signingOut };
}
