import { ACTIVITY_ACTIONS } from '@invites/clerk-schema/enums';
import { useId } from 'react';
import { viewerTimeZone } from '../../../lib/dates.ts';
import type { ActivitySearch, SearchPatch } from '../../../lib/search-schemas.ts';
import { Button } from '../../../ui/button.tsx';
import { X } from '../../../ui/icons.tsx';
import { SearchField } from '../../../ui/search-field.tsx';
import { actionLabel } from '../utils/action-labels.ts';

interface ActivityToolbarProps {
  search: ActivitySearch;
  onSearchChange: (patch: SearchPatch<ActivitySearch>) => void;
  organizations: readonly { id: string; name: string }[];
  filtered: boolean;
  onClearFilters: () => void;
}

/** Filters above the activity log: organization, actor, action and a date range. */
export function ActivityToolbar({
  search,
  onSearchChange,
  organizations,
  filtered,
  onClearFilters,
}: ActivityToolbarProps) {
  const id = useId();
  const reset = { page: undefined };
  const knownOrg = !search.organization_id || organizations.some((o) => o.id === search.organization_id);
  return (
    <div className="activity-toolbar">
      <div className="activity-filter">
        <label htmlFor={`${id}-org`}>Organization</label>
        <select
          id={`${id}-org`}
          className="select"
          value={search.organization_id ?? ''}
          onChange={(event) => onSearchChange({ organization_id: event.target.value || undefined, ...reset })}
        >
          <option value="">All organizations</option>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
          {knownOrg ? null : <option value={search.organization_id}>{search.organization_id}</option>}
        </select>
      </div>
      <div className="activity-filter">
        <label htmlFor={`${id}-action`}>Action</label>
        <select
          id={`${id}-action`}
          className="select"
          value={search.action ?? ''}
          onChange={(event) =>
            onSearchChange({
              action: ACTIVITY_ACTIONS.find((a) => a === event.target.value),
              ...reset,
            })
          }
        >
          <option value="">All actions</option>
          {ACTIVITY_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>
      </div>
      <div className="activity-filter activity-actor">
        <span className="activity-filter-label" aria-hidden="true">
          Actor
        </span>
        <SearchField
          label="Actor"
          placeholder="Name or email, then Enter"
          inputMode="text"
          value={search.actor ?? ''}
          onCommit={(actor) => onSearchChange({ actor: actor || undefined, ...reset })}
        />
      </div>
      <fieldset className="activity-dates">
        {/* The days are the viewer's own: say whose, so a range means the same to whoever reads it. */}
        <legend className="activity-filter-label">
          Date <span className="activity-zone">in {viewerTimeZone()}</span>
        </legend>
        <label className="visually-hidden" htmlFor={`${id}-from`}>
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className="input"
          value={search.from ?? ''}
          max={search.to}
          onChange={(event) => onSearchChange({ from: event.target.value || undefined, ...reset })}
        />
        <span aria-hidden="true">–</span>
        <label className="visually-hidden" htmlFor={`${id}-to`}>
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className="input"
          value={search.to ?? ''}
          min={search.from}
          onChange={(event) => onSearchChange({ to: event.target.value || undefined, ...reset })}
        />
      </fieldset>
      {filtered ? (
        <Button variant="ghost" size="sm" onClick={onClearFilters}>
          <X size={14} />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
