import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { TableKeyboard, TableShape } from './table-keyboard.ts';
import { whenIdle } from './when-idle.ts';

const load = () => import('./table-keyboard.ts');

export interface TableKeys {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * Keyboard rows for a table (table-keyboard.ts): loaded once the table has painted, or at once when
 * focus enters it, so its code is not part of drawing the page. Until then rows keep their controls'
 * own Tab stops.
 */
export function useTableKeyboard(
  scrollRef: RefObject<HTMLElement | null>,
  shape: Omit<TableShape, 'box'>,
  enabled: boolean,
): TableKeys {
  const keys = useRef<TableKeyboard | null>(null);
  const latest = useRef(shape);
  latest.current = shape;
  const [ready, setReady] = useState(false);
  const start = useRef(() => {
    void load().then(({ TableKeyboard }) => {
      keys.current ??= new TableKeyboard(() => ({ box: scrollRef.current, ...latest.current }));
      // Focus that entered the table while this loaded makes its row the active one.
      const focused = document.activeElement;
      if (focused && scrollRef.current?.contains(focused))
        keys.current.onFocus({ target: focused } as FocusEvent<HTMLElement>);
      setReady(true);
    });
  });

  useEffect(() => (enabled ? whenIdle(start.current) : undefined), [enabled]);
  useEffect(() => (enabled && ready ? keys.current?.addShortcuts() : undefined), [enabled, ready]);
  useLayoutEffect(() => {
    if (enabled) keys.current?.afterRender();
  });

  return {
    onKeyDown: (event) => {
      if (enabled) keys.current?.onKeyDown(event);
    },
    onFocus: (event) => {
      if (!enabled) return;
      if (keys.current) keys.current.onFocus(event);
      else start.current();
    },
  };
}
