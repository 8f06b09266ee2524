/** Where log lines go by default, and the timestamp every line starts with. */

let isoSecond = Number.NaN;
let isoPrefix = '';

/** `new Date(ms).toISOString()`, with the part up to the second formatted once per second. */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    const iso = new Date(second * 1000).toISOString();
    // Outside years 0000-9999 the format differs (`+012345-…`); format those in full.
    if (iso.length !== 24) return new Date(ms).toISOString();
    isoSecond = second;
    isoPrefix = iso.slice(0, 20);
  }
  const millis = Math.floor(ms - second * 1000);
  return `${isoPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** Bytes of pending lines that make a write happen at once rather than at the end of the turn. */
const FLUSH_BYTES = 64 * 1024;

/**
 * Lines for stdout, written once per event-loop turn: the requests that finish in one turn share one
 * write system call instead of one each. Pending lines are written before the process exits
 * (`process.exit`, the end of the event loop, an uncaught exception), so none are lost.
 */
export class StdoutLines {
  private static instance: StdoutLines | undefined;
  private pending = '';
  private scheduled = false;

  /** The process-wide instance (one buffer, so lines from every logger keep their order). */
  static shared(): StdoutLines {
    if (!StdoutLines.instance) {
      const lines = new StdoutLines((chunk) => process.stdout.write(chunk));
      process.on('exit', lines.flush);
      StdoutLines.instance = lines;
    }
    return StdoutLines.instance;
  }

  constructor(private readonly out: (chunk: string) => void) {}

  readonly write = (line: string): void => {
    this.pending += `${line}\n`;
    if (this.pending.length >= FLUSH_BYTES) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  };

  readonly flush = (): void => {
    this.scheduled = false;
    if (this.pending === '') return;
    const chunk = this.pending;
    this.pending = '';
    this.out(chunk);
  };
}
