import { type RefObject, useLayoutEffect } from 'react';

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Toasts sit this far from the viewport's bottom edge, and this far from what they avoid. */
const EDGE = 16;
const GAP = 8;

/**
 * How far above the viewport's bottom edge (px) the toast stack of `size` goes so that it covers
 * none of `avoid`: at its usual place when that is clear, else just above what it would cover, or
 * just below it when there is no room above.
 */
export function toastBottom(
  viewportHeight: number,
  size: { left: number; right: number; height: number },
  avoid: readonly Box[],
): number {
  let bottom = EDGE;
  for (const box of avoid) {
    const visible = box.bottom > 0 && box.top < viewportHeight && box.bottom > box.top;
    const beside = box.right <= size.left || box.left >= size.right;
    if (!visible || beside) continue;
    const top = viewportHeight - bottom - size.height;
    if (box.bottom <= top || box.top >= viewportHeight - bottom) continue;
    const above = viewportHeight - box.top + GAP;
    bottom = above + size.height <= viewportHeight ? above : viewportHeight - box.bottom - GAP - size.height;
  }
  return bottom;
}

/** Keeps the toast region clear of every `[data-toast-avoid]` element while toasts show. */
export function useToastPlacement(region: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const el = region.current;
    if (!el || !active) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const own = el.getBoundingClientRect();
      const avoid = [...document.querySelectorAll('[data-toast-avoid]')].map((a) =>
        a.getBoundingClientRect(),
      );
      el.style.setProperty('bottom', `${toastBottom(window.innerHeight, own, avoid)}px`);
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(place);
    };
    place();
    // Scrolling, resizing, and content that grows or shrinks (a table page loading) move the controls.
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    observer?.observe(document.body);
    observer?.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      observer?.disconnect();
    };
  }, [region, active]);
}
