/** `GET /api/bulk-invitations/:id/results.csv`: every row and its outcome, as a download link's target. */
export function bulkJobResultsUrl(jobId: string): string {
  return `/api/bulk-invitations/${encodeURIComponent(jobId)}/results.csv`;
}
