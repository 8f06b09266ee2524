import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Rows drawn above and below the visible ones, so a fast scroll rarely shows a gap. */
const OVERSCAN = 8;
/** Body row height before the first one is measured (matches `contain-intrinsic-size`). */
const ESTIMATED_ROW_PX = 41;
/** Rows drawn before the scroll box has been measured. */
const INITIAL_ROWS = 24;

export interface RowWindow {
  /** First and one-past-last row index to render. */
  start: number;
  end: number;
  /** Height of the rows left out above and below. */
  before: number;
  after: number;
}

/**
 * The slice of `count` fixed-height rows that is visible in the scroll box `scrollRef`, updated on
 * scroll and resize (once per frame). `count` 0 turns windowing off.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number): RowWindow {
  const rowPx = useRef(ESTIMATED_ROW_PX);
  const [view, setView] = useState({ top: 0, height: INITIAL_ROWS * ESTIMATED_ROW_PX });

  useEffect(() => {
    const box = scrollRef.current;
    if (!box || count === 0) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setView((v) =>
        v.top === box.scrollTop && v.height === box.clientHeight
          ? v
          : { top: box.scrollTop, height: box.clientHeight },
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    box.addEventListener('scroll', schedule, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resize?.observe(box);
    return () => {
      box.removeEventListener('scroll', schedule);
      resize?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollRef, count]);

  // Measure a drawn row once; fixed-height rows make every other position arithmetic.
  const measured = useRef(false);
  useLayoutEffect(() => {
    if (count === 0 || measured.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>('tbody > tr[aria-rowindex]');
    const height = row?.getBoundingClientRect().height;
    if (!height) return;
    measured.current = true;
    if (Math.abs(height - rowPx.current) > 0.5) {
      rowPx.current = height;
      setView((v) => ({ ...v }));
    }
  });

  if (count === 0) return { start: 0, end: 0, before: 0, after: 0 };
  const px = rowPx.current;
  const start = Math.max(0, Math.floor(view.top / px) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / px) + OVERSCAN);
  return { start, end, before: start * px, after: (count - end) * px };
}
