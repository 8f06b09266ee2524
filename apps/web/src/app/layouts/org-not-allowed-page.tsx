import { NotAllowedPanel } from './not-allowed-panel.tsx';

/** An organization page the user may not open (403) or that does not exist (404). */
export function OrgNotAllowedPage({ heading, notFound }: { heading: string; notFound: boolean }) {
  return (
    <div className="page">
      <h1 className="visually-hidden">{heading}</h1>
      <NotAllowedPanel
        title={
          notFound
            ? "This organization doesn't exist, or you're not allowed to view it"
            : "You're not allowed to view this organization"
        }
        description="Only admins of this organization and support staff can see its invitations."
      />
    </div>
  );
}
