import type { ClerkError, CreateInvitationBody, OrganizationInvitation } from '@invites/clerk-schema';

/** A Clerk call that did not succeed. */
export interface UpstreamFailure {
  ok: false;
  /** HTTP status, or 0 when no response arrived (timeout, reset, refused). */
  status: number;
  errors: ClerkError[];
  /** From `Retry-After` on a 429. */
  retryAfterSeconds?: number;
  /** True when Clerk may have acted on the request anyway (timeout, reset or 5xx after sending). */
  ambiguous: boolean;
  traceId: string | null;
}

export type BulkCreateResult =
  | { ok: true; invitations: OrganizationInvitation[]; traceId: string | null }
  | UpstreamFailure;

export type CreateOneResult =
  | { ok: true; invitation: OrganizationInvitation; traceId: string | null }
  | UpstreamFailure;

/** One invitation read or revoked (Clerk's answer carries it either way). */
export type InvitationResult = CreateOneResult;

/** Thrown by `findPending` when Clerk could not be asked. */
export class UpstreamUnavailableError extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(failure.errors[0]?.long_message ?? `upstream answered ${failure.status}`);
    this.name = 'UpstreamUnavailableError';
  }
}

/** The Clerk operations the bulk runner needs. */
export interface BulkUpstream {
  /** `POST /v1/organizations/{org}/invitations/bulk` with ≤ 10 items (all-or-nothing). */
  bulkCreate(organizationId: string, items: CreateInvitationBody[]): Promise<BulkCreateResult>;
  /** `POST /v1/organizations/{org}/invitations`: one address (its own, larger, rate limit). */
  createOne(organizationId: string, item: CreateInvitationBody): Promise<CreateOneResult>;
  /** Pending invitations of the organization for these addresses; throws `UpstreamUnavailableError`. */
  findPending(organizationId: string, emails: readonly string[]): Promise<OrganizationInvitation[]>;
  /** `GET /v1/organizations/{org}/invitations/{id}` (with private metadata: server side only). */
  getInvitation(organizationId: string, invitationId: string): Promise<InvitationResult>;
  /** `POST /v1/organizations/{org}/invitations/{id}/revoke`. */
  revoke(
    organizationId: string,
    invitationId: string,
    requestingUserId: string | null,
  ): Promise<InvitationResult>;
  /** Which of these addresses (normalised) belong to a member; throws `UpstreamUnavailableError`. */
  findMembers(organizationId: string, emails: readonly string[]): Promise<Set<string>>;
}
