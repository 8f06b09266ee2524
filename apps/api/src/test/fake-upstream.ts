import {
  type ClerkError,
  type CreateInvitationBody,
  clerkErrors,
  emailProblem,
  newClerkId,
  normalizeEmail,
  type OrganizationInvitation,
} from '@invites/clerk-schema';
import type {
  BulkCreateResult,
  BulkUpstream,
  CreateOneResult,
  InvitationResult,
  UpstreamFailure,
} from '../bulk/upstream.ts';
import { UpstreamUnavailableError } from '../bulk/upstream.ts';

/** A fault for the next bulk call: Clerk's answer is replaced (`commit_then_drop` commits first). */
export type FakeFault =
  | 'rate_limit'
  | 'server_error'
  | 'timeout_uncommitted'
  | 'commit_then_drop'
  | 'unnamed_reject';

function fail(
  f: { status: number; errors: ClerkError[] },
  extra: Partial<UpstreamFailure> = {},
): UpstreamFailure {
  return { ok: false, status: f.status, errors: f.errors, ambiguous: false, traceId: 'trace', ...extra };
}

/** An in-memory Clerk for unit tests: all-or-nothing bulk creates, members, pending invitations, faults. */
export class FakeUpstream implements BulkUpstream {
  readonly invitations: OrganizationInvitation[] = [];
  readonly members = new Set<string>();
  readonly faults: FakeFault[] = [];
  /** Faults for the next revoke calls (`commit_then_drop` revokes, then loses the answer). */
  readonly revokeFaults: FakeFault[] = [];
  /** Faults for the next single creates. */
  readonly createFaults: FakeFault[] = [];
  /** Every call, in order: `bulk:<n>`, `one`, `find:<n>`, `get`, `revoke`, `members:<n>`. */
  readonly calls: string[] = [];
  forbidden = false;
  /** How many of the next findPending calls fail with a 500. */
  findFailures = 0;
  clock: () => number = Date.now;

  pending(email: string): OrganizationInvitation | undefined {
    return this.invitations.find((i) => i.status === 'pending' && i.email_address === normalizeEmail(email));
  }

  private problem(items: CreateInvitationBody[]): ClerkError[] | null {
    const invalid = items.find((i) => emailProblem(i.email_address) !== null);
    if (invalid) return clerkErrors.paramFormatInvalid('email_address').errors;
    const member = items.find((i) => this.members.has(normalizeEmail(i.email_address)));
    if (member) return clerkErrors.alreadyMember(normalizeEmail(member.email_address)).errors;
    const dups = items.map((i) => normalizeEmail(i.email_address)).filter((e) => this.pending(e));
    return dups.length > 0 ? clerkErrors.duplicateRecord(dups).errors : null;
  }

  private create(org: string, item: CreateInvitationBody): OrganizationInvitation {
    const now = this.clock();
    const days = item.expires_in_days ?? 30;
    const inv: OrganizationInvitation = {
      object: 'organization_invitation',
      id: newClerkId('orginv'),
      email_address: normalizeEmail(item.email_address),
      role: item.role,
      role_name: item.role,
      organization_id: org,
      inviter_id: item.inviter_user_id ?? null,
      public_inviter_data: null,
      status: 'pending',
      public_metadata: item.public_metadata ?? {},
      private_metadata: item.private_metadata ?? {},
      url: item.redirect_url ? `${item.redirect_url}?__clerk_ticket=t&__clerk_status=sign_up` : null,
      expires_at: now + days * 86_400_000,
      created_at: now,
      updated_at: now,
    };
    this.invitations.push(inv);
    return inv;
  }

  async bulkCreate(org: string, items: CreateInvitationBody[]): Promise<BulkCreateResult> {
    this.calls.push(`bulk:${items.length}`);
    await Promise.resolve();
    if (this.forbidden) return fail(clerkErrors.notAnAdmin('user_x'));
    const fault = this.faults.shift();
    if (fault === 'rate_limit') return fail(clerkErrors.tooManyRequests(1), { retryAfterSeconds: 1 });
    if (fault === 'server_error') return fail(clerkErrors.internal(), { ambiguous: true });
    if (fault === 'timeout_uncommitted')
      return fail(clerkErrors.upstreamTimeout(), { status: 0, ambiguous: true });
    if (fault === 'unnamed_reject')
      return fail({ status: 422, errors: clerkErrors.paramFormatInvalid('x').errors });
    const problem = this.problem(items);
    if (problem)
      return fail({ status: problem[0]?.code === 'form_param_format_invalid' ? 422 : 400, errors: problem });
    const invitations = items.map((i) => this.create(org, i));
    if (fault === 'commit_then_drop')
      return fail(clerkErrors.upstreamTimeout(), { status: 0, ambiguous: true });
    return { ok: true, invitations, traceId: 'trace' };
  }

  async createOne(org: string, item: CreateInvitationBody): Promise<CreateOneResult> {
    this.calls.push('one');
    const fault = this.createFaults.shift();
    if (fault === 'server_error') return fail(clerkErrors.internal(), { ambiguous: true });
    if (fault === 'rate_limit') return fail(clerkErrors.tooManyRequests(1), { retryAfterSeconds: 1 });
    const problem = this.problem([item]);
    if (problem) return fail({ status: 400, errors: problem });
    return { ok: true, invitation: this.create(org, item), traceId: 'trace' };
  }

  async findPending(_org: string, emails: readonly string[]): Promise<OrganizationInvitation[]> {
    this.calls.push(`find:${emails.length}`);
    if (this.findFailures > 0) {
      this.findFailures -= 1;
      throw new UpstreamUnavailableError(fail(clerkErrors.internal(), { ambiguous: false }));
    }
    return emails.flatMap((e) => this.pending(e) ?? []);
  }

  async getInvitation(_org: string, id: string): Promise<InvitationResult> {
    this.calls.push('get');
    const inv = this.invitations.find((i) => i.id === id);
    return inv
      ? { ok: true, invitation: { ...inv }, traceId: 'trace' }
      : fail(clerkErrors.invitationNotFound(id));
  }

  async revoke(_org: string, id: string): Promise<InvitationResult> {
    this.calls.push('revoke');
    const fault = this.revokeFaults.shift();
    if (fault === 'rate_limit') return fail(clerkErrors.tooManyRequests(1), { retryAfterSeconds: 1 });
    if (fault === 'server_error') return fail(clerkErrors.internal(), { ambiguous: true });
    const inv = this.invitations.find((i) => i.id === id);
    if (!inv) return fail(clerkErrors.invitationNotFound(id));
    if (inv.status !== 'pending') return fail(clerkErrors.invitationNotPending());
    inv.status = 'revoked';
    inv.updated_at = this.clock();
    if (fault === 'commit_then_drop')
      return fail(clerkErrors.upstreamTimeout(), { status: 0, ambiguous: true });
    return { ok: true, invitation: { ...inv }, traceId: 'trace' };
  }

  async findMembers(_org: string, emails: readonly string[]): Promise<Set<string>> {
    this.calls.push(`members:${emails.length}`);
    return new Set(emails.map(normalizeEmail).filter((e) => this.members.has(e)));
  }
}
