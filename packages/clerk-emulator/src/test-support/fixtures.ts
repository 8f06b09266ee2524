import type { TestEmulator } from './harness.ts';

let counter = 0;

/** A fresh organization built through the official SDK: an admin (creator), a member and an outsider. */
export async function createTeam(emu: TestEmulator, options: { maxAllowedMemberships?: number } = {}) {
  const n = ++counter;
  const { clerk } = emu;
  const user = (name: string) =>
    clerk.users.createUser({
      emailAddress: [`${name}${n}@team${n}.example`],
      firstName: name[0]?.toUpperCase() + name.slice(1),
      lastName: `Team${n}`,
      skipPasswordRequirement: true,
    });
  const admin = await user('admin');
  const member = await user('member');
  const outsider = await user('outsider');
  const org = await clerk.organizations.createOrganization({
    name: `Team ${n}`,
    slug: `team-${n}`,
    createdBy: admin.id,
    ...(options.maxAllowedMemberships === undefined
      ? {}
      : { maxAllowedMemberships: options.maxAllowedMemberships }),
  });
  await clerk.organizations.createOrganizationMembership({
    organizationId: org.id,
    userId: member.id,
    role: 'org:member',
  });
  return { org, admin, member, outsider, domain: `team${n}.example` };
}

/** Moves the emulator's clock forward. */
export async function advanceClock(emu: TestEmulator, ms: number): Promise<void> {
  const response = await emu.api('/__emulator/clock', { method: 'POST', body: { advance_ms: ms } });
  if (!response.ok) throw new Error(`clock advance failed: ${response.status}`);
}

export const DAY_MS = 86_400_000;
