import type { OrganizationInvitation } from '@invites/clerk-schema';
import { lazy, Suspense, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Trash } from '../../../ui/icons.tsx';

// The dialog and its mutations load on first use, not with the invitations page.
const loadDialog = () => import('./bulk-revoke-dialog.tsx');
const BulkRevokeDialog = lazy(() => loadDialog().then((m) => ({ default: m.BulkRevokeDialog })));

interface BulkRevokeButtonProps {
  orgId: string;
  selected: OrganizationInvitation[];
  onDone: () => void;
}

/** "Revoke selected": confirms, revokes each selected invitation, and reports each row's result. */
export function BulkRevokeButton({ orgId, selected, onDone }: BulkRevokeButtonProps) {
  const [targets, setTargets] = useState<OrganizationInvitation[] | null>(null);
  return (
    <>
      <Button
        variant="danger"
        size="sm"
        onClick={() => setTargets(selected)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <Trash size={14} />
        Revoke selected ({formatCount(selected.length)})
      </Button>
      {targets ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          <BulkRevokeDialog
            orgId={orgId}
            targets={targets}
            onClose={(started) => {
              setTargets(null);
              if (started) onDone();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
