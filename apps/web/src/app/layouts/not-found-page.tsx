import { Link } from '@tanstack/react-router';
import { StateMessage } from '../../ui/states.tsx';

/** No route matches the address. */
export function NotFoundPage() {
  return (
    <div className="page page-center">
      <div className="panel">
        <StateMessage
          title="Page not found"
          description="The address doesn't match any page of the console."
          action={
            <Link to="/orgs" className="btn">
              Go to organizations
            </Link>
          }
        />
      </div>
    </div>
  );
}
