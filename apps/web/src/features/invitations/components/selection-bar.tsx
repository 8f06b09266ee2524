import type { ReactNode } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { type RowSelection, useSelectionVersion } from '../../../ui/row-selection.tsx';
import type { Selection } from './invitation-list.tsx';
import './selection-bar.css';

interface SelectionBarProps<T> {
  selection: RowSelection<T>;
  /** How many rows "Select all matching" selects; null when not offered for this filter. */
  matchingTotal: number | null;
  /** Said once the whole page is selected when "Select all matching" is not offered (how to get it). */
  matchingHint?: string | undefined;
  actions: (selection: Selection<T>) => ReactNode;
}

/**
 * Above the table while rows are selected: how many (on every page), "Select all N matching" once the
 * whole page is selected, "Clear selection", and the actions for the selection. Re-renders on
 * selection changes without re-rendering the table.
 */
export function SelectionBar<T>({ selection, matchingTotal, matchingHint, actions }: SelectionBarProps<T>) {
  useSelectionVersion(selection);
  const size = selection.size;
  if (size === 0) return null;
  const all = selection.allMatching;
  const offPage = selection.offPageCount();
  const offerAll = !all && matchingTotal !== null && matchingTotal > size && selection.pageSelected();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of the selection's controls, not a fieldset of inputs
    <div className="selection-bar" role="group" aria-label="Selection">
      <p className="selection-count" aria-live="polite">
        {all
          ? all.except.length === 0
            ? `All ${formatCount(all.total)} matching invitations are selected.`
            : `${formatCount(size)} of ${formatCount(all.total)} matching invitations are selected.`
          : `${formatCount(size)} selected${offPage > 0 ? `, ${formatCount(offPage)} of them on other pages` : ''}.`}
      </p>
      {offerAll ? (
        <Button size="sm" variant="ghost" onClick={() => selection.selectAllMatching(matchingTotal)}>
          Select all {formatCount(matchingTotal)} matching
        </Button>
      ) : null}
      {!all && matchingTotal === null && matchingHint && selection.pageSelected() ? (
        <p className="selection-hint">{matchingHint}</p>
      ) : null}
      <Button size="sm" variant="ghost" onClick={() => selection.clear()}>
        Clear selection
      </Button>
      <div className="selection-actions">
        {actions({ rows: selection.values(), allMatching: all, clear: () => selection.clear() })}
      </div>
    </div>
  );
}
