import type { Clock } from '../clock.ts';

/** Sliding-window counters on the emulator clock; windows are divided by `timeScale`. */
export class RateLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly timeScale: number,
  ) {}

  /**
   * Records a hit for `key` unless `limit` hits already fall inside the window; returns 0 when
   * allowed, else the milliseconds until the oldest hit leaves the window.
   */
  take(key: string, limit: number, windowMs: number): number {
    const now = this.clock.now();
    const window = windowMs / this.timeScale;
    const hits = this.#hits.get(key) ?? [];
    let expired = 0;
    while (expired < hits.length && (hits[expired] ?? 0) <= now - window) expired++;
    if (expired > 0) hits.splice(0, expired);
    if (hits.length >= limit) return Math.max(1, (hits[0] ?? now) + window - now);
    hits.push(now);
    this.#hits.set(key, hits);
    return 0;
  }

  reset(): void {
    this.#hits.clear();
  }
}
