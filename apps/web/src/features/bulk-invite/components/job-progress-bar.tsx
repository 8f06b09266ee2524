import type { BulkJobCounts } from '@invites/clerk-schema';
import { formatCount } from '../../../lib/format.ts';

const SEGMENTS = ['invited', 'revoked', 'skipped', 'failed'] as const;

/** How far the job got: one bar, coloured by outcome, named "<kind> progress" ("Bulk invite progress"). */
export function JobProgressBar({ counts, name = 'Bulk invite' }: { counts: BulkJobCounts; name?: string }) {
  const done = counts.invited + (counts.revoked ?? 0) + counts.skipped + counts.failed;
  const total = done + counts.pending;
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return (
    <div className="job-progress">
      <div
        className="job-progress-track"
        role="progressbar"
        aria-label={`${name} progress`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)} rows processed (${percent}%)`}
      >
        {SEGMENTS.map((key) =>
          (counts[key] ?? 0) > 0 ? (
            <span
              key={key}
              className={`job-progress-segment is-${key}`}
              style={{ width: `${((counts[key] ?? 0) / Math.max(total, 1)) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <p className="job-progress-label tabular">
        {formatCount(done)} of {formatCount(total)} processed · {percent}%
      </p>
    </div>
  );
}
