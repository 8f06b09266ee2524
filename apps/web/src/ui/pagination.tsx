import { useId } from 'react';
import { formatRange, pageCount } from '../lib/format.ts';
import { Button } from './button.tsx';
import { ChevronLeft, ChevronRight } from './icons.tsx';
import './pagination.css';
import { TOAST_AVOID } from './toast.tsx';

interface PaginationProps {
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  /** Total matches; undefined while the first page loads. */
  total: number | undefined;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  busy?: boolean;
}

/** Server-side pagination: rows per page, "1–25 of 2,134", previous/next. */
export function Pagination({
  page,
  pageSize,
  pageSizes,
  total,
  onPageChange,
  onPageSizeChange,
  busy = false,
}: PaginationProps) {
  const selectId = useId();
  const pages = total === undefined ? page : pageCount(total, pageSize);
  return (
    <nav className="pagination" aria-label="Pagination" {...TOAST_AVOID}>
      <div className="pagination-size">
        <label htmlFor={selectId}>Rows per page</label>
        <select
          id={selectId}
          className="select"
          value={pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <p className="pagination-range tabular" aria-live="polite" aria-atomic="true">
        {total === undefined ? '\u00a0' : formatRange(page, pageSize, total)}
        {busy ? <span className="spinner pagination-spinner" aria-hidden="true" /> : null}
      </p>
      <div className="pagination-buttons">
        <Button size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
          <ChevronLeft size={14} />
          <span>Previous page</span>
        </Button>
        <Button
          size="sm"
          onClick={() => onPageChange(page + 1)}
          disabled={total === undefined || page >= pages}
        >
          <span>Next page</span>
          <ChevronRight size={14} />
        </Button>
      </div>
    </nav>
  );
}
