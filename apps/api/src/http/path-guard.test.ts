import { describe, expect, it } from 'vitest';
import { isSuspiciousPath } from './path-guard.ts';

describe('path guard', () => {
  it.each([
    '/api/v1/organizations/org_2abc%2f..%2fusers',
    '/api/v1/%2e%2e/users',
    '/api/v1/organizations/../users',
    '/api/v1/./organizations',
    '/api//v1/organizations',
    '/api/v1/organizations\\users',
    '/api/v1/organizations%5cusers',
    '/api/v1/organizations%00',
    '/api/v1/organizations/%25%32%65',
    '/api/v1/organizations/org_%41bc',
    '/assets/..%2f..%2fetc/passwd',
    '/..',
    '/a/\x01b',
  ])('rejects %s', (path) => {
    expect(isSuspiciousPath(path)).toBe(true);
  });

  it.each([
    '/',
    '/api/health',
    '/api/v1/organizations/org_2abcdefghijklmnopqrstuvwxyz/invitations',
    '/assets/index-abc123.js',
    '/orgs/org_2abcdefghijklmnopqrstuvwxyz/invitations',
    '/.well-known/security.txt',
  ])('lets %s through', (path) => {
    expect(isSuspiciousPath(path)).toBe(false);
  });
});
