import { useClerk, useUser } from '@clerk/react';
import type { Me } from '@invites/clerk-schema';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fullName, roleLabel } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { LogOut } from '../../../ui/icons.tsx';
import './user-menu.css';

/** "Staff", "Admin · Acme Corp" or "Admin · 2 organizations". */
export function describeRole(me: Me): string {
  if (me.is_staff) return 'Staff';
  const [first, ...rest] = me.organizations;
  if (!first) return 'No organizations';
  if (rest.length === 0) return `${roleLabel(first.role)} · ${first.name}`;
  return `${roleLabel(first.role)} · ${me.organizations.length} organizations`;
}

/** Who is signed in (Clerk's user), their role here, and "Sign out" through Clerk. */
export function UserMenu({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const clerk = useClerk();
  const { user } = useUser();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const email = user?.primaryEmailAddress?.emailAddress ?? me.user.email_address;
  const names = user ? { first_name: user.firstName, last_name: user.lastName } : me.user;
  const name = fullName(names, email ?? 'Signed in');
  const initials =
    [names.first_name, names.last_name]
      .map((p) => p?.[0] ?? '')
      .join('')
      .toUpperCase() || '?';

  const signOut = async () => {
    setSigningOut(true);
    try {
      // Ends the session at Clerk (and clears clerk-js's cookies); the api then answers 401.
      await clerk.signOut();
    } finally {
      queryClient.clear();
      setSigningOut(false);
      onSignedOut();
    }
  };

  return (
    <div className="user-menu">
      <span className="user-avatar" aria-hidden="true">
        {initials}
      </span>
      <span className="user-text">
        <span className="user-name" title={email ?? undefined}>
          {name}
        </span>
        <span className="user-role">{describeRole(me)}</span>
      </span>
      <Button variant="ghost" size="sm" loading={signingOut} onClick={() => void signOut()}>
        <LogOut size={14} />
        <span className="user-signout-label">Sign out</span>
      </Button>
    </div>
  );
}
