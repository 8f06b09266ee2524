import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { NotAllowedState } from '../../ui/states.tsx';

/** A page the user may not see: why, and the way back to their organizations. */
export function NotAllowedPanel({ title, description }: { title: string; description: ReactNode }) {
  return (
    <div className="panel">
      <NotAllowedState
        title={title}
        description={description}
        action={
          <Link to="/orgs" className="btn">
            Back to your organizations
          </Link>
        }
      />
    </div>
  );
}
