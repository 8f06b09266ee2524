import type { OrganizationInvitationWithPublicOrganizationData as Invitation } from '@invites/clerk-schema';
import { normalizeEmail } from '@invites/clerk-schema/email-rules';
import type { ReactNode } from 'react';
import { CopyButton } from '../../../ui/copy-button.tsx';
import { usePerson } from '../api/get-person.ts';
import { usePersonActivity } from '../api/get-person-activity.ts';
import { usePersonInvitations } from '../api/get-person-invitations.ts';
import { usePersonMemberships } from '../api/get-person-memberships.ts';
import { personSummary } from '../utils/person-summary.ts';
import { PersonInvitations } from './person-invitations.tsx';
import { ActivityTable, EMPTY, MembershipTable, SectionBody, UserFacts } from './person-sections.tsx';
import './people.css';

interface PersonViewProps {
  email: string;
  /** Row actions of an invitation (resend, revoke). */
  invitationActions?: (invitation: Invitation) => ReactNode;
  describeAction: (action: string) => string;
}

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  const id = `person-${title.toLowerCase().replaceAll(/\W+/g, '-')}`;
  return (
    <section className="panel person-section" aria-labelledby={id}>
      <div className="person-section-head">
        <h2 id={id}>{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** One address on one page: the Clerk user, their memberships, every invitation, the activity. */
export function PersonView({ email: typed, invitationActions, describeAction }: PersonViewProps) {
  // Clerk keeps addresses trimmed and lower-cased, and looks them up so.
  const email = normalizeEmail(typed);
  const person = usePerson(email);
  const user = person.data;
  const memberships = usePersonMemberships(user?.id);
  const invitations = usePersonInvitations(email);
  const activity = usePersonActivity(email);
  const summary = personSummary({
    email,
    user,
    memberships: user === null ? [] : memberships.data?.data,
    invitations: invitations.data?.data,
    activity: activity.data,
  });
  const invitationCount = invitations.data?.total_count;
  return (
    <div className="person-view">
      <div className="person-head">
        <h2 className="person-email">{email}</h2>
        <CopyButton value={summary} label="Copy summary" />
      </div>
      <Section title="Clerk user">
        <SectionBody query={person} empty={user === null ? EMPTY.user : null}>
          {user ? <UserFacts user={user} /> : null}
        </SectionBody>
      </Section>
      <Section title="Organization memberships">
        {user === null ? (
          <p className="person-empty">{EMPTY.membershipsWithoutUser}</p>
        ) : (
          <SectionBody
            query={user === undefined ? person : memberships}
            empty={memberships.data?.data.length === 0 ? EMPTY.memberships : null}
          >
            <MembershipTable memberships={memberships.data?.data ?? []} />
          </SectionBody>
        )}
      </Section>
      <Section
        title="Invitations"
        extra={
          invitationCount ? (
            <span className="muted tabular">{invitationCount} across organizations</span>
          ) : null
        }
      >
        <SectionBody query={invitations} empty={invitationCount === 0 ? EMPTY.invitations : null}>
          <PersonInvitations invitations={invitations.data?.data ?? []} actions={invitationActions} />
        </SectionBody>
      </Section>
      <Section title="Activity">
        <SectionBody query={activity} empty={activity.data?.data.length === 0 ? EMPTY.activity : null}>
          <ActivityTable entries={activity.data?.data ?? []} describeAction={describeAction} />
        </SectionBody>
      </Section>
    </div>
  );
}
