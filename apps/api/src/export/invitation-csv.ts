import type {
  OrganizationInvitation,
  OrganizationInvitationWithPublicOrganizationData,
} from '@invites/clerk-schema';
import { csvCell } from '../bulk/results-csv.ts';

/**
 * The columns of an invitations export: the table's own (Email, Organization on the staff list, Role,
 * Status, Inviter, Created, Expires), then what the table leaves out: ids, the role key, the inviter's
 * address, the last change and the metadata. Private metadata only for staff. Times are ISO 8601 UTC.
 */

/** A row of either list: the staff list's rows also name their organization. */
export type ExportedInvitation = OrganizationInvitation &
  Partial<Pick<OrganizationInvitationWithPublicOrganizationData, 'public_organization_data'>>;
type Invitation = ExportedInvitation;

interface Column {
  header: string;
  value: (invitation: Invitation) => string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const json = (value: Record<string, unknown> | undefined) => JSON.stringify(value ?? {});

function inviterName(invitation: Invitation): string | null {
  const inviter = invitation.public_inviter_data;
  if (!inviter) return null;
  const name = [inviter.first_name, inviter.last_name].filter(Boolean).join(' ');
  return name || inviter.identifier;
}

const EMAIL: Column = { header: 'Email', value: (i) => i.email_address };
const ORGANIZATION: Column = {
  header: 'Organization',
  value: (i) => i.public_organization_data?.name ?? null,
};
const TABLE_REST: Column[] = [
  { header: 'Role', value: (i) => i.role_name || i.role },
  { header: 'Status', value: (i) => i.status },
  { header: 'Inviter', value: inviterName },
  { header: 'Created', value: (i) => iso(i.created_at) },
  { header: 'Expires', value: (i) => iso(i.expires_at) },
];
const MORE: Column[] = [
  { header: 'Invitation ID', value: (i) => i.id },
  { header: 'Organization ID', value: (i) => i.organization_id },
  { header: 'Role key', value: (i) => i.role },
  { header: 'Inviter email', value: (i) => i.public_inviter_data?.identifier ?? null },
  { header: 'Inviter ID', value: (i) => i.inviter_id },
  { header: 'Updated', value: (i) => iso(i.updated_at) },
  { header: 'Public metadata', value: (i) => json(i.public_metadata) },
];
const PRIVATE_METADATA: Column = { header: 'Private metadata', value: (i) => json(i.private_metadata) };

export interface InvitationCsv {
  /** The header line, CRLF-terminated. */
  header: string;
  /** The rows as CSV lines, each CRLF-terminated. */
  lines: (invitations: readonly Invitation[]) => string;
}

/** The export's columns for a list (`instance`: the staff list, with Organization) and a viewer. */
export function invitationCsv(
  list: 'organization' | 'instance',
  viewer: { isStaff: boolean },
): InvitationCsv {
  const columns = [
    EMAIL,
    ...(list === 'instance' ? [ORGANIZATION] : []),
    ...TABLE_REST,
    ...MORE,
    ...(viewer.isStaff ? [PRIVATE_METADATA] : []),
  ];
  return {
    header: `${columns.map((c) => csvCell(c.header)).join(',')}\r\n`,
    lines: (invitations) => {
      let out = '';
      for (const invitation of invitations) {
        out += `${columns.map((c) => csvCell(c.value(invitation))).join(',')}\r\n`;
      }
      return out;
    },
  };
}
