import { type ClerkClient, createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import type { EmulatorOptions } from '../config.ts';
import { startEmulator } from '../emulator.ts';
import { SpecRecorder } from './spec-recorder.ts';

export interface TestEmulator {
  url: string;
  secretKey: string;
  clerk: ClerkClient;
  recorder: SpecRecorder;
  setWebhookEndpoint(endpoint: { url: string; secret: string } | null): void;
  /** Raw fetch to the emulator with the secret key and a JSON body. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** `api` and the parsed JSON body. */
  json<T = Record<string, unknown>>(
    path: string,
    init?: Parameters<TestEmulator['api']>[1],
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** Starts an in-memory emulator on a random port with a spec recorder and an official SDK client. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'off', ...options });
  const recorder = new SpecRecorder(emulator.url);
  recorder.install();
  const api: TestEmulator['api'] = (path, init = {}) =>
    fetch(`${emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${emulator.secretKey}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
  return {
    ...emulator,
    clerk: createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.url }),
    recorder,
    api,
    async json<T>(path: string, init?: Parameters<TestEmulator['api']>[1]) {
      const response = await api(path, init);
      return { status: response.status, body: (await response.json()) as T, headers: response.headers };
    },
    async close() {
      recorder.uninstall();
      await emulator.close();
    },
  };
}

/** The Clerk error an SDK call rejected with (fails the test if it resolved or threw something else). */
export async function sdkError(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (isClerkAPIResponseError(error)) {
      return {
        status: error.status,
        code: error.errors[0]?.code,
        errors: error.errors,
        retryAfter: error.retryAfter,
        traceId: error.clerkTraceId,
      };
    }
    throw error;
  }
  throw new Error('expected the call to fail with a ClerkAPIResponseError');
}
