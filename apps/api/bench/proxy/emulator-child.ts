// Proxy-bench child: the Clerk emulator alone (demo seed, in memory, rate limits off).
import { startEmulator } from '@invites/clerk-emulator';
import { answerCpuRequests, reportReady } from './child-control.ts';

answerCpuRequests();
const emulator = await startEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'off' });
reportReady(emulator.url);
