import { lazy, Suspense, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Plus } from '../../../ui/icons.tsx';
import { useShortcut } from '../../../ui/shortcuts.ts';

const loadDialog = () => import('./invite-dialog.tsx');
const InviteDialog = lazy(() => loadDialog().then((m) => ({ default: m.InviteDialog })));

interface InviteButtonProps {
  orgId: string;
  orgName: string;
  isStaff: boolean;
}

/** "Invite member" (also the "i" key): loads the form (react-hook-form, zod) only when first wanted. */
export function InviteButton({ orgId, orgName, isStaff }: InviteButtonProps) {
  const [open, setOpen] = useState(false);
  useShortcut({ key: 'i', description: 'Invite member', run: () => setOpen(true) });
  return (
    <>
      <Button
        variant="primary"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <Plus size={15} />
        Invite member
      </Button>
      {open ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          <InviteDialog orgId={orgId} orgName={orgName} isStaff={isStaff} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
