import type { BulkJob } from '@invites/clerk-schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { BulkJobSearch, SearchPatch } from '../../../lib/search-schemas.ts';
import { Button } from '../../../ui/button.tsx';
import { Download, Refresh, X } from '../../../ui/icons.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { ErrorState, StateMessage } from '../../../ui/states.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCancelBulkJob } from '../api/cancel-bulk-job.ts';
import { useBulkJob } from '../api/get-bulk-job.ts';
import { bulkJobResultsUrl } from '../api/get-bulk-job-results.ts';
import { useRetryBulkJob } from '../api/retry-bulk-job.ts';
import { kindWords } from '../utils/job-kind.ts';
import { isJobFinished } from '../utils/job-status.ts';
import { JobProgressBar } from './job-progress-bar.tsx';
import { JobRowsTable } from './job-rows-table.tsx';
import { JobStatusBadge } from './outcome-badge.tsx';
import { RateLimitNotice } from './rate-limit-notice.tsx';
import './bulk-invite.css';

interface BulkJobViewProps {
  jobId: string;
  search: BulkJobSearch;
  onSearchChange: (patch: SearchPatch<BulkJobSearch>) => void;
  roleName?: ((key: string) => string) | undefined;
}

/** The counts a job of this kind shows: what worked (by the kind's name), skipped, failed, pending. */
function countsOf(job: BulkJob) {
  const words = kindWords(job.kind);
  return [
    [words.success, words.successLabel],
    ['skipped', 'Skipped'],
    ['failed', 'Failed'],
    ['pending', 'Pending'],
  ] as const;
}

/** A bulk invite job's live progress: bar, counts, rate-limit wait, rows; cancel, retry, download. */
export function BulkJobView({ jobId, search, onSearchChange, roleName }: BulkJobViewProps) {
  const query = useBulkJob(jobId);
  useFinishedEffects(query.data);
  if (query.data === undefined) {
    if (query.error?.status === 404)
      return (
        <div className="panel">
          <StateMessage
            title="This bulk invite doesn't exist"
            description="It may belong to another organization, or the link is wrong."
          />
        </div>
      );
    if (query.error)
      return (
        <div className="panel">
          <ErrorState
            error={query.error}
            title="Couldn't load this bulk invite"
            onRetry={() => query.refetch()}
            retrying={query.isFetching}
          />
        </div>
      );
    return (
      <div className="page-pending" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>Loading the bulk invite…</span>
      </div>
    );
  }
  return <JobDetails job={query.data} search={search} onSearchChange={onSearchChange} roleName={roleName} />;
}

/** When the job finishes: refresh the invitation lists and say how it went. */
function useFinishedEffects(job: BulkJob | undefined) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const previous = useRef(job?.status);
  useEffect(() => {
    const before = previous.current;
    previous.current = job?.status;
    if (!job || before === undefined || isJobFinished(before) || !isJobFinished(job.status)) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
    void queryClient.invalidateQueries({ queryKey: queryKeys.organizations });
    void queryClient.invalidateQueries({ queryKey: queryKeys.orgBulkJobs(job.organization_id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
    const { skipped, failed } = job.counts;
    const words = kindWords(job.kind);
    const worked = job.counts[words.success] ?? 0;
    toast({
      tone: failed > 0 ? 'error' : 'success',
      title: `${words.name} ${job.status === 'cancelled' ? 'cancelled' : 'finished'}`,
      description: `${formatCount(worked)} ${words.successLabel.toLowerCase()}, ${formatCount(skipped)} skipped, ${formatCount(failed)} failed.`,
    });
  }, [job, queryClient, toast]);
}

function JobDetails({
  job,
  search,
  onSearchChange,
  roleName,
}: Omit<BulkJobViewProps, 'jobId'> & { job: BulkJob }) {
  const cancel = useCancelBulkJob();
  const retry = useRetryBulkJob();
  const toast = useToast();
  const finished = isJobFinished(job.status);
  const onError = (title: string) => (error: { longMessage: string }) =>
    toast({ tone: 'error', title, description: error.longMessage });
  const total =
    job.counts.invited +
    (job.counts.revoked ?? 0) +
    job.counts.skipped +
    job.counts.failed +
    job.counts.pending;
  const words = kindWords(job.kind);
  return (
    <div className="job-view">
      <section className="panel job-summary" aria-label="Progress">
        <div className="job-summary-head">
          <p className="job-meta">
            <JobStatusBadge status={job.status} />
            <span>
              {formatCount(total)} {total === 1 ? 'row' : 'rows'} · started{' '}
              <RelativeTime ms={job.created_at} />
            </span>
          </p>
          <div className="job-actions">
            {!finished ? (
              <Button
                onClick={() => cancel.mutate(job.id, { onError: onError("Couldn't cancel the job") })}
                loading={cancel.isPending}
              >
                <X size={14} />
                Cancel
              </Button>
            ) : null}
            <Button
              onClick={() => retry.mutate(job.id, { onError: onError("Couldn't retry the failed rows") })}
              disabled={job.counts.failed === 0}
              loading={retry.isPending}
            >
              <Refresh size={14} />
              Retry failed
            </Button>
            <a className="btn" href={bulkJobResultsUrl(job.id)} download>
              <Download size={14} />
              Download results
            </a>
          </div>
        </div>
        <JobProgressBar counts={job.counts} name={words.name} />
        {job.status === 'waiting_rate_limit' ? <RateLimitNotice resumeAt={job.resume_at} /> : null}
        <dl className="job-counts">
          {countsOf(job).map(([key, label]) => (
            <div key={key} className={`job-count is-${key}`}>
              <dt>{label}</dt>
              <dd className="tabular">{formatCount(job.counts[key] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="job-rows-section" aria-labelledby="job-rows-heading">
        <h2 id="job-rows-heading">Rows</h2>
        <JobRowsTable job={job} search={search} onSearchChange={onSearchChange} roleName={roleName} />
      </section>
    </div>
  );
}
