import type { Me } from '@invites/clerk-schema';
import type { ReactNode } from 'react';
import { useMe } from '../../features/auth/api/get-me.ts';
import { PendingPage } from './route-states.tsx';

/**
 * What a page shows once the signed-in user is known (who they are decides it), "Loading…" until then.
 * It waits without suspending: React holds content revealed after a Suspense fallback back for 300 ms,
 * which kept a page whose reads had all answered hidden when an expired session token delayed them.
 * A failure is the layout's to show (it reads the same query).
 */
export function WithMe({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe().data;
  return me === undefined ? <PendingPage /> : children(me);
}
