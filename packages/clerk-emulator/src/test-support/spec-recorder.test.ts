import { OrganizationInvitation, User } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { shapeProblems } from './spec-recorder.ts';

describe('the spec recorder', () => {
  it('reports an unknown field, a missing required field and a zod mismatch', () => {
    const invitation = { object: 'organization_invitation', id: 'orginv_x', extra: true };
    expect(
      shapeProblems({ component: 'OrganizationInvitation', zod: OrganizationInvitation }, invitation).join(
        '\n',
      ),
    ).toMatch(/additionalProperty[\s\S]*zod/);
    expect(
      shapeProblems({ component: 'User', zod: User, array: true }, [{ id: 'user_x', object: 'user' }]).length,
    ).toBeGreaterThan(5);
  });
});
