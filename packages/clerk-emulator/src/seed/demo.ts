import type { Db } from '../db/database.ts';
import { demoPasswordDigest } from '../services/password.ts';
import { insertInvitation } from '../store/invitations.ts';
import { insertMembership } from '../store/memberships.ts';
import { insertOrganization } from '../store/organizations.ts';
import { insertUser } from '../store/users.ts';
import {
  DEMO_MEMBERS,
  DEMO_MEMBERSHIPS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrgKey,
} from './demo-data.ts';
import { demoInvitations } from './demo-invitations.ts';
import { fixedId } from './fixed-id.ts';

const DAY_MS = 86_400_000;

/** Writes the demo organizations, users, memberships and invitations (IDs stable across runs). */
export function seedDemo(db: Db, now: number): void {
  const people = [...DEMO_USERS, ...DEMO_MEMBERS];
  const passwordDigest = demoPasswordDigest(DEMO_PASSWORD);
  people.forEach((person, index) => {
    insertUser(db, {
      id: person.id,
      emailIds: [fixedId('idn', person.id.slice(6, 26))],
      emails: [person.email_address],
      firstName: person.first_name,
      lastName: person.last_name,
      privateMetadata:
        person.email_address === 'sam.rivera@invites.example' ? { dashboard_role: 'staff' } : {},
      passwordDigest,
      createdAt: now - (500 - index) * DAY_MS,
    });
  });
  for (const org of Object.values(DEMO_ORGANIZATIONS)) {
    insertOrganization(db, {
      id: org.id,
      name: org.name,
      slug: org.slug,
      maxAllowedMemberships: org.maxAllowedMemberships,
      createdAt: now - org.ageDays * DAY_MS,
    });
  }
  DEMO_MEMBERSHIPS.forEach((m, index) => {
    const org = DEMO_ORGANIZATIONS[m.org];
    insertMembership(db, {
      id: fixedId('orgmem', `${m.org}${m.userId.slice(6, 20)}`),
      orgId: org.id,
      userId: m.userId,
      role: m.role,
      createdAt: now - (org.ageDays - index) * DAY_MS,
    });
  });
  for (const key of Object.keys(DEMO_ORGANIZATIONS) as DemoOrgKey[]) {
    const org = DEMO_ORGANIZATIONS[key];
    const members = DEMO_MEMBERSHIPS.filter((m) => m.org === key);
    const invitations = demoInvitations(
      {
        orgId: org.id,
        slug: org.slug,
        count: org.invitations,
        admins: members.filter((m) => m.role === 'org:admin').map((m) => m.userId),
        memberEmails: members.map((m) => people.find((p) => p.id === m.userId)?.email_address ?? ''),
        maxAgeDays: Math.min(400, org.ageDays - 1),
      },
      now,
    );
    // Umbrella demos the quota: its invitations stay pending so members + pending approach the limit.
    for (const invitation of invitations) {
      insertInvitation(
        db,
        key === 'umbrella' ? { ...invitation, status: 'pending', expiresAt: now + 20 * DAY_MS } : invitation,
      );
    }
  }
}
