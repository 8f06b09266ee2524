import type {
  ActivityEntry,
  OrganizationInvitationWithPublicOrganizationData as Invitation,
  OrganizationMembership,
  User,
} from '@invites/clerk-schema';
import { UNKNOWN_ACTOR_ID } from '@invites/clerk-schema/enums';

/** What the lookup found; a section still loading or failed is `undefined`. */
export interface PersonFindings {
  email: string;
  user: User | null | undefined;
  memberships: OrganizationMembership[] | undefined;
  invitations: Invitation[] | undefined;
  activity: { data: ActivityEntry[]; total_count: number } | undefined;
}

/** Unambiguous in any ticket system: `2026-03-05 14:03 UTC`. */
export function ticketDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'never';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const name = (p: { first_name: string | null; last_name: string | null }) =>
  [p.first_name, p.last_name].filter(Boolean).join(' ');

/** The sentence each empty section shows, so the page and the summary say the same. */
export const EMPTY = {
  user: 'No Clerk user with this address: they have not signed up.',
  membershipsWithoutUser: 'No organization memberships: there is no user with this address.',
  memberships: 'Not a member of any organization.',
  invitations: 'No invitation was ever sent to this address.',
  activity: 'Nothing in the activity log about this address.',
} as const;

function userLine(user: User): string {
  const flags = [user.banned ? 'BANNED' : null, user.locked ? 'LOCKED' : null].filter(Boolean);
  return [
    `Clerk user: ${name(user) || '(no name)'} (${user.id})`,
    `signed up ${ticketDate(user.created_at)}`,
    `last sign-in ${ticketDate(user.last_sign_in_at)}`,
    flags.length > 0 ? flags.join(', ') : 'not banned or locked',
  ].join('; ');
}

/** A plain-text summary of the lookup for a support ticket (what has not loaded says so). */
export function personSummary(found: PersonFindings, now: number = Date.now()): string {
  const lines = [`Person lookup: ${found.email} (${ticketDate(now)})`, ''];
  const { user, memberships, invitations, activity } = found;
  lines.push(user === undefined ? 'Clerk user: not loaded.' : user === null ? EMPTY.user : userLine(user));

  if (user === null) lines.push(EMPTY.membershipsWithoutUser);
  else if (memberships === undefined) lines.push('Memberships: not loaded.');
  else if (memberships.length === 0) lines.push(EMPTY.memberships);
  else {
    lines.push(`Memberships (${memberships.length}):`);
    for (const m of memberships) {
      lines.push(
        `- ${m.organization.name} (${m.organization.id}): ${m.role_name ?? m.role}, since ${ticketDate(m.created_at)}`,
      );
    }
  }

  if (invitations === undefined) lines.push('Invitations: not loaded.');
  else if (invitations.length === 0) lines.push(EMPTY.invitations);
  else {
    lines.push(`Invitations (${invitations.length}):`);
    for (const i of invitations) {
      const inviter = i.public_inviter_data
        ? name(i.public_inviter_data) || i.public_inviter_data.identifier
        : 'nobody';
      lines.push(
        `- ${i.public_organization_data.name}: ${i.status}, ${i.role_name || i.role}, invited by ${inviter}, ` +
          `created ${ticketDate(i.created_at)}, expires ${ticketDate(i.expires_at)} (${i.id})`,
      );
    }
  }

  if (activity === undefined) lines.push('Activity: not loaded.');
  else if (activity.data.length === 0) lines.push(EMPTY.activity);
  else {
    const shown = activity.data.length < activity.total_count ? `, newest ${activity.data.length}` : '';
    lines.push(`Activity (${activity.total_count}${shown}):`);
    for (const e of activity.data) {
      const who = e.actor_id === UNKNOWN_ACTOR_ID ? 'someone unknown' : (e.actor_name ?? e.actor_id);
      const source = e.source === 'clerk' ? ' (reported by Clerk)' : '';
      lines.push(`- ${ticketDate(e.created_at)}: ${e.action} by ${who}${source}, ${e.outcome}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
