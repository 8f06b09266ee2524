/** The emulator's clock: real time plus an offset moved forward by `POST /__emulator/clock`. */
export class Clock {
  #offsetMs = 0;

  /** Current emulated time in Unix milliseconds. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}
