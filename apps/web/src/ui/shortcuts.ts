import { useEffect, useRef } from 'react';

/** A keyboard shortcut of the page: pressing `key` runs `run`; `?` lists every one registered. */
export interface Shortcut {
  /** `KeyboardEvent.key` that runs it ("j", "/", "?"); also how the list shows it. */
  key: string;
  description: string;
  /** Without `run` the entry only documents keys handled elsewhere (arrow keys in a table). */
  run?: (event: KeyboardEvent) => void;
}

let shortcuts: readonly Shortcut[] = [];
const listeners = new Set<() => void>();

// Typing in a field, or a dialog being open, leaves keys alone. The latest registration of a key wins
// (a page's own over the layout's).
if (typeof document !== 'undefined')
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input:not([type=checkbox],[type=radio]),textarea,select,[contenteditable]')) return;
    if (document.querySelector('dialog[open]')) return;
    const shortcut = shortcuts.findLast((s) => s.key === event.key && s.run);
    if (!shortcut?.run) return;
    event.preventDefault();
    shortcut.run(event);
  });

/** Registers a shortcut outside React; returns the unregister. */
export function addShortcut(shortcut: Shortcut): () => void {
  const update = (next: readonly Shortcut[]) => {
    shortcuts = next;
    for (const listener of listeners) listener();
  };
  update([...shortcuts, shortcut]);
  return () => update(shortcuts.filter((s) => s !== shortcut));
}

/** Registers a shortcut while the caller is mounted (and `shortcut` is not null). */
export function useShortcut(shortcut: Shortcut | null): void {
  const latest = useRef(shortcut);
  latest.current = shortcut;
  const { key, description } = shortcut ?? {};
  useEffect(
    () =>
      key === undefined || description === undefined
        ? undefined
        : addShortcut({ key, description, run: (event) => latest.current?.run?.(event) }),
    [key, description],
  );
}

/** Every shortcut registered now, in registration order, and a way to hear of changes. */
export const shortcutList = {
  get: () => shortcuts,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
