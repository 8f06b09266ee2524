import { defineConfig } from 'vitest/config';

// The first spec check parses and compiles Clerk's OpenAPI documents (several MB of YAML): seconds
// on a busy machine, so tests get the time that takes.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 } });
