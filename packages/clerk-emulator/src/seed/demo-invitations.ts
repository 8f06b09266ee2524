import type { NewInvitation } from '../store/invitations.ts';
import { FIRST_NAMES, LAST_NAMES, MAIL_DOMAINS } from './demo-data.ts';
import { Prng } from './prng.ts';

const DAY_MS = 86_400_000;

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase();
}

type Kind = 'pending' | 'expired' | 'accepted' | 'revoked';

/** Most pending; the rest accepted, expired (pending past expires_at) or revoked. */
function pickKind(rng: Prng): Kind {
  const r = rng.next();
  return r < 0.58 ? 'pending' : r < 0.76 ? 'accepted' : r < 0.89 ? 'expired' : 'revoked';
}

interface Timing {
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** Timestamps consistent with the kind: pending ones are still valid now, expired ones are not. */
function timing(rng: Prng, kind: Kind, now: number, maxAgeDays: number): Timing {
  const jitter = rng.int(0, DAY_MS - 1);
  if (kind === 'pending') {
    const days = rng.pick([30, 30, 30, 30, 14, 60, 90, 180, 365]);
    const createdAt = now - rng.next() * Math.min(days - 1, maxAgeDays) * DAY_MS;
    return {
      createdAt: Math.floor(createdAt),
      updatedAt: Math.floor(createdAt),
      expiresAt: Math.floor(createdAt) + days * DAY_MS,
    };
  }
  const days = kind === 'expired' ? rng.pick([7, 14, 30, 30]) : rng.pick([30, 30, 60, 90]);
  const minAge = kind === 'expired' ? days + 1 : 1;
  const ageDays = minAge + rng.next() * Math.max(1, maxAgeDays - minAge);
  const createdAt = Math.floor(now - ageDays * DAY_MS) + (jitter % 1000);
  const settledAfter = kind === 'expired' ? 0 : rng.next() * Math.min(days, ageDays - 0.5) * DAY_MS;
  return { createdAt, updatedAt: Math.floor(createdAt + settledAfter), expiresAt: createdAt + days * DAY_MS };
}

export interface DemoInvitationPlan {
  orgId: string;
  slug: string;
  count: number;
  admins: string[];
  memberEmails: string[];
  maxAgeDays: number;
}

/** Deterministic invitations for one demo organization, oldest first. */
export function demoInvitations(plan: DemoInvitationPlan, now: number): NewInvitation[] {
  const rng = new Prng(`invitations:${plan.slug}`);
  const used = new Set(plan.memberEmails);
  const out: NewInvitation[] = [];
  for (let i = 0; i < plan.count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const domain = rng.next() < 0.35 ? `${plan.slug}-partners.example` : rng.pick(MAIL_DOMAINS);
    const local = ascii(`${first}.${last}`);
    let email = `${local}@${domain}`;
    for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
    used.add(email);
    const kind = pickKind(rng);
    const r = rng.next();
    const role = r < 0.78 ? 'org:member' : r < 0.9 ? 'org:admin' : 'org:billing';
    const inviterId = rng.next() < 0.08 ? null : rng.pick(plan.admins);
    const t = timing(rng, kind, now, plan.maxAgeDays);
    const tagged = rng.next() < 0.2;
    out.push({
      id: rng.id('orginv'),
      orgId: plan.orgId,
      email,
      role,
      inviterId,
      status: kind === 'expired' ? 'pending' : kind,
      publicMetadata: tagged ? { source: rng.pick(['csv-import', 'onboarding', 'referral']) } : {},
      privateMetadata: tagged ? { note: `seeded #${i + 1}` } : {},
      redirectUrl: rng.next() < 0.1 ? `https://app.${plan.slug}.example/welcome` : null,
      ticket: rng.token(32),
      expiresAt: t.expiresAt,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}
