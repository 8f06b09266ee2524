import { type RefObject, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { whenIdle } from './when-idle.ts';

/** Rows drawn above and below the visible ones, so a fast scroll rarely shows a gap. */
const OVERSCAN = 8;
/** Body row height until a drawn row has been seen: a desktop row (data-table.css); a phone's card corrects it. */
const ESTIMATED_ROW_PX = 47;
/** The scroll box's height until it has been seen, when there is no window to go by. */
const FALLBACK_VIEW_PX = 900;
/** data-table.css's `max-height: max(320px, calc(100dvh - 330px))` for the scroll box. */
const BOX_MIN_PX = 320;
const BOX_VIEWPORT_OFFSET_PX = 330;

/**
 * How tall the scroll box will be, worked out from the viewport as its stylesheet does: reading its
 * computed style instead would make the browser compute the page's styles there and then, and the
 * box often mounts in the same commit as the rows. A full page fills the box; a ResizeObserver
 * reports the real height.
 */
function estimatedBoxHeight(): number {
  if (typeof window === 'undefined') return FALLBACK_VIEW_PX;
  const viewport = window.innerHeight;
  return Math.min(viewport, Math.max(BOX_MIN_PX, viewport - BOX_VIEWPORT_OFFSET_PX));
}

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
 * measured or read from styles while React commits: the box's height is worked out from the viewport
 * as its `max-height` is (a full page fills it), rows are assumed to be desktop rows, and
 * ResizeObservers report the real box and row heights once the browser has laid them out (before that
 * frame paints), so drawing a page never forces a synchronous style or layout. A new set of rows (`rows` changes) is first drawn without the
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
    height: estimatedBoxHeight(),
    rowPx: ESTIMATED_ROW_PX,
  }));
  const [margined, setMargined] = useState<unknown>(null);
  const update = useCallback((patch: Partial<View>) => {
    setView((v) => {
      const next = { ...v, ...patch };
      return same(v, next) ? v : next;
    });
  }, []);

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
