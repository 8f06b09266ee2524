// Proxy-bench child: the api exactly as `pnpm start` runs it against a real Clerk (src/server.ts,
// production settings, JSON access log to stdout), pointed at the emulator child by the parent's
// environment (CLERK_API_URL, CLERK_SECRET_KEY, PORT). Only the CPU channel is added.
// BENCH_API_SERVER: another copy's server.ts (the BENCH_COMPARE baseline, see compare.ts).
import { pathToFileURL } from 'node:url';
import { answerCpuRequests } from './child-control.ts';

answerCpuRequests();
const server = process.env.BENCH_API_SERVER;
await import(server ? pathToFileURL(server).href : '../../src/server.ts');
