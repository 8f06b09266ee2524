import type { Me } from '@invites/clerk-schema';
import { fullName } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { LogOut } from '../../../ui/icons.tsx';
import { Building } from '../../../ui/page-icons.tsx';
import { useSignOut } from '../api/sign-out.ts';
import './nothing-to-manage.css';

/**
 * What a signed-in member who administers no organization (and is not staff) sees on every page: why
 * the console has nothing for them, what would change that, and Sign out.
 */
export function NothingToManage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { signOut, signingOut } = useSignOut(onSignedOut);
  const who = me.user.email_address ?? fullName(me.user, 'this account');
  return (
    <div className="page page-center">
      <section className="panel nothing-to-manage" aria-labelledby="nothing-to-manage-title">
        <div className="nothing-to-manage-icon" aria-hidden="true">
          <Building size={20} />
        </div>
        <h1 id="nothing-to-manage-title">You don't manage any organization</h1>
        <p>
          You're signed in as <strong>{who}</strong>. This console is for organization admins and support
          staff: it shows and changes the invitations of the organizations they manage.
        </p>
        <p>
          To manage an organization's invitations, ask one of its admins to give you the Admin role, then sign
          in again.
        </p>
        <Button variant="primary" loading={signingOut} onClick={() => void signOut()}>
          <LogOut size={14} />
          Sign out
        </Button>
      </section>
    </div>
  );
}
