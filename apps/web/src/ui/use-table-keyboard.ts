import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useLayoutEffect,
  useRef,
} from 'react';
import { useShortcut } from './shortcuts.ts';
import type { RowWindow } from './use-row-window.ts';

// A row's controls: what a person can act on in it (its links, buttons, checkbox).
const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled])';

const rowOf = (box: HTMLElement, index: number) =>
  box.querySelector<HTMLElement>(`tbody > tr[data-index="${index}"]`);

/** A row's controls, leaving out those of a dialog opened from the row. */
function controlsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => !el.closest('dialog'));
}

interface Active {
  /** The row's position in the table (not only among the drawn rows). */
  index: number;
  /** Which of the row's controls. */
  control: number;
}

export interface TableKeyboard {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * The table's body is one Tab stop (a roving tabindex): Tab reaches the active row's control and then
 * leaves the table. ↑/↓ (and j/k from anywhere on the page) move between rows, ←/→ between a row's
 * controls, Home/End to its first and last, Ctrl+Home/End to the first and last row, Page Up/Down
 * by a screenful; x ticks the active row's checkbox. Rows left out of a windowed table are scrolled
 * in before they take focus. The table keeps its table role, so screen readers keep their table
 * commands for a table that is mostly text.
 */
export function useTableKeyboard(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  view: RowWindow,
  enabled: boolean,
): TableKeyboard {
  const active = useRef<Active>({ index: 0, control: 0 });
  const pending = useRef<Active | null>(null);

  // Exactly one control of the drawn rows is tabbable: the active one, or the first row's when the
  // active row is scrolled out of the window.
  const syncTabStops = useCallback(() => {
    const box = scrollRef.current;
    if (!box) return;
    const target = rowOf(box, active.current.index) ?? box.querySelector('tbody > tr[data-index]');
    for (const row of box.querySelectorAll('tbody > tr[data-index]')) {
      const controls = controlsOf(row);
      const chosen = row === target ? Math.min(active.current.control, controls.length - 1) : -1;
      controls.forEach((el, i) => {
        el.tabIndex = i === chosen ? 0 : -1;
      });
    }
  }, [scrollRef]);

  const focusControl = useCallback(
    (row: HTMLElement, control: number) => {
      const controls = controlsOf(row);
      const el = controls[Math.max(0, Math.min(control, controls.length - 1))];
      if (!el) return;
      active.current = { index: Number(row.dataset.index), control: controls.indexOf(el) };
      syncTabStops();
      el.focus();
    },
    [syncTabStops],
  );

  const moveTo = useCallback(
    (index: number, control: number) => {
      const box = scrollRef.current;
      if (!box || count === 0) return;
      const target = Math.max(0, Math.min(index, count - 1));
      const row = rowOf(box, target);
      // A drawn row scrolls itself into view as it takes focus; one left out of the window is
      // scrolled to, drawn, and then focused (the effect below).
      if (row) focusControl(row, control);
      else {
        pending.current = { index: target, control };
        view.scrollToRow(target);
      }
    },
    [scrollRef, count, view, focusControl],
  );

  // After each render: tab stops for the rows now drawn, and focus for a row that was just drawn.
  useLayoutEffect(() => {
    if (!enabled) return;
    const box = scrollRef.current;
    const wanted = pending.current;
    const row = box && wanted ? rowOf(box, wanted.index) : null;
    if (row && wanted) {
      pending.current = null;
      focusControl(row, wanted.control);
    } else syncTabStops();
  });

  const inTable = () => scrollRef.current?.contains(document.activeElement) ?? false;
  const step = (by: number) => () =>
    moveTo(inTable() ? active.current.index + by : active.current.index, active.current.control);
  useShortcut(enabled ? { key: 'j', description: 'Next row', run: step(1) } : null);
  useShortcut(enabled ? { key: 'k', description: 'Previous row', run: step(-1) } : null);
  useShortcut(
    enabled
      ? {
          key: 'x',
          description: 'Select or unselect the row',
          run: () => {
            const box = scrollRef.current;
            const row = box && rowOf(box, active.current.index);
            row?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
          },
        }
      : null,
  );
  useShortcut(enabled ? { key: '↑ ↓', description: 'Move between rows (in the table)' } : null);
  useShortcut(enabled ? { key: '← →', description: "Move between a row's actions" } : null);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!enabled || event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tbody > tr[data-index]');
    if (!row || target.closest('dialog')) return;
    const index = Number(row.dataset.index);
    const controls = controlsOf(row);
    const at = Math.max(0, controls.indexOf(target));
    const screenful = Math.max(1, view.end - view.start - 16);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1, at),
      ArrowUp: () => moveTo(index - 1, at),
      ArrowRight: () => focusControl(row, Math.min(at + 1, controls.length - 1)),
      ArrowLeft: () => focusControl(row, Math.max(at - 1, 0)),
      Home: () => (event.ctrlKey ? moveTo(0, at) : focusControl(row, 0)),
      End: () => (event.ctrlKey ? moveTo(count - 1, at) : focusControl(row, controls.length - 1)),
      PageDown: () => moveTo(index + screenful, at),
      PageUp: () => moveTo(index - screenful, at),
    };
    const move = moves[event.key];
    if (!move || (event.ctrlKey && event.key !== 'Home' && event.key !== 'End')) return;
    event.preventDefault();
    move();
  };

  // A click or a Tab into a row makes that control the active one.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    if (!enabled) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tbody > tr[data-index]');
    if (!row || target.closest('dialog')) return;
    active.current = {
      index: Number(row.dataset.index),
      control: Math.max(0, controlsOf(row).indexOf(target)),
    };
    syncTabStops();
  };

  return { onKeyDown, onFocus };
}
