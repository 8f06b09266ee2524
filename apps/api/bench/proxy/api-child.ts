// Proxy-bench child: the api exactly as `pnpm start` runs it against a real Clerk (src/server.ts,
// production settings, JSON access log to stdout), pointed at the emulator child by the parent's
// environment (CLERK_API_URL, CLERK_SECRET_KEY, PORT). Only the CPU channel is added.
import { answerCpuRequests } from './child-control.ts';

answerCpuRequests();
await import('../../src/server.ts');
