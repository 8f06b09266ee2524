/**
 * The api as `pnpm start` runs it (src/server.ts), plus an IPC channel the load script uses to read
 * memory and force a GC. Load-test only: nothing is exposed over HTTP. Run with `--expose-gc`.
 */

interface MemoryReport {
  rss_mb: number;
  heap_used_mb: number;
  heap_total_mb: number;
  external_mb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function memory(): MemoryReport {
  const m = process.memoryUsage();
  return {
    rss_mb: mb(m.rss),
    heap_used_mb: mb(m.heapUsed),
    heap_total_mb: mb(m.heapTotal),
    external_mb: mb(m.external),
  };
}

process.on('message', (message: unknown) => {
  if (message === 'memory') process.send?.({ type: 'memory', memory: memory() });
  if (message === 'gc') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    process.send?.({ type: 'memory', memory: memory() });
  }
});

await import('../src/server.ts');
