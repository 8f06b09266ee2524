import { type RefObject, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { whenIdle } from './when-idle.ts';

/** Rows drawn above and below the visible ones, so a fast scroll rarely shows a gap. */
const OVERSCAN = 8;
/** Body row height until a drawn row has been seen: a desktop row (data-table.css); a phone's card corrects it. */
const ESTIMATED_ROW_PX = 47;
/** The scroll box's height until it has been seen, when there is no window to go by. */
const FALLBACK_VIEW_PX = 900;

export interface RowWindow {
  /** First and one-past-last row index to render. */
  start: number;
  end: number;
  /** Height of the rows left out above and below. */
  before: number;
  after: number;
  /** Height of one row. */
  rowPx: number;
}

interface View {
  top: number;
  height: number;
  rowPx: number;
}

const same = (a: View, b: View) => a.top === b.top && a.height === b.height && a.rowPx === b.rowPx;

/**
 * The slice of `count` equal-height rows that is visible in the scroll box `scrollRef`. Nothing is
 * measured while React commits: the box's height is taken from its `max-height` when it mounts (a
 * full page fills it), rows are assumed to be desktop rows, and ResizeObservers report the real box
 * and row heights once the browser has laid them out (before that frame paints), so drawing a page
 * never forces a synchronous layout. A new set of rows (`rows` changes) is first drawn without the
 * rows out of view; the margin that keeps scrolling smooth follows when the browser is idle, after
 * that frame has painted. `count` 0 turns windowing off.
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rows: unknown,
): RowWindow {
  const [view, setView] = useState<View>(() => ({
    top: 0,
    height: typeof window === 'undefined' ? FALLBACK_VIEW_PX : window.innerHeight,
    rowPx: ESTIMATED_ROW_PX,
  }));
  const [margined, setMargined] = useState<unknown>(null);
  const update = useCallback((patch: Partial<View>) => {
    setView((v) => {
      const next = { ...v, ...patch };
      return same(v, next) ? v : next;
    });
  }, []);

  // The box is mounted (with skeleton rows) before the rows arrive: its max-height, a style and not
  // a layout, is the best guess of how tall it will be.
  useLayoutEffect(() => {
    const box = scrollRef.current;
    const max = box ? Number.parseFloat(getComputedStyle(box).maxHeight) : Number.NaN;
    if (max > 0) update({ height: Math.min(max, window.innerHeight) });
  }, [scrollRef, update]);

  useEffect(() => {
    if (count === 0 || margined === rows) return;
    return whenIdle(() => setMargined(rows));
  }, [count, rows, margined]);

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box || count === 0) return;
    let frame = 0;
    const onScroll = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update({ top: box.scrollTop });
      });
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    if (typeof ResizeObserver === 'undefined') {
      return () => box.removeEventListener('scroll', onScroll);
    }
    // One drawn row stands for all (they have one height); a new row is watched when the box resizes
    // (a phone turned sideways switches between rows and cards).
    let watched: Element | null = null;
    const rows = new ResizeObserver((entries) => {
      const height = entries.at(-1)?.borderBoxSize[0]?.blockSize;
      if (height) update({ rowPx: height });
    });
    const watchRow = () => {
      const row = box.querySelector('tbody > tr[aria-rowindex]');
      if (row === watched) return;
      if (watched) rows.unobserve(watched);
      watched = row;
      if (row) rows.observe(row);
    };
    const boxes = new ResizeObserver((entries) => {
      const height = entries.at(-1)?.contentBoxSize[0]?.blockSize;
      if (height) update({ height });
      watchRow();
    });
    boxes.observe(box);
    watchRow();
    return () => {
      box.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      boxes.disconnect();
      rows.disconnect();
    };
  }, [scrollRef, count, update]);

  if (count === 0) return { start: 0, end: 0, before: 0, after: 0, rowPx: view.rowPx };
  const px = view.rowPx;
  const overscan = margined === rows ? OVERSCAN : 0;
  const start = Math.max(0, Math.floor(view.top / px) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / px) + overscan);
  return { start, end, before: start * px, after: (count - end) * px, rowPx: px };
}
