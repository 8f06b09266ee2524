import { describe, expect, expectTypeOf, it } from 'vitest';
import { bySpecificity, compilePath, interpolatePath, joinPath, matchPath, type PathParams } from './path.ts';

describe('matchPath', () => {
  it('matches literal segments exactly and ignores a trailing slash', () => {
    const orgs = compilePath('/orgs');
    expect(matchPath(orgs, '/orgs')).toEqual({});
    expect(matchPath(orgs, '/orgs/')).toEqual({});
    expect(matchPath(orgs, '/Orgs')).toBeNull();
    expect(matchPath(orgs, '/orgs/x')).toBeNull();
    expect(matchPath(compilePath('/'), '/')).toEqual({});
  });

  it('captures parameters, decoded', () => {
    const detail = compilePath('/orgs/$orgId/invitations/$invitationId');
    expect(matchPath(detail, '/orgs/org_1/invitations/orginv_2')).toEqual({
      orgId: 'org_1',
      invitationId: 'orginv_2',
    });
    expect(matchPath(detail, '/orgs/a%20b%2Fc/invitations/x')).toEqual({ orgId: 'a b/c', invitationId: 'x' });
    expect(matchPath(detail, '/orgs/org_1/invitations')).toBeNull();
  });

  it('does not match a malformed escape', () => {
    expect(matchPath(compilePath('/orgs/$orgId'), '/orgs/%E0%A4%A')).toBeNull();
  });
});

describe('bySpecificity', () => {
  it('tries a literal segment before a parameter in the same place', () => {
    const patterns = [
      '/orgs/$orgId/invitations/$invitationId',
      '/orgs/$orgId/invitations/bulk',
      '/orgs/$orgId',
      '/orgs/$orgId/invitations/bulk/$jobId',
    ].map(compilePath);
    expect(patterns.sort(bySpecificity).map((p) => p.pattern)).toEqual([
      '/orgs/$orgId/invitations/bulk/$jobId',
      '/orgs/$orgId/invitations/bulk',
      '/orgs/$orgId/invitations/$invitationId',
      '/orgs/$orgId',
    ]);
  });
});

describe('interpolatePath and joinPath', () => {
  it('fills parameters as encoded segments', () => {
    expect(interpolatePath('/orgs/$orgId/invitations', { orgId: 'a b/c?' })).toBe(
      '/orgs/a%20b%2Fc%3F/invitations',
    );
    expect(interpolatePath('/activity')).toBe('/activity');
  });

  it('refuses a missing parameter', () => {
    expect(() => interpolatePath('/orgs/$orgId', {})).toThrow(/orgId/);
  });

  it("joins a child's relative path to its parent's", () => {
    expect(joinPath('/', 'orgs')).toBe('/orgs');
    expect(joinPath('/orgs/$orgId/invitations', '$invitationId')).toBe(
      '/orgs/$orgId/invitations/$invitationId',
    );
    expect(joinPath('/', '/')).toBe('/');
  });

  it('types the parameters of a pattern', () => {
    expectTypeOf<PathParams<'/orgs/$orgId/invitations/$invitationId'>>().toEqualTypeOf<{
      orgId: string;
      invitationId: string;
    }>();
    expectTypeOf<PathParams<'/orgs'>>().toEqualTypeOf<Record<never, never>>();
  });
});
