import type { BulkJob, BulkRowOutcome } from '@invites/clerk-schema';
import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { type BulkJobSearch, JOB_PAGE_SIZES, type SearchPatch } from '../../../lib/search-schemas.ts';
import { Button } from '../../../ui/button.tsx';
import { CheckboxGroup } from '../../../ui/checkbox-group.tsx';
import { DataTable, dataTableFeatures } from '../../../ui/data-table.tsx';
import { X } from '../../../ui/icons.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { EmptyState } from '../../../ui/states.tsx';
import { kindWords } from '../utils/job-kind.ts';
import { outcomeLabel } from '../utils/job-status.ts';
import { jobRowColumns } from './job-row-columns.tsx';

// As the counts read (what worked first, by the job's kind); the URL keeps the schema's order.
const DISPLAY_ORDER = ['skipped', 'failed', 'pending'] as const satisfies readonly BulkRowOutcome[];

interface JobRowsTableProps {
  job: BulkJob;
  search: BulkJobSearch;
  onSearchChange: (patch: SearchPatch<BulkJobSearch>) => void;
  roleName?: ((key: string) => string) | undefined;
}

/** The job's rows as they are sent: filter by outcome, page through; the filter and page live in the URL. */
export function JobRowsTable({ job, search, onSearchChange, roleName }: JobRowsTableProps) {
  const { outcome, pageSize } = search;
  const filtered = useMemo(
    () => (outcome.length === 0 ? job.rows : job.rows.filter((r) => outcome.includes(r.outcome))),
    [job.rows, outcome],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(search.page, pages);
  const data = useMemo(
    () => filtered.slice((page - 1) * pageSize, page * pageSize),
    [filtered, page, pageSize],
  );
  const columns = useMemo(() => jobRowColumns(roleName, job.kind), [roleName, job.kind]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row, index) => `${index}:${row.email_address}`,
  });
  const words = kindWords(job.kind);
  const options = [words.success, ...DISPLAY_ORDER].map((value) => ({
    value,
    label: `${value === words.success ? words.successLabel : outcomeLabel(value)} (${job.counts[value] ?? 0})`,
  }));
  const clear = () => onSearchChange({ outcome: undefined, page: undefined });
  return (
    <div className="job-rows">
      <div className="bulk-toolbar">
        <CheckboxGroup
          legend="Outcome"
          options={options}
          value={outcome}
          onChange={(next) => onSearchChange({ outcome: next, page: undefined })}
        />
        {outcome.length > 0 ? (
          <Button variant="ghost" size="sm" onClick={clear}>
            <X size={14} />
            Clear filters
          </Button>
        ) : null}
      </div>
      <div className="table-card">
        <DataTable
          table={table}
          label="Rows"
          state="ready"
          fallback={
            <EmptyState
              level={3}
              title="No rows with this outcome"
              action={<Button onClick={clear}>Show all rows</Button>}
            />
          }
        />
        <Pagination
          page={page}
          pageSize={pageSize}
          pageSizes={JOB_PAGE_SIZES}
          total={filtered.length}
          onPageChange={(next) => onSearchChange({ page: next > 1 ? next : undefined })}
          onPageSizeChange={(size) =>
            onSearchChange({ pageSize: size as BulkJobSearch['pageSize'], page: undefined })
          }
        />
      </div>
    </div>
  );
}
