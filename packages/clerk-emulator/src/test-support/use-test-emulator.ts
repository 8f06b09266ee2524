import { afterAll, beforeAll, expect } from 'vitest';
import type { EmulatorOptions } from '../config.ts';
import { startTestEmulator, type TestEmulator } from './harness.ts';

/**
 * Starts an emulator for the test file (hands it to `started`, then runs `setUp`) and, after the
 * file's tests, checks that every response it recorded validated against the spec, then closes it.
 */
export function useTestEmulator(
  options: EmulatorOptions,
  started: (emu: TestEmulator) => void,
  setUp?: (emu: TestEmulator) => Promise<void>,
): void {
  let emu: TestEmulator | undefined;
  beforeAll(async () => {
    emu = await startTestEmulator(options);
    started(emu);
    await setUp?.(emu);
  });
  afterAll(async () => {
    if (!emu) return;
    expect(emu.recorder.problems).toEqual([]);
    await emu.close();
  });
}
