// The control channel of a proxy-bench child process (IPC, never HTTP, so it costs nothing
// inside a measured window): the parent asks for `process.cpuUsage()` before and after a phase.

export interface CpuSample {
  type: 'cpu';
  /** Microseconds of user + system CPU since the process started. */
  user: number;
  system: number;
}

export type ChildMessage = { type: 'ready'; url: string } | CpuSample;

/** Answers the parent's `cpu` requests for as long as the process lives. */
export function answerCpuRequests(): void {
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'cpu', user, system } satisfies CpuSample);
  });
  process.on('disconnect', () => process.exit(0));
}

/** Tells the parent the child listens at `url`. */
export function reportReady(url: string): void {
  process.send?.({ type: 'ready', url } satisfies ChildMessage);
}
