import type { Page } from './read-pages.ts';

// Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; names and addresses need it.
const BOM = '\uFEFF';

export interface ExportStreamOptions<T> {
  /** The first page, read before the answer started (so its failures are ordinary error answers). */
  first: Page<T>;
  /** The pages after it. */
  rest: AsyncGenerator<Page<T>>;
  csv: { header: string; lines: (rows: readonly T[]) => string };
  /** Stops the reader's waits when the download is abandoned. */
  abort: AbortController;
  /** Called once: the rows sent, and the error that cut the export short, if one did. */
  onEnd: (rows: number, error?: unknown) => void;
}

/**
 * The CSV as a byte stream that reads the next page only when the last one has been taken by the
 * client (pull), so at most a page or two of the export is in memory at a time. A failure after the
 * first page errors the stream: the client sees the download break, never a short file that looks
 * complete.
 */
export function exportStream<T>(o: ExportStreamOptions<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let rows = o.first.rows.length;
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    o.onEnd(rows, error);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + o.csv.header + o.csv.lines(o.first.rows)));
    },
    async pull(controller) {
      try {
        // Pages whose rows were all exported already add nothing: read on until one does.
        for (;;) {
          const next = await o.rest.next();
          if (next.done) {
            controller.close();
            end();
            return;
          }
          if (next.value.rows.length === 0) continue;
          rows += next.value.rows.length;
          controller.enqueue(encoder.encode(o.csv.lines(next.value.rows)));
          return;
        }
      } catch (error) {
        controller.error(error);
        end(error);
      }
    },
    async cancel(reason) {
      o.abort.abort(reason);
      await o.rest.return(undefined);
      end(new Error('the client stopped the download'));
    },
  });
}
