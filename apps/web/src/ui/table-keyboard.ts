import { addShortcut } from './shortcuts.ts';

// A row's controls: what a person can act on in it (its links, buttons, checkbox).
const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled])';
const ROWS = 'tbody > tr[data-index]';

/** A row's controls, leaving out those of a dialog opened from the row. */
function controlsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => !el.closest('dialog'));
}

/**
 * The table's body as one Tab stop (a roving tabindex): Tab reaches the active row's control and then
 * leaves the table. ↑/↓ (and j/k from anywhere on the page) move between rows, ←/→ between a row's
 * controls, Home/End to its first and last, Ctrl+Home/End to the first and last row, Page Up/Down by
 * a screenful; x ticks the active row's checkbox. A row left out of a windowed table is scrolled to,
 * drawn, then focused. The table keeps its table role, so screen readers keep their table commands
 * for a table that is mostly text. Works on the DOM the table renders (its rows carry `data-index`,
 * a windowed table says how many rows it has in `aria-rowcount`), so it can load after the table's
 * first paint (data-table.tsx) and follows each render through a MutationObserver.
 */
class TableKeyboard {
  /** The active row's position among all rows, and which of its controls. */
  private index = 0;
  private control = 0;
  private pending: { index: number; control: number } | null = null;
  /** The control last focused in the table, to notice a render taking it away while focused. */
  private focused: HTMLElement | null = null;

  constructor(private readonly box: HTMLElement) {}

  private rowAt(index: number): HTMLElement | null {
    return this.box.querySelector<HTMLElement>(`tbody > tr[data-index="${index}"]`);
  }

  /** Rows in the table, drawn or not. */
  private count(): number {
    const announced = Number(this.box.querySelector('table')?.getAttribute('aria-rowcount'));
    return announced > 1 ? announced - 1 : this.box.querySelectorAll(ROWS).length;
  }

  /**
   * Exactly one control of the drawn rows is tabbable: the active row's, or the first drawn row's that
   * has any. With none in any drawn row, the scroll box itself is the Tab stop (so it can be scrolled).
   */
  private syncTabStops(): void {
    const rows = [...this.box.querySelectorAll(ROWS)];
    const active = this.rowAt(this.index);
    const target =
      active && controlsOf(active).length > 0 ? active : rows.find((row) => controlsOf(row).length > 0);
    for (const row of rows) {
      const controls = controlsOf(row);
      const chosen = row === target ? Math.min(this.control, controls.length - 1) : -1;
      controls.forEach((el, i) => {
        el.tabIndex = i === chosen ? 0 : -1;
      });
    }
    if (target) this.box.removeAttribute('tabindex');
    else this.box.tabIndex = 0;
  }

  private focusControl(row: HTMLElement, control: number): void {
    const controls = controlsOf(row);
    const el = controls[Math.max(0, Math.min(control, controls.length - 1))];
    if (!el) return;
    this.index = Number(row.dataset.index);
    this.control = controls.indexOf(el);
    this.syncTabStops();
    el.focus();
  }

  /** Focuses a row's control; a row that is not drawn is scrolled to and focused once it is. */
  private moveTo(index: number, control: number): void {
    const target = Math.max(0, Math.min(index, this.count() - 1));
    const row = this.rowAt(target);
    if (row) {
      this.focusControl(row, control);
      return;
    }
    this.pending = { index: target, control };
    // The scroll handler of use-row-window.ts draws the rows now in view; then `afterRender`.
    const rowPx = this.box.querySelector<HTMLElement>(ROWS)?.offsetHeight ?? 47;
    const top = target * rowPx;
    const box = this.box;
    box.scrollTop = top < box.scrollTop ? top : top + 2 * rowPx - box.clientHeight;
  }

  /** After each render: tab stops for the rows now drawn, and focus for a row that was just drawn. */
  private afterRender(): void {
    // A render removed the focused control (a revoked row loses its Revoke button): focus stays on
    // the row, on the control now at its place, instead of falling to the page.
    const dropped = this.focused && !this.focused.isConnected;
    if (dropped && (document.activeElement === null || document.activeElement === document.body)) {
      this.focused = null;
      const row = this.rowAt(this.index);
      if (row && controlsOf(row).length > 0) {
        this.focusControl(row, this.control);
        return;
      }
    }
    const wanted = this.pending;
    const row = wanted && this.rowAt(wanted.index);
    if (row && wanted) {
      this.pending = null;
      this.focusControl(row, wanted.control);
    } else this.syncTabStops();
  }

  /** Starts: tab stops now and after every render, keys in the table, j/k/x on the page. */
  attach(): () => void {
    this.afterRender();
    const renders = new MutationObserver(() => this.afterRender());
    renders.observe(this.box, { childList: true, subtree: true });
    const keydown = (event: KeyboardEvent) => this.onKeyDown(event);
    const focusin = (event: FocusEvent) => this.onFocus(event);
    this.box.addEventListener('keydown', keydown);
    this.box.addEventListener('focusin', focusin);
    const inTable = () => this.box.contains(document.activeElement);
    const step = (by: number) => () => this.moveTo(inTable() ? this.index + by : this.index, this.control);
    const off = [
      addShortcut({ key: 'j', description: 'Next row', run: step(1) }),
      addShortcut({ key: 'k', description: 'Previous row', run: step(-1) }),
      addShortcut({
        key: 'x',
        description: 'Select or unselect the row',
        run: () => this.rowAt(this.index)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click(),
      }),
      addShortcut({ key: '↑ ↓', description: 'Move between rows (in the table)' }),
      addShortcut({ key: '← →', description: "Move between a row's actions" }),
    ];
    return () => {
      for (const unregister of off) unregister();
      renders.disconnect();
      this.box.removeEventListener('keydown', keydown);
      this.box.removeEventListener('focusin', focusin);
    };
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>(ROWS);
    if (!row || target.closest('dialog')) return;
    const index = Number(row.dataset.index);
    const last = controlsOf(row).length - 1;
    const at = Math.max(0, controlsOf(row).indexOf(target));
    const screenful = Math.max(1, Math.floor(this.box.clientHeight / row.offsetHeight) - 1);
    const ctrl = event.ctrlKey;
    const moves: Record<string, () => void> = {
      ArrowDown: () => this.moveTo(index + 1, at),
      ArrowUp: () => this.moveTo(index - 1, at),
      ArrowRight: () => this.focusControl(row, Math.min(at + 1, last)),
      ArrowLeft: () => this.focusControl(row, Math.max(at - 1, 0)),
      Home: () => (ctrl ? this.moveTo(0, at) : this.focusControl(row, 0)),
      End: () => (ctrl ? this.moveTo(this.count() - 1, at) : this.focusControl(row, last)),
      PageDown: () => this.moveTo(index + screenful, at),
      PageUp: () => this.moveTo(index - screenful, at),
    };
    const move = moves[event.key];
    if (!move || (ctrl && event.key !== 'Home' && event.key !== 'End')) return;
    event.preventDefault();
    move();
  }

  /** A click or a Tab into a row makes that control the active one. */
  private onFocus(event: FocusEvent): void {
    this.onFocusOf(event.target as HTMLElement);
  }

  onFocusOf(target: HTMLElement): void {
    const row = target.closest<HTMLElement>(ROWS);
    if (!row || target.closest('dialog')) return;
    this.index = Number(row.dataset.index);
    this.control = Math.max(0, controlsOf(row).indexOf(target));
    this.focused = target;
    this.syncTabStops();
  }
}

/** Keyboard rows for the table in `box`; returns the stop. */
export function attachTableKeyboard(box: HTMLElement): () => void {
  const keys = new TableKeyboard(box);
  // Focus that entered the table before this loaded makes its row the active one.
  if (document.activeElement && box.contains(document.activeElement))
    keys.onFocusOf(document.activeElement as HTMLElement);
  return keys.attach();
}
