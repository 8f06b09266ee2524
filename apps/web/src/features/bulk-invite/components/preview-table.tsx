import type { Role } from '@invites/clerk-schema';
import { useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { CheckboxGroup } from '../../../ui/checkbox-group.tsx';
import { DataTable, dataTableFeatures } from '../../../ui/data-table.tsx';
import { Mail } from '../../../ui/page-icons.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { EmptyState } from '../../../ui/states.tsx';
import { type PreviewCounts, type PreviewRow, ROW_CLASSES, type RowClass } from '../utils/classify-rows.ts';
import { previewColumns } from './preview-columns.tsx';
import { rowClassLabel } from './row-class-badge.tsx';

// Only one page of the preview is in the DOM, so a 10,000-row paste paints as fast as a short one.
const PAGE_SIZES = [50, 100, 200, 500] as const;

interface PreviewTableProps {
  rows: PreviewRow[];
  counts: PreviewCounts;
  roles: Role[] | undefined;
  onRoleChange: (email: string, role: string) => void;
  onIncludeChange: (email: string, include: boolean) => void;
  /** The paste changed and the preview is catching up. */
  stale: boolean;
  /** The first line of a table whose email column the admin has yet to choose. */
  waitingLine?: number | undefined;
}

/** The preview table with its class filter and pages. */
export function PreviewTable({
  rows,
  counts,
  roles,
  onRoleChange,
  onIncludeChange,
  stale,
  waitingLine,
}: PreviewTableProps) {
  const [show, setShow] = useState<RowClass[]>([]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(50);
  const filtered = useMemo(
    () => (show.length === 0 ? rows : rows.filter((r) => show.includes(r.status))),
    [rows, show],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const current = Math.min(page, pages);
  const pageRows = useMemo(
    () => filtered.slice((current - 1) * pageSize, current * pageSize),
    [filtered, current, pageSize],
  );
  const columns = useMemo(
    () => previewColumns({ roles, onRoleChange, onIncludeChange }),
    [roles, onRoleChange, onIncludeChange],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: pageRows,
    getRowId: (row) => String(row.index),
  });
  const options = ROW_CLASSES.map((value) => ({
    value,
    label: `${rowClassLabel(value)} (${counts[value]})`,
  }));

  return (
    <div className="preview-table">
      <div className="bulk-toolbar">
        <CheckboxGroup
          legend="Show"
          options={options}
          value={show}
          onChange={(next) => {
            setShow(next);
            setPage(1);
          }}
        />
      </div>
      <div className="table-card">
        <DataTable
          table={table}
          label="Preview"
          state={stale ? 'stale' : 'ready'}
          fallback={
            rows.length === 0 && waitingLine !== undefined ? (
              <EmptyState
                level={3}
                icon={<Mail size={20} />}
                title="Choose the email column"
                description={`The table on line ${waitingLine} is read once you choose which column holds the addresses to invite.`}
              />
            ) : rows.length === 0 ? (
              <EmptyState
                level={3}
                icon={<Mail size={20} />}
                title="Nothing to preview yet"
                description="Paste addresses or upload a CSV; each row is checked here as you type."
              />
            ) : (
              <EmptyState
                level={3}
                title="No rows of these kinds"
                action={<Button onClick={() => setShow([])}>Show all rows</Button>}
              />
            )
          }
        />
        {filtered.length > PAGE_SIZES[0] ? (
          <Pagination
            page={current}
            pageSize={pageSize}
            pageSizes={PAGE_SIZES}
            total={filtered.length}
            onPageChange={setPage}
            onPageSizeChange={(size) => {
              setPageSize(size);
              setPage(1);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
