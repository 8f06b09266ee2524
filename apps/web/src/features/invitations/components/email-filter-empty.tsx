import type { InvitationStatus } from '@invites/clerk-schema';
import { emailProblem } from '@invites/clerk-schema/email-rules';
import type { ReactNode } from 'react';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/states.tsx';
import { statusLabel } from './status-badge.tsx';

interface EmailFilterEmptyProps {
  /** The email filter as typed. */
  email: string;
  status: readonly InvitationStatus[];
  /** "Invite <address>", opening the invite form with the address filled in. */
  inviteAction?: ((email: string) => ReactNode) | undefined;
  onClearStatus: () => void;
  onClearFilters: () => void;
}

function statusWords(status: readonly InvitationStatus[]): string {
  const words = status.map((s) => statusLabel(s).toLowerCase());
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * An organization's list found nothing for its email filter, which Clerk matches against whole
 * addresses only: says so when the filter is part of an address, and offers to invite a full one.
 */
export function EmailFilterEmpty({
  email,
  status,
  inviteAction,
  onClearStatus,
  onClearFilters,
}: EmailFilterEmptyProps) {
  const address = email.trim();
  if (emailProblem(address) !== null) {
    return (
      <EmptyState
        level={3}
        title={`No invitation has the address “${address}”`}
        description="The email filter needs the full address: Clerk compares whole addresses (ignoring case), so part of one finds nothing. Type it in full, like name@example.com."
        action={<Button onClick={onClearFilters}>Clear filters</Button>}
      />
    );
  }
  const invite = inviteAction?.(address) ?? null;
  if (status.length > 0) {
    return (
      <EmptyState
        level={3}
        title={`No ${statusWords(status)} invitation for ${address}`}
        description="This address may have invitations with another status."
        action={
          <>
            <Button onClick={onClearStatus}>Show every status</Button>
            {invite}
          </>
        }
      />
    );
  }
  return (
    <EmptyState
      level={3}
      title={`No invitation for ${address}`}
      description="Nobody has invited this address to the organization yet."
      action={
        <>
          {invite}
          <Button onClick={onClearFilters}>Clear filters</Button>
        </>
      }
    />
  );
}
