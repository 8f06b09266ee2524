import { describe, expect, it } from 'vitest';
import { columnKind, detectColumns, normalizeHeader } from './table-columns.ts';

describe('normalizeHeader', () => {
  it('drops bracketed notes, splits camelCase, folds accents and joins "e mail"', () => {
    expect(normalizeHeader('Email Address [Required]')).toBe('email address');
    expect(normalizeHeader('E-mail 1 - Value')).toBe('email 1 value');
    expect(normalizeHeader('secondEmail')).toBe('second email');
    expect(normalizeHeader('userPrincipalName')).toBe('user principal name');
    expect(normalizeHeader('E-Mail-Adresse')).toBe('email adresse');
    expect(normalizeHeader('Correo electrónico')).toBe('correo electronico');
    expect(normalizeHeader('E-mailadres')).toBe('emailadres');
  });
});

describe('columnKind: the export headers admins upload', () => {
  it.each([
    'Email',
    'email',
    'E-mail',
    'Email Address',
    'Email Address [Required]',
    '"Email Address"',
    'E-mail Address',
    'E-mail 1 - Value',
    'Email 1 - Value',
    'Primary email',
    'Work email',
    'E-Mail-Adresse',
    'Adresse e-mail',
    'Correo electrónico',
    'PrimarySmtpAddress',
  ])('%s is the primary email column', (header) => {
    expect(columnKind(header)).toBe('email');
  });

  it.each([
    'Manager Email',
    'Recovery Email',
    'Home Secondary Email',
    'Work Secondary Email',
    'New Primary Email [UPLOAD ONLY]',
    'secondEmail',
    'Secondary email',
    'Alternate email',
    'E-mail 2 Address',
    'E-mail 3 Address',
    'E-mail 2 - Value',
    'E-mail Display Name',
    'E-mail Type',
    'E-mail 1 - Label',
    'Personal email',
    "Assistant's email",
  ])('%s is someone else’s or a secondary address: never read', (header) => {
    expect(columnKind(header)).toBe('excluded');
  });

  it.each(['login', 'User principal name', 'Username', 'UPN'])(
    '%s counts when it holds addresses',
    (header) => {
      expect(columnKind(header)).toBe('login');
    },
  );

  it.each([
    ['Role', 'role'],
    ['Organization role', 'role'],
    ['Rolle', 'role'],
    ['Job role', 'other'],
    ['Name', 'name'],
    ['Display name', 'name'],
    ['fullname', 'name'],
    ['First Name [Required]', 'first'],
    ['firstName', 'first'],
    ['Vorname', 'first'],
    ['Last name', 'last'],
    ['Nachname', 'last'],
    ['Email Usage [READ ONLY]', 'other'],
    ['Contact owner', 'other'],
    ['Proxy addresses', 'other'],
    ['Mailing Address', 'other'],
    ['Status [READ ONLY]', 'other'],
  ])('%s → %s', (header, kind) => {
    expect(columnKind(header)).toBe(kind);
  });
});

describe('detectColumns', () => {
  const none = () => false;
  it('picks the one primary email column, the role and the name columns', () => {
    expect(detectColumns(['First Name', 'Last Name', 'Email', 'Manager Email', 'Role'], none)).toMatchObject({
      email: 2,
      role: 4,
      first: 0,
      last: 1,
      problem: null,
    });
  });

  it('prefers an email column over a login, and takes a login column only when it holds addresses', () => {
    expect(detectColumns(['login', 'email', 'secondEmail'], () => true)).toMatchObject({ email: 1 });
    expect(detectColumns(['Display name', 'User principal name'], (i) => i === 1)).toMatchObject({
      email: 1,
    });
    expect(detectColumns(['Display name', 'User principal name'], none)).toMatchObject({
      email: null,
      problem: 'missing',
    });
  });

  it('leaves the choice to the admin when two columns are primary email columns, or none is', () => {
    expect(detectColumns(['Name', 'Email', 'Work email'], () => true)).toMatchObject({
      email: null,
      problem: 'ambiguous',
      candidates: [1, 2],
    });
    expect(detectColumns(['Name', 'Contact', 'Manager Email'], (i) => i > 0)).toMatchObject({
      email: null,
      problem: 'missing',
      candidates: [1, 2],
    });
  });
});
