import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api-client.ts';
import { Button } from './button.tsx';
import { AlertCircle, Inbox, Lock, Refresh } from './icons.tsx';
import './states.css';

interface StateProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  /** Heading level of the title inside the page. */
  level?: 2 | 3;
}

/** A centred message with an icon, for empty, error and not-allowed states. */
export function StateMessage({ title, description, icon, action, tone = 'neutral', level = 2 }: StateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className={`state state-${tone}`}>
      <div className="state-icon">{icon ?? <Inbox size={20} />}</div>
      <Heading className="state-title">{title}</Heading>
      {description ? <p className="state-description">{description}</p> : null}
      {action ? <div className="state-action">{action}</div> : null}
    </div>
  );
}

/** Nothing to show (yet). */
export function EmptyState(props: Omit<StateProps, 'tone'>) {
  return <StateMessage {...props} />;
}

/** A failed load: Clerk's long_message, the trace id for support, and "Try again". */
export function ErrorState({
  error,
  onRetry,
  title = 'Something went wrong',
  retrying = false,
  level,
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: string;
  retrying?: boolean;
  level?: 2 | 3;
}) {
  if (error.status === 403)
    return <NotAllowedState description={error.longMessage} {...(level ? { level } : {})} />;
  const wait = error.retryAfter ? ` You can retry in ${error.retryAfter} s.` : '';
  return (
    <StateMessage
      tone="danger"
      icon={<AlertCircle size={20} />}
      title={title}
      {...(level ? { level } : {})}
      description={
        <>
          <span role="alert">
            {error.longMessage}
            {wait}
          </span>
          {error.traceId ? (
            <span className="state-trace">
              Trace ID <code>{error.traceId}</code>
            </span>
          ) : null}
        </>
      }
      action={
        onRetry ? (
          <Button onClick={onRetry} loading={retrying}>
            <Refresh size={14} />
            Try again
          </Button>
        ) : null
      }
    />
  );
}

/** The user may not see this resource (the api answered 403). */
export function NotAllowedState({
  title = "You're not allowed to see this",
  description,
  action,
  level,
}: {
  title?: string;
  description?: ReactNode;
  action?: ReactNode;
  level?: 2 | 3;
}) {
  return (
    <StateMessage
      icon={<Lock size={20} />}
      title={title}
      {...(level ? { level } : {})}
      description={description}
      action={action}
    />
  );
}
