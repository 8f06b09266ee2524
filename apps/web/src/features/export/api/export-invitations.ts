import { apiResponse } from '../../../lib/api-client.ts';
import { csvRowCounter } from '../utils/count-csv-rows.ts';

import type { ExportProgress, ExportRequest } from './export-request.ts';

/**
 * Downloads an invitations export as the server streams it, reporting the rows as they arrive. The
 * server reads Clerk page by page (within its rate limits), so a large export takes a while; the
 * file is only handed over once the stream ended cleanly, never cut short.
 */
export async function fetchInvitationsCsv(
  request: ExportRequest,
  options: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<{ blob: Blob; rows: number }> {
  const response = await apiResponse(request.path, {
    query: request.query,
    accept: 'text/csv',
    signal: options.signal,
  });
  const header = response.headers.get('x-total-count');
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const count = csvRowCounter();
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    lines += count(value);
    options.onProgress?.({ rows: Math.max(0, lines - 1), total });
  }
  return { blob: new Blob(chunks, { type: 'text/csv;charset=utf-8' }), rows: Math.max(0, lines - 1) };
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next turn; the URL is released after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
