import type { InvitationStatus } from '@invites/clerk-schema';
import { EXPIRES_WITHIN_DAYS, INVITATION_STATUSES } from '@invites/clerk-schema/enums';
import { type ReactNode, useId } from 'react';
import type { ExpiresWithin } from '../../../lib/search-schemas.ts';
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
  /** Always at the very end (Export CSV). */
  end?: ReactNode;
  /** The "Expires within" filter (pending invitations only), when the list offers it. */
  expiresWithin?: { value: ExpiresWithin | undefined; onChange: (value: ExpiresWithin | undefined) => void };
}

/** "Expires within": any time, or pending invitations expiring within 3, 7, 14 or 30 days. */
function ExpiresWithinSelect({ value, onChange }: NonNullable<ToolbarProps['expiresWithin']>) {
  const id = useId();
  return (
    <div className="toolbar-select">
      <label htmlFor={id}>Expires within</label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(event) =>
          onChange(event.target.value ? (Number(event.target.value) as ExpiresWithin) : undefined)
        }
      >
        <option value="">Any time</option>
        {EXPIRES_WITHIN_DAYS.map((days) => (
          <option key={days} value={days}>
            {days} days
          </option>
        ))}
      </select>
    </div>
  );
}

/** Filters above an invitation table: a search or email box, the Status group, "Clear filters". */
export function InvitationsToolbar({
  searchField,
  status,
  onStatusChange,
  filtered,
  onClearFilters,
  actions,
  end,
  expiresWithin,
}: ToolbarProps) {
  return (
    <div className="toolbar">
      <div className="toolbar-filters">
        {searchField}
        <CheckboxGroup legend="Status" options={STATUS_OPTIONS} value={status} onChange={onStatusChange} />
        {expiresWithin ? <ExpiresWithinSelect {...expiresWithin} /> : null}
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={onClearFilters}>
            <X size={14} />
            Clear filters
          </Button>
        ) : null}
      </div>
      {actions || end ? (
        <div className="toolbar-actions">
          {actions}
          {end}
        </div>
      ) : null}
    </div>
  );
}
