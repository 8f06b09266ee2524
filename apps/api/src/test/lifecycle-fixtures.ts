import type { BulkJob, OrganizationInvitation, OrganizationInvitationList } from '@invites/clerk-schema';
import type { ApiClient } from './api-client.ts';
import type { Harness, Persona } from './harness.ts';

export const DAY_MS = 86_400_000;
let seq = 0;

/** An address no other call of this run uses. */
export const freshEmail = (tag = 'life') => `${tag}-${Date.now().toString(36)}-${seq++}@lifecycle.example`;

async function emulatorJson<T>(h: Harness, method: string, path: string, body?: unknown): Promise<T> {
  const res = await h.emulator(method, path, body);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A pending invitation made in the emulator directly (as if made before), metadata and all. */
export function invitation(
  h: Harness,
  org: string,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<OrganizationInvitation> {
  return emulatorJson(h, 'POST', `/v1/organizations/${org}/invitations`, {
    email_address: email,
    role: 'org:member',
    ...extra,
  });
}

/** Moves invitations back in time (the emulator's control), e.g. past their expiry. */
export async function age(h: Harness, ids: string[], byMs: number): Promise<void> {
  await emulatorJson(h, 'POST', '/__emulator/invitations/age', { invitation_ids: ids, by_ms: byMs });
}

/** One invitation as the emulator holds it now (private metadata included). */
export function current(h: Harness, org: string, id: string): Promise<OrganizationInvitation> {
  return emulatorJson(h, 'GET', `/v1/organizations/${org}/invitations/${id}`);
}

/** The pending invitations to an address in the organization. */
export async function pendingTo(h: Harness, org: string, email: string): Promise<OrganizationInvitation[]> {
  const list = await emulatorJson<OrganizationInvitationList>(
    h,
    'GET',
    `/v1/organizations/${org}/invitations?status=pending&email_address=${encodeURIComponent(email)}`,
  );
  return list.data;
}

/** Queues an emulator fault for the next matching request. */
export async function fault(h: Harness, spec: Record<string, unknown>): Promise<void> {
  await emulatorJson(h, 'POST', '/__emulator/faults', spec);
}

/** A new organization of its own (staff may act in any), so counts in it are the test's alone. */
export async function organization(h: Harness, name: string): Promise<string> {
  const slug = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now().toString(36)}-${seq++}`;
  return (await emulatorJson<{ id: string }>(h, 'POST', '/v1/organizations', { name, slug })).id;
}

/** Polls a job through the api until `until` holds (default: done or cancelled). */
export async function waitForJob(
  call: ApiClient,
  persona: Persona,
  id: string,
  until: (job: BulkJob) => boolean = (job) => job.status === 'done' || job.status === 'cancelled',
): Promise<BulkJob> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = (await (await call(persona, 'GET', `/api/bulk-invitations/${id}`)).json()) as BulkJob;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} ${JSON.stringify(job.counts)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
