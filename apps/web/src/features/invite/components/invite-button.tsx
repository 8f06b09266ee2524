import { lazy, Suspense, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Plus } from '../../../ui/icons.tsx';
import { useShortcut } from '../../../ui/shortcuts.ts';
import type { InviteFormValues } from '../utils/invite-form-schema.ts';

const loadDialog = () => import('./invite-dialog.tsx');
const InviteDialog = lazy(() => loadDialog().then((m) => ({ default: m.InviteDialog })));

interface InviteButtonProps {
  orgId: string;
  orgName: string;
  isStaff: boolean;
  /** Starts the form with these (invite an address again) instead of the saved draft. */
  initialValues?: Partial<InviteFormValues>;
  label?: string;
}

/** "Invite member" (also the "i" key): loads the form (react-hook-form, zod) only when first wanted. */
export function InviteButton({
  orgId,
  orgName,
  isStaff,
  initialValues,
  label = 'Invite member',
}: InviteButtonProps) {
  const [open, setOpen] = useState(false);
  // The page's own "Invite member" owns the key, not a button that invites one address again.
  useShortcut(initialValues ? null : { key: 'i', description: 'Invite member', run: () => setOpen(true) });
  return (
    <>
      <Button
        variant="primary"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <Plus size={15} />
        {label}
      </Button>
      {open ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          <InviteDialog
            orgId={orgId}
            orgName={orgName}
            isStaff={isStaff}
            onClose={() => setOpen(false)}
            {...(initialValues ? { initialValues } : {})}
          />
        </Suspense>
      ) : null}
    </>
  );
}
