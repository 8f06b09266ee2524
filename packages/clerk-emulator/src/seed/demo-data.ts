import type { DevUser } from '@invites/clerk-schema';
import { fixedId } from './fixed-id.ts';

/**
 * The password of every demo user (documented in the README), so a person can type it into Clerk's
 * sign-in form. It meets Clerk's rules; it is a local demo value, never a real credential.
 */
export const DEMO_PASSWORD = 'invites-demo-2026';

/** The demo organizations (stable IDs; `invitations` is how many the seed creates). */
export const DEMO_ORGANIZATIONS = {
  acme: {
    id: fixedId('org', 'AcmeCorp'),
    name: 'Acme Corp',
    slug: 'acme',
    invitations: 2134,
    maxAllowedMemberships: 0,
    ageDays: 420,
  },
  globex: {
    id: fixedId('org', 'Globex'),
    name: 'Globex',
    slug: 'globex',
    invitations: 40,
    maxAllowedMemberships: 0,
    ageDays: 300,
  },
  initech: {
    id: fixedId('org', 'Initech'),
    name: 'Initech',
    slug: 'initech',
    invitations: 15,
    maxAllowedMemberships: 0,
    ageDays: 200,
  },
  umbrella: {
    id: fixedId('org', 'UmbrellaHealth'),
    name: 'Umbrella Health',
    slug: 'umbrella',
    invitations: 4,
    maxAllowedMemberships: 10,
    ageDays: 60,
  },
} as const;
export type DemoOrgKey = keyof typeof DEMO_ORGANIZATIONS;

const user = (label: string, first: string, last: string, email: string, description: string): DevUser => ({
  id: fixedId('user', label),
  first_name: first,
  last_name: last,
  email_address: email,
  description,
});

/** The people a demo sign-in page offers, with stable IDs. */
export const DEMO_USERS: readonly DevUser[] = [
  user(
    'SamRivera',
    'Sam',
    'Rivera',
    'sam.rivera@invites.example',
    'Support staff: sees every organization and the instance-wide list; admin of none.',
  ),
  user('AdaLovelace', 'Ada', 'Lovelace', 'ada@acme.example', 'Admin of Acme Corp (2,134 invitations).'),
  user('GraceHopper', 'Grace', 'Hopper', 'grace@globex.example', 'Admin of Globex.'),
  user(
    'LinusPark',
    'Linus',
    'Park',
    'linus@initech.example',
    'Admin of Initech and of Umbrella Health (membership quota of 10).',
  ),
  user(
    'MayaChen',
    'Maya',
    'Chen',
    'maya@acme.example',
    'Plain member of Acme Corp: not an admin, so the dashboard refuses her.',
  ),
];

export interface DemoMembership {
  userId: string;
  org: DemoOrgKey;
  role: 'org:admin' | 'org:member' | 'org:billing';
}

/** Other seeded users (members, so "already a member" can be demoed), keyed like DEMO_USERS. */
export const DEMO_MEMBERS: readonly DevUser[] = [
  user('PriyaShah', 'Priya', 'Shah', 'priya@acme.example', 'Second admin of Acme Corp.'),
  user('BenOrtiz', 'Ben', 'Ortiz', 'ben@acme.example', 'Member of Acme Corp.'),
  user('ChloeNguyen', 'Chloe', 'Nguyen', 'chloe@acme.example', 'Billing manager of Acme Corp.'),
  user('DiegoAlvarez', 'Diego', 'Alvarez', 'diego@acme.example', 'Member of Acme Corp.'),
  user('OmarHaddad', 'Omar', 'Haddad', 'omar@globex.example', 'Member of Globex.'),
  user('LenaFischer', 'Lena', 'Fischer', 'lena@globex.example', 'Member of Globex.'),
  user('TomBecker', 'Tom', 'Becker', 'tom@initech.example', 'Member of Initech.'),
  user('JoannaLee', 'Joanna', 'Lee', 'joanna@initech.example', 'Member of Initech.'),
  user('AliceMoreau', 'Alice', 'Moreau', 'alice@umbrella.example', 'Member of Umbrella Health.'),
  user('KenjiWatanabe', 'Kenji', 'Watanabe', 'kenji@umbrella.example', 'Billing manager of Umbrella Health.'),
];

const byEmail = (email: string) => {
  const found = [...DEMO_USERS, ...DEMO_MEMBERS].find((u) => u.email_address === email);
  if (!found) throw new Error(`demo user ${email} missing`);
  return found.id;
};

export const DEMO_MEMBERSHIPS: readonly DemoMembership[] = [
  { userId: byEmail('ada@acme.example'), org: 'acme', role: 'org:admin' },
  { userId: byEmail('priya@acme.example'), org: 'acme', role: 'org:admin' },
  { userId: byEmail('maya@acme.example'), org: 'acme', role: 'org:member' },
  { userId: byEmail('ben@acme.example'), org: 'acme', role: 'org:member' },
  { userId: byEmail('chloe@acme.example'), org: 'acme', role: 'org:billing' },
  { userId: byEmail('diego@acme.example'), org: 'acme', role: 'org:member' },
  { userId: byEmail('grace@globex.example'), org: 'globex', role: 'org:admin' },
  { userId: byEmail('omar@globex.example'), org: 'globex', role: 'org:member' },
  { userId: byEmail('lena@globex.example'), org: 'globex', role: 'org:member' },
  { userId: byEmail('linus@initech.example'), org: 'initech', role: 'org:admin' },
  { userId: byEmail('tom@initech.example'), org: 'initech', role: 'org:member' },
  { userId: byEmail('joanna@initech.example'), org: 'initech', role: 'org:member' },
  { userId: byEmail('linus@initech.example'), org: 'umbrella', role: 'org:admin' },
  { userId: byEmail('alice@umbrella.example'), org: 'umbrella', role: 'org:member' },
  { userId: byEmail('kenji@umbrella.example'), org: 'umbrella', role: 'org:billing' },
];

export const FIRST_NAMES = [
  'James',
  'Olivia',
  'Noah',
  'Emma',
  'Liam',
  'Ava',
  'Lucas',
  'Sophia',
  'Mateo',
  'Isabella',
  'Ethan',
  'Mia',
  'Amir',
  'Zara',
  'Kai',
  'Nora',
  'Leo',
  'Aisha',
  'Hugo',
  'Ines',
  'Ravi',
  'Yuki',
  'Tariq',
  'Freya',
  'Jonas',
  'Elena',
  'Kofi',
  'Sana',
  'Marco',
  'Lina',
  'Oscar',
  'Hana',
  'Felix',
  'Chiara',
  'Arjun',
  'Maren',
];
export const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Kim',
  'Nguyen',
  'Müller',
  'Rossi',
  'Silva',
  'Kowalski',
  'Okafor',
  'Haddad',
  'Tanaka',
  'Jensen',
  'Dubois',
  'Novak',
  'Singh',
  'Cohen',
  'Larsen',
  'Moreno',
  'Ivanova',
  'Brown',
  'Walker',
  'Patel',
  'Mensah',
  'Ahmed',
  'Santos',
  'Berg',
  'Costa',
  'Yilmaz',
  'Sato',
  'Murphy',
];
export const MAIL_DOMAINS = [
  'gmail.example',
  'outlook.example',
  'proton.example',
  'fastmail.example',
  'contractors.example',
];
