import type { OrganizationInvitationWithPublicOrganizationData as Invitation } from '@invites/clerk-schema';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { fullName } from '../../../lib/format.ts';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import '../../../ui/badge.css';

const STATUS = { pending: 'Pending', accepted: 'Accepted', revoked: 'Revoked', expired: 'Expired' } as const;

/** Every invitation to the address: status, organization, role, inviter, created, expires, actions. */
export function PersonInvitations({
  invitations,
  actions,
}: {
  invitations: Invitation[];
  actions?: ((invitation: Invitation) => ReactNode) | undefined;
}) {
  return (
    <table className="person-table">
      <thead>
        <tr>
          <th scope="col">Organization</th>
          <th scope="col">Status</th>
          <th scope="col">Role</th>
          <th scope="col">Inviter</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          {actions ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <th scope="row">
              <Link
                to="/orgs/$orgId/invitations/$invitationId"
                params={{ orgId: i.organization_id, invitationId: i.id }}
              >
                {i.public_organization_data.name}
              </Link>
            </th>
            <td>
              <span className={`badge badge-${i.status}`}>
                <span className="badge-dot" aria-hidden="true" />
                {STATUS[i.status]}
              </span>
            </td>
            <td>{i.role_name || i.role}</td>
            <td>
              {i.public_inviter_data ? (
                fullName(i.public_inviter_data, i.public_inviter_data.identifier)
              ) : (
                <span className="muted">Nobody</span>
              )}
            </td>
            <td>
              <RelativeTime ms={i.created_at} />
            </td>
            <td>
              {i.expires_at === null ? (
                <span className="muted">Never</span>
              ) : (
                <RelativeTime ms={i.expires_at} />
              )}
            </td>
            {actions ? <td className="person-actions">{actions(i)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
