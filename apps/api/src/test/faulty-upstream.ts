import type { BulkUpstream } from '../bulk/upstream.ts';
import type { FaultSpec, TestEmulator } from './emulator-harness.ts';

/** A small seeded PRNG (mulberry32) so a faulted run is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Wraps an upstream so that a share of bulk calls meets an emulator fault, queued just before the
 * call (the worker is the only client of the bulk endpoint, so the fault hits that very call).
 */
export function withInjectedFaults(
  upstream: BulkUpstream,
  emulator: TestEmulator,
  options: { share: number; faults: readonly FaultSpec[]; seed: number },
): BulkUpstream & { injected: FaultSpec[]; bulkCalls: number } {
  const random = seededRandom(options.seed);
  const injected: FaultSpec[] = [];
  const wrapped = {
    injected,
    bulkCalls: 0,
    async bulkCreate(org: string, items: Parameters<BulkUpstream['bulkCreate']>[1]) {
      wrapped.bulkCalls += 1;
      if (random() < options.share) {
        const fault = options.faults[Math.floor(random() * options.faults.length)]!;
        injected.push(fault);
        await emulator.injectFault(fault);
      }
      return upstream.bulkCreate(org, items);
    },
    createOne: upstream.createOne.bind(upstream),
    findPending: upstream.findPending.bind(upstream),
    getInvitation: upstream.getInvitation.bind(upstream),
    revoke: upstream.revoke.bind(upstream),
    findMembers: upstream.findMembers.bind(upstream),
  };
  return wrapped;
}
