import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Download, X } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import type { ExportProgress, ExportRequest } from '../api/export-request.ts';
import './export-button.css';

const loadDownload = () => import('../api/export-invitations.ts');

interface ExportButtonProps {
  /** The list and its current filters: every matching row is exported, not just the page. */
  request: ExportRequest;
  fileName: string;
}

function progressText({ rows, total }: ExportProgress): string {
  if (total === null) return `${formatCount(rows)} rows`;
  return `${formatCount(Math.min(rows, total))} of ${formatCount(total)} rows`;
}

/**
 * "Export CSV": every invitation matching the list's filters, read from Clerk page by page by the
 * server, with progress (rows received of the list's count) and Cancel while it runs; the file is
 * saved once complete. A failure says how far it got and why; nothing partial is saved.
 */
export function ExportButton({ request, fileName }: ExportButtonProps) {
  const toast = useToast();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const exportRef = useRef<HTMLButtonElement>(null);
  const running = progress !== null;

  // Leaving the page stops a running export.
  useEffect(() => () => abortRef.current?.abort(), []);

  const start = async () => {
    const abort = new AbortController();
    abortRef.current = abort;
    let last: ExportProgress = { rows: 0, total: null };
    setProgress(last);
    try {
      const { fetchInvitationsCsv, saveFile } = await loadDownload();
      const { blob, rows } = await fetchInvitationsCsv(request, {
        signal: abort.signal,
        onProgress: (p) => {
          last = p;
          setProgress(p);
        },
      });
      saveFile(blob, fileName);
      toast({
        tone: 'success',
        title: `Exported ${formatCount(rows)} ${rows === 1 ? 'invitation' : 'invitations'}`,
        description: fileName,
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      const why = isApiError(error)
        ? error.longMessage
        : 'The connection broke before the export was complete. Try again.';
      toast({
        tone: 'error',
        title: last.rows > 0 ? `Export stopped after ${progressText(last)}` : "Couldn't export",
        description: `${why} Nothing was saved.`,
      });
    } finally {
      if (abortRef.current === abort) abortRef.current = null;
      setProgress(null);
    }
  };

  // Focus follows the control that replaces the one pressed (Export ⇄ Cancel).
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running && !wasRunning.current) cancelRef.current?.focus();
    if (!running && wasRunning.current && document.activeElement === document.body)
      exportRef.current?.focus();
    wasRunning.current = running;
  }, [running]);

  if (!running) {
    return (
      <Button
        ref={exportRef}
        onClick={() => void start()}
        onPointerEnter={() => void loadDownload()}
        onFocus={() => void loadDownload()}
      >
        <Download size={14} />
        Export CSV
      </Button>
    );
  }
  const percent = progress.total ? Math.min(100, Math.floor((progress.rows / progress.total) * 100)) : null;
  return (
    <div className="export-progress">
      <div className="export-progress-meter">
        <progress
          className="export-progress-bar"
          aria-label="Export progress"
          aria-valuetext={`${progressText(progress)}${percent === null ? '' : ` (${percent}%)`}`}
          max={progress.total ?? undefined}
          value={progress.total === null ? undefined : Math.min(progress.rows, progress.total)}
        />
        <span className="export-progress-text tabular" role="status">
          {progress.total === null && progress.rows === 0
            ? 'Exporting…'
            : `Exporting ${progressText(progress).replace(/ of (.*) rows$/, ' of $1')}`}
        </span>
      </div>
      <Button
        ref={cancelRef}
        size="icon"
        variant="ghost"
        aria-label="Cancel export"
        title="Cancel export"
        onClick={() => abortRef.current?.abort()}
      >
        <X size={14} />
      </Button>
    </div>
  );
}
