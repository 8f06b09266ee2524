import { z } from 'zod';

export const FAULT_ACTIONS = ['status', 'delay', 'reset', 'commit_then_drop', 'non_json'] as const;

/** Body of `POST /__emulator/faults` (an emulator control, not a Clerk shape). */
export const FaultRequest = z.strictObject({
  method: z
    .string()
    .regex(/^([A-Za-z]+|\*)$/)
    .default('*')
    .transform((m) => m.toUpperCase()),
  path: z.string().startsWith('/').max(500),
  count: z.number().int().min(1).max(1_000_000).default(1),
  action: z.enum(FAULT_ACTIONS),
  status: z.number().int().min(400).max(599).optional(),
  retry_after: z.number().int().min(0).max(86_400).optional(),
  delay_ms: z.number().int().min(0).max(120_000).default(0),
});
export type FaultRequest = z.output<typeof FaultRequest>;

export interface Fault extends FaultRequest {
  id: string;
  remaining: number;
}

function segments(path: string): string[] {
  return path.replace(/\/+$/, '').split('/');
}

/** True when `path` matches `pattern`: `*` matches one segment, a final `**` any remaining ones. */
export function pathMatches(pattern: string, path: string): boolean {
  const want = segments(pattern);
  const got = segments(path);
  for (let i = 0; i < want.length; i++) {
    const part = want[i];
    if (part === '**' && i === want.length - 1) return true;
    if (i >= got.length || (part !== '*' && part !== got[i])) return false;
  }
  return want.length === got.length;
}

/** Faults waiting for matching requests; each answers the next `count` matches, oldest rule first. */
export class FaultRegistry {
  #faults: Fault[] = [];
  #next = 1;

  add(request: FaultRequest): Fault {
    const fault = { ...request, id: `fault_${this.#next++}`, remaining: request.count };
    this.#faults.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault matching the request, if any. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.#faults.find(
      (f) => (f.method === '*' || f.method === method.toUpperCase()) && pathMatches(f.path, path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.#faults = [];
  }
}
