import { formatTime } from '../../../lib/dates.ts';

/** A wall-clock time in the viewer's zone and language: "2:05:10 PM", "14:05:10". */
export const formatClock = (ms: number): string => formatTime(ms);

/** The wait until `ms`, short: "in 40 s", "in 2 min", "in 1 h 5 min". */
export function formatWait(ms: number, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.ceil((ms - now) / 1000));
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `in ${hours} h` : `in ${hours} h ${rest} min`;
}

/** What a rate-limited job tells the user: "Clerk's rate limit was reached. Resuming at 14:05:10 (in 2 min)." */
export function rateLimitMessage(resumeAt: number | null, now: number = Date.now()): string {
  const reached = "Clerk's rate limit was reached.";
  if (resumeAt === null) return `${reached} Resuming shortly.`;
  if (resumeAt <= now) return `${reached} Resuming now.`;
  return `${reached} Resuming at ${formatClock(resumeAt)} (${formatWait(resumeAt, now)}).`;
}
