import type { ApiError } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { AlertCircle, Check, Refresh } from '../../../ui/icons.tsx';
import type { CheckState, PreviewCounts } from '../utils/classify-rows.ts';

interface PreviewSummaryProps {
  counts: PreviewCounts;
  checkState: CheckState;
  checkError: ApiError | null;
  /** How many addresses the live check is about. */
  checkedCount: number;
  onRetryCheck: () => void;
  includeMembers: boolean;
  onIncludeMembersChange: (include: boolean) => void;
  includePending: boolean;
  onIncludePendingChange: (include: boolean) => void;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the preview found, in a sentence; the live check's state; the include choices. */
export function PreviewSummary(props: PreviewSummaryProps) {
  const { counts, checkState } = props;
  const leftOut = counts.invalid + counts.duplicate;
  const skipped = counts.pending + counts.member - (counts.send - counts.ready);
  return (
    <div className="preview-summary">
      <p className="preview-sentence">
        <strong>{plural(counts.total, 'row', 'rows')}</strong>
        {counts.total > 0 ? (
          <>
            : {formatCount(counts.send)} will be sent
            {leftOut > 0 ? `, ${formatCount(leftOut)} left out (invalid or duplicate)` : ''}
            {skipped > 0 ? `, ${formatCount(skipped)} skipped (already pending or members)` : ''}.
          </>
        ) : (
          '.'
        )}
      </p>
      {props.checkedCount > 0 ? <CheckStatus {...props} /> : null}
      {checkState.status !== 'error' ? (
        <div className="include-options">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={props.includePending}
              onChange={(event) => props.onIncludePendingChange(event.target.checked)}
            />
            <span>
              Include rows that already have a pending invitation ({formatCount(counts.pending)}): they are
              re-issued, revoked and sent again
            </span>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={props.includeMembers}
              onChange={(event) => props.onIncludeMembersChange(event.target.checked)}
            />
            <span>Include rows that are already members ({formatCount(counts.member)})</span>
          </label>
        </div>
      ) : null}
    </div>
  );
}

function CheckStatus({ checkState, checkError, checkedCount, onRetryCheck }: PreviewSummaryProps) {
  if (checkState.status === 'error') {
    return (
      <div className="inline-alert" role="alert">
        <AlertCircle size={16} />
        <span>
          Couldn't check for pending invitations and members: {checkError?.longMessage ?? 'the check failed.'}{' '}
          You can still send; the job skips them.
        </span>
        <Button size="sm" onClick={onRetryCheck}>
          <Refresh size={14} />
          Check again
        </Button>
      </div>
    );
  }
  return (
    <p className="check-status" role="status">
      {checkState.status === 'checking' ? (
        <>
          <span className="spinner" aria-hidden="true" />
          Checking {plural(checkedCount, 'address', 'addresses')} against pending invitations and members…
        </>
      ) : (
        <>
          <Check size={14} />
          Checked against pending invitations and members.
        </>
      )}
    </p>
  );
}
