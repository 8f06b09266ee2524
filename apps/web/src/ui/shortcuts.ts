import { useEffect, useRef, useSyncExternalStore } from 'react';

/** A keyboard shortcut of the page: pressing `key` runs `run`; `?` lists every one registered. */
export interface Shortcut {
  /** `KeyboardEvent.key` that runs it ("j", "/", "?"); also how the list shows it. */
  key: string;
  description: string;
  /** Without `run` the entry only documents keys handled elsewhere (arrow keys in a table). */
  run?: (event: KeyboardEvent) => void;
}

interface Entry {
  shortcut: Shortcut;
}

const entries: Entry[] = [];
const listeners = new Set<() => void>();
let snapshot: readonly Shortcut[] = [];

function changed() {
  snapshot = entries.map((e) => e.shortcut);
  for (const listener of listeners) listener();
}

// Typing in a field, or a dialog being open, leaves keys alone.
const EDITABLE =
  'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"]), textarea, select, [contenteditable=""], [contenteditable="true"]';

function onKeyDown(event: KeyboardEvent) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(EDITABLE) || document.querySelector('dialog[open]')) return;
  // The latest registration of a key wins (a page's own over the layout's).
  for (let i = entries.length - 1; i >= 0; i--) {
    const { run, key } = (entries[i] as Entry).shortcut;
    if (key !== event.key || !run) continue;
    event.preventDefault();
    run(event);
    return;
  }
}

function register(entry: Entry): () => void {
  if (entries.length === 0) document.addEventListener('keydown', onKeyDown);
  entries.push(entry);
  changed();
  return () => {
    const index = entries.indexOf(entry);
    if (index >= 0) entries.splice(index, 1);
    if (entries.length === 0) document.removeEventListener('keydown', onKeyDown);
    changed();
  };
}

/** Registers a shortcut while the caller is mounted (and `shortcut` is not null). */
export function useShortcut(shortcut: Shortcut | null): void {
  const latest = useRef(shortcut);
  latest.current = shortcut;
  const key = shortcut?.key;
  const description = shortcut?.description;
  const runs = Boolean(shortcut?.run);
  useEffect(() => {
    if (key === undefined || description === undefined) return;
    return register({
      shortcut: {
        key,
        description,
        ...(runs ? { run: (event: KeyboardEvent) => latest.current?.run?.(event) } : {}),
      },
    });
  }, [key, description, runs]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Every shortcut registered now, in registration order. */
export function useShortcutList(): readonly Shortcut[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}
