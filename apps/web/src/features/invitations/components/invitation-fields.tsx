import type { OrganizationInvitation } from '@invites/clerk-schema';
import { formatExactLocal, formatExactUtc, formatRelative } from '../../../lib/dates.ts';
import { fullName } from '../../../lib/format.ts';
import { CopyButton } from '../../../ui/copy-button.tsx';
import { StatusBadge } from './status-badge.tsx';

function When({ ms }: { ms: number | null }) {
  if (ms === null) return <>Never</>;
  // The viewer's own time, and UTC's beside it unless they are the same.
  const local = formatExactLocal(ms);
  const utc = formatExactUtc(ms);
  return (
    <span className="detail-when">
      <span>{formatRelative(ms)}</span>
      <time className="tabular" dateTime={new Date(ms).toISOString()}>
        {local}
      </time>
      {utc === local ? null : <span className="muted tabular">{utc}</span>}
    </span>
  );
}

/** Expiry only means something while the invitation can still be accepted (or just ran out). */
function Expires({ invitation }: { invitation: OrganizationInvitation }) {
  if (invitation.status === 'accepted' || invitation.status === 'revoked') {
    return <span className="muted">No longer applies: the invitation was {invitation.status}.</span>;
  }
  return <When ms={invitation.expires_at} />;
}

/** The accept link, to copy only while it works. */
function Url({ invitation }: { invitation: OrganizationInvitation }) {
  if (invitation.status !== 'pending') {
    const what = invitation.status === 'expired' ? 'expired' : `was ${invitation.status}`;
    return <span className="muted">The link no longer works: the invitation {what}.</span>;
  }
  if (!invitation.url) return <span className="muted">No link</span>;
  return (
    <>
      <code className="detail-url-text">{invitation.url}</code>
      <CopyButton value={invitation.url} label="Copy invitation link" />
    </>
  );
}

function Json({ value, label }: { value: Record<string, unknown> | undefined; label: string }) {
  if (!value || Object.keys(value).length === 0) return <span className="muted">None</span>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: long JSON scrolls; keyboard users must reach it
    <pre className="detail-json" tabIndex={0} title={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function InvitationFields({
  invitation,
  showPrivate,
}: {
  invitation: OrganizationInvitation;
  showPrivate: boolean;
}) {
  const inviter = invitation.public_inviter_data;
  return (
    <dl className="detail-list">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={invitation.status} />
      </dd>
      <dt>Role</dt>
      <dd>
        {invitation.role_name || invitation.role} <code className="muted">{invitation.role}</code>
      </dd>
      <dt>Inviter</dt>
      <dd>
        {inviter ? (
          <>
            {fullName(inviter, inviter.identifier)}
            {fullName(inviter) ? <span className="muted"> · {inviter.identifier}</span> : null}
          </>
        ) : (
          <span className="muted">Nobody (created without an inviter)</span>
        )}
      </dd>
      <dt>Created</dt>
      <dd>
        <When ms={invitation.created_at} />
      </dd>
      <dt>Updated</dt>
      <dd>
        <When ms={invitation.updated_at} />
      </dd>
      <dt>{invitation.status === 'expired' ? 'Expired' : 'Expires'}</dt>
      <dd>
        <Expires invitation={invitation} />
      </dd>
      <dt>Invitation ID</dt>
      <dd>
        <code>{invitation.id}</code>
      </dd>
      <dt>Organization ID</dt>
      <dd>
        <code>{invitation.organization_id}</code>
      </dd>
      <dt>URL</dt>
      <dd className="detail-url">
        <Url invitation={invitation} />
      </dd>
      <dt>Public metadata</dt>
      <dd>
        <Json value={invitation.public_metadata} label="Public metadata" />
      </dd>
      {showPrivate ? (
        <>
          <dt>Private metadata</dt>
          <dd>
            <Json value={invitation.private_metadata} label="Private metadata" />
          </dd>
        </>
      ) : null}
    </dl>
  );
}
