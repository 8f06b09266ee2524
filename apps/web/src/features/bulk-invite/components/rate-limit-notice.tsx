import { useEffect, useState } from 'react';
import { Clock } from '../../../ui/page-icons.tsx';
import { formatClock, formatWait } from '../utils/format-wait.ts';

/** While Clerk's rate limit holds the job: when it resumes, with a countdown. */
export function RateLimitNotice({ resumeAt }: { resumeAt: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const waiting = resumeAt !== null && resumeAt > now;
  return (
    <p className="rate-limit-notice" role="status">
      <Clock size={16} />
      <span>
        Clerk's rate limit was reached.{' '}
        {resumeAt === null ? (
          'Resuming shortly.'
        ) : waiting ? (
          <>
            Resuming at {formatClock(resumeAt)}{' '}
            {/* The countdown changes every second: shown, not announced. */}
            <span aria-hidden="true">({formatWait(resumeAt, now)})</span>.
          </>
        ) : (
          'Resuming now.'
        )}
      </span>
    </p>
  );
}
