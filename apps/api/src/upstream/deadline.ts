import { setMaxListeners } from 'node:events';

/**
 * Deadlines for upstream calls: `AbortSignal.timeout` signals, each shared by the calls that start
 * within one short step. Making a signal costs more CPU on Node 20 than the rest of a cached request's
 * upstream call (see docs/performance.md), so one per step instead of one per call. A call started in
 * a step is aborted between `timeoutMs` and `timeoutMs + step` after it started.
 */
export function sharedDeadlines(timeoutMs: number, now: () => number = performance.now.bind(performance)) {
  const stepMs = Math.max(1, Math.min(100, Math.round(timeoutMs / 20)));
  let signal: AbortSignal | null = null;
  let stepEnds = 0;
  return (): AbortSignal => {
    const t = now();
    if (signal === null || t >= stepEnds) {
      signal = AbortSignal.timeout(timeoutMs + stepMs);
      // Every call in flight from this step listens to it.
      setMaxListeners(0, signal);
      stepEnds = t + stepMs;
    }
    return signal;
  };
}
