import type { InvitationStatus } from '@invites/clerk-schema';
import { INVITATION_STATUSES } from '@invites/clerk-schema/enums';
import type { ReactNode } from 'react';
import { Button } from '../../../ui/button.tsx';
import { CheckboxGroup } from '../../../ui/checkbox-group.tsx';
import { X } from '../../../ui/icons.tsx';
import { statusLabel } from './status-badge.tsx';
import './invitations-toolbar.css';

const STATUS_OPTIONS = INVITATION_STATUSES.map((value) => ({ value, label: statusLabel(value) }));

interface ToolbarProps {
  searchField: ReactNode;
  status: readonly InvitationStatus[];
  onStatusChange: (status: InvitationStatus[]) => void;
  filtered: boolean;
  onClearFilters: () => void;
  /** Shown at the end, e.g. "Revoke selected" when rows are selected. */
  actions?: ReactNode;
}

/** Filters above an invitation table: a search or email box, the Status group, "Clear filters". */
export function InvitationsToolbar({
  searchField,
  status,
  onStatusChange,
  filtered,
  onClearFilters,
  actions,
}: ToolbarProps) {
  return (
    <div className="toolbar">
      <div className="toolbar-filters">
        {searchField}
        <CheckboxGroup legend="Status" options={STATUS_OPTIONS} value={status} onChange={onStatusChange} />
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={onClearFilters}>
            <X size={14} />
            Clear filters
          </Button>
        ) : null}
      </div>
      {actions ? <div className="toolbar-actions">{actions}</div> : null}
    </div>
  );
}
