import { createContext, useContext, useSyncExternalStore } from 'react';
import { Checkbox } from './checkbox.tsx';

/**
 * Selected row ids kept outside React state: a click re-renders the one row and the controls that
 * show the selection, not the table (a 500-row page stays cheap to select on).
 */
export class RowSelection {
  private selected = new Set<string>();
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, so snapshots can tell that something changed. */
  version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  has(id: string): boolean {
    return this.selected.has(id);
  }

  /** Selects (`on`) or unselects every id in `ids`. */
  set(ids: readonly string[], on: boolean): void {
    let changed = false;
    for (const id of ids) {
      if (this.selected.has(id) === on) continue;
      if (on) this.selected.add(id);
      else this.selected.delete(id);
      changed = true;
    }
    if (changed) this.emit();
  }

  clear(): void {
    if (this.selected.size === 0) return;
    this.selected = new Set();
    this.emit();
  }

  private emit(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

const SelectionContext = createContext<RowSelection | null>(null);

/** Makes a selection available to the table's rows and checkboxes. */
export const RowSelectionProvider = SelectionContext.Provider;

const noSubscription = () => () => {};

/** True while the row is selected; re-renders only when that changes. */
export function useRowSelected(id: string): boolean {
  const selection = useContext(SelectionContext);
  return useSyncExternalStore(selection?.subscribe ?? noSubscription, () => selection?.has(id) ?? false);
}

/** The selection's version: re-renders the caller on every selection change. */
export function useSelectionVersion(selection: RowSelection): number {
  return useSyncExternalStore(selection.subscribe, () => selection.version);
}

/** A row's checkbox. */
export function SelectRowCheckbox({ id, label }: { id: string; label: string }) {
  const selection = useContext(SelectionContext);
  const checked = useRowSelected(id);
  return (
    <Checkbox aria-label={label} checked={checked} onChange={(e) => selection?.set([id], e.target.checked)} />
  );
}

/** The header checkbox: all, some (indeterminate) or none of `ids` selected; disabled without ids. */
export function SelectAllCheckbox({ ids, label }: { ids: readonly string[]; label: string }) {
  const selection = useContext(SelectionContext);
  const count = useSyncExternalStore(selection?.subscribe ?? noSubscription, () =>
    selection ? ids.reduce((n, id) => (selection.has(id) ? n + 1 : n), 0) : 0,
  );
  const all = ids.length > 0 && count === ids.length;
  return (
    <Checkbox
      aria-label={label}
      checked={all}
      indeterminate={count > 0 && !all}
      disabled={ids.length === 0}
      onChange={(e) => selection?.set(ids, e.target.checked)}
    />
  );
}
