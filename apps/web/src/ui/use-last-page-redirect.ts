import { useEffect, useRef } from 'react';
import { pageCount } from '../lib/format.ts';

/** The last page when `page` lies past it (a shrunk list, a hand-edited `page=999`), else null. */
export function pastEndLastPage(page: number, pageSize: number, total: number | undefined): number | null {
  if (total === undefined || total <= 0) return null;
  const last = pageCount(total, pageSize);
  return page > last ? last : null;
}

/**
 * Moves a list that landed past its end to its last page, in place of the address (Back does not
 * return to the empty page). Waits for the page's own answer: a previous page kept on screen while the
 * next one loads (`settled` false) may have counted differently.
 */
export function useLastPageRedirect(options: {
  page: number;
  pageSize: number;
  total: number | undefined;
  settled: boolean;
  goTo: (page: number, options: { replace: true }) => void;
}): number | null {
  const { page, pageSize, total, settled, goTo } = options;
  const last = settled ? pastEndLastPage(page, pageSize, total) : null;
  const goToRef = useRef(goTo);
  goToRef.current = goTo;
  useEffect(() => {
    if (last !== null) goToRef.current(last, { replace: true });
  }, [last]);
  return last;
}
