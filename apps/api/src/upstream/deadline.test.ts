import { describe, expect, it } from 'vitest';
import { sharedDeadlines } from './deadline.ts';

describe('shared upstream deadlines', () => {
  it('gives the calls of one step the same signal, and a new step a new one', () => {
    let now = 0;
    const deadline = sharedDeadlines(2_000, () => now);
    const first = deadline();
    now = 99;
    expect(deadline()).toBe(first);
    now = 100;
    expect(deadline()).not.toBe(first);
  });

  it('aborts with a TimeoutError no sooner than the timeout after the call started', async () => {
    const started = performance.now();
    const signal = sharedDeadlines(60)();
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('takes many listeners without a leak warning', async () => {
    const signal = sharedDeadlines(1_000)();
    const warnings: unknown[] = [];
    const onWarning = (w: unknown) => warnings.push(w);
    process.on('warning', onWarning);
    for (let i = 0; i < 50; i++) signal.addEventListener('abort', () => {});
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
  });
});
