import { OrganizationsPage } from '../../features/organizations/components/organizations-page.tsx';

/** `/orgs`: the organizations the user manages. */
export function OrganizationsRoutePage() {
  return <OrganizationsPage />;
}
