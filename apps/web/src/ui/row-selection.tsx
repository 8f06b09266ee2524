import { createContext, useContext, useSyncExternalStore } from 'react';
import { Checkbox } from './checkbox.tsx';

/** A selectable row: its id and what the owner needs of it later (say, to list it in a dialog). */
export type SelectionEntry<T> = readonly [id: string, value: T];

/**
 * The selected rows of a list, kept outside React state: a click re-renders the one row and the
 * controls that show the selection, not the table (a 500-row page stays cheap to select on). Rows are
 * remembered with their values across pages, so a selection survives paging; "all matching" stands
 * for every row of the current filter, on every page, without the rows themselves.
 */
export class RowSelection<T = unknown> {
  private rows = new Map<string, T>();
  /** Every row of the filter, `total` of them, but those unticked since (`except`). */
  private matching: { total: number; except: Map<string, T> } | null = null;
  /** The selectable rows of the page on screen (for leaving "all matching" by unticking one). */
  private page: readonly SelectionEntry<T>[] = [];
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, so snapshots can tell that something changed. */
  version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  has(id: string): boolean {
    return this.matching ? !this.matching.except.has(id) : this.rows.has(id);
  }

  /** "All N matching" when every row of the filter is selected, but the `except` ones; else null. */
  get allMatching(): { total: number; except: T[] } | null {
    return this.matching && { total: this.matching.total, except: [...this.matching.except.values()] };
  }

  /** How many rows are selected (all matching ones included). */
  get size(): number {
    return this.matching ? Math.max(0, this.matching.total - this.matching.except.size) : this.rows.size;
  }

  /** The rows selected one by one, in the order they were selected (empty in "all matching"). */
  values(): T[] {
    return [...this.rows.values()];
  }

  /** True when every selectable row of the page on screen is selected (and it has some). */
  pageSelected(): boolean {
    return this.page.length > 0 && this.page.every(([id]) => this.has(id));
  }

  /** How many rows selected one by one are not on the page on screen. */
  offPageCount(): number {
    if (this.matching) return 0;
    const here = this.page.reduce((n, [id]) => (this.rows.has(id) ? n + 1 : n), 0);
    return this.rows.size - here;
  }

  /** Tells the selection which rows the page on screen offers. */
  setPage(entries: readonly SelectionEntry<T>[]): void {
    this.page = entries;
    if (this.size > 0) this.emit();
  }

  /**
   * Selects (`on`) or unselects the rows. While all matching rows are selected, unselected ones are
   * kept as exceptions ("all 276 but these 2").
   */
  set(entries: readonly SelectionEntry<T>[], on: boolean): void {
    let changed = false;
    for (const [id, value] of entries) {
      if (this.has(id) === on) continue;
      if (this.matching) {
        if (on) this.matching.except.delete(id);
        else this.matching.except.set(id, value);
      } else if (on) this.rows.set(id, value);
      else this.rows.delete(id);
      changed = true;
    }
    if (changed) this.emit();
  }

  /** Selects every row of the current filter, `total` of them, on every page. */
  selectAllMatching(total: number): void {
    this.matching = { total, except: new Map() };
    this.rows = new Map();
    this.emit();
  }

  clear(): void {
    if (this.rows.size === 0 && this.matching === null) return;
    this.rows = new Map();
    this.matching = null;
    this.emit();
  }

  private emit(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: rows of any type share the one context
const SelectionContext = createContext<RowSelection<any> | null>(null);

/** Makes a selection available to the table's rows and checkboxes. */
export const RowSelectionProvider = SelectionContext.Provider;

const noSubscription = () => () => {};

/** True while the row is selected; re-renders only when that changes. */
export function useRowSelected(id: string): boolean {
  const selection = useContext(SelectionContext);
  return useSyncExternalStore(selection?.subscribe ?? noSubscription, () => selection?.has(id) ?? false);
}

/** The selection's version: re-renders the caller on every selection change. */
export function useSelectionVersion(selection: RowSelection<unknown>): number {
  return useSyncExternalStore(selection.subscribe, () => selection.version);
}

/** A row's checkbox; `value` is what the selection keeps of the row. */
export function SelectRowCheckbox<T>({ id, value, label }: { id: string; value: T; label: string }) {
  const selection = useContext(SelectionContext);
  const checked = useRowSelected(id);
  return (
    <Checkbox
      aria-label={label}
      checked={checked}
      onChange={(e) => selection?.set([[id, value]], e.target.checked)}
    />
  );
}

/** The header checkbox: all, some (indeterminate) or none of the page's rows selected; disabled without rows. */
export function SelectAllCheckbox<T>({
  entries,
  label,
}: {
  entries: readonly SelectionEntry<T>[];
  label: string;
}) {
  const selection = useContext(SelectionContext);
  // Nothing selected (every page's first draw) answers without walking the page's rows.
  const count = useSyncExternalStore(selection?.subscribe ?? noSubscription, () =>
    selection && selection.size > 0 ? entries.reduce((n, [id]) => (selection.has(id) ? n + 1 : n), 0) : 0,
  );
  const all = entries.length > 0 && count === entries.length;
  return (
    <Checkbox
      aria-label={label}
      checked={all}
      indeterminate={count > 0 && !all}
      disabled={entries.length === 0}
      onChange={(e) => selection?.set(entries, e.target.checked)}
    />
  );
}
