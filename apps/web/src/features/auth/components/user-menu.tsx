import type { Me } from '@invites/clerk-schema';
import { fullName, roleLabel } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { LogOut } from '../../../ui/icons.tsx';
import { useSignOut } from '../api/sign-out.ts';
import './user-menu.css';

/** "Staff", "Admin · Acme Corp" or "Admin · 2 organizations". */
export function describeRole(me: Me): string {
  if (me.is_staff) return 'Staff';
  const [first, ...rest] = me.organizations;
  if (!first) return 'No organizations';
  if (rest.length === 0) return `${roleLabel(first.role)} · ${first.name}`;
  return `${roleLabel(first.role)} · ${me.organizations.length} organizations`;
}

/** Who is signed in, their role, and "Sign out". */
export function UserMenu({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const signOut = useSignOut();
  const name = fullName(me.user, me.user.email_address ?? 'Signed in');
  const initials =
    [me.user.first_name, me.user.last_name]
      .map((p) => p?.[0] ?? '')
      .join('')
      .toUpperCase() || '?';
  return (
    <div className="user-menu">
      <span className="user-avatar" aria-hidden="true">
        {initials}
      </span>
      <span className="user-text">
        <span className="user-name">{name}</span>
        <span className="user-role">{describeRole(me)}</span>
      </span>
      <Button
        variant="ghost"
        size="sm"
        loading={signOut.isPending}
        onClick={() => void signOut.signOut(onSignedOut)}
      >
        <LogOut size={14} />
        <span className="user-signout-label">Sign out</span>
      </Button>
    </div>
  );
}
