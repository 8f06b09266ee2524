import type { ApiError } from '../../../lib/api-client.ts';

/**
 * What a revoke refused as `organization_invitation_not_pending` means, in words: "Already revoked by
 * Ada Lovelace", "Already accepted". The api reads the invitation back and adds its status and its
 * revoker to the error's meta; without them, a plain "No longer pending". Null for any other error.
 */
export function alreadySettled(error: ApiError): string | null {
  if (error.code !== 'organization_invitation_not_pending') return null;
  const meta = error.errors[0]?.meta ?? {};
  const by = typeof meta.revoked_by === 'string' && meta.revoked_by ? meta.revoked_by : null;
  switch (meta.invitation_status) {
    case 'revoked':
      return by ? `Already revoked by ${by}` : 'Already revoked';
    case 'accepted':
      return 'Already accepted';
    case 'expired':
      return 'Already expired';
    default:
      return 'No longer pending';
  }
}
