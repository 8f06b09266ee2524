// Which column of an uploaded or pasted table holds the people's own addresses, by its header. The
// names come from the header rows of the exports admins use (Google Workspace, Microsoft 365, Okta,
// Slack, Outlook, Google Contacts, HubSpot, Mailchimp; see corpus/README.md for where each was read).

/** What a column's header says it holds. */
export type ColumnKind = 'email' | 'login' | 'excluded' | 'role' | 'name' | 'first' | 'last' | 'other';

/** The admin's choice for a table whose email column the header does not settle. */
export interface ColumnChoice {
  email: number;
  role: number | null;
}

export interface DetectedColumns {
  /** The column of the addresses to invite, or null when the admin has to choose. */
  email: number | null;
  role: number | null;
  name: number | null;
  first: number | null;
  last: number | null;
  /** Why the admin has to choose: several email columns, or none. */
  problem: 'ambiguous' | 'missing' | null;
  /** The columns in doubt ('ambiguous'), or the ones holding addresses ('missing'). */
  candidates: number[];
}

const EMAIL_WORDS = new Set([
  'email',
  'emails',
  'mail',
  'smtp',
  'emailaddress',
  'emailaddresses',
  'emailadres',
  'emailadresse',
  'courriel',
  'correo',
  'messagerie',
]);
// Words that make an address column someone else's, or not the primary one.
const EXCLUDED_WORDS = new Set(
  (
    'manager managers supervisor approver assistant owner delegate sponsor inviter invited referrer ' +
    'referred parent guardian emergency spouse secondary second recovery alternate alternative alt ' +
    'other backup personal home private additional extra proxy alias aliases forward forwarding reply ' +
    'cc bcc new old previous former display type label verified domain notification notifications ' +
    'billing created updated modified'
  ).split(' '),
);
// Words that may stand beside an email word in the primary address column's header.
const QUALIFIERS = new Set(
  (
    'address addresses adresse adres adresa indirizzo endereco direccion de di do da del la el ' +
    'electronico electronica electronique primary work business main user member contact login id ' +
    'value your corporate company office preferred account default official person employee staff ' +
    'student customer subscriber invitee 1 required optional read only upload the of'
  ).split(' '),
);
const LOGIN_HEADERS = new Set([
  'login',
  'user principal name',
  'userprincipalname',
  'upn',
  'username',
  'user name',
  'sign in name',
  'signin name',
  'principal name',
  'user logon name',
  'logon name',
]);
const ROLE_WORDS = new Set(['role', 'roles', 'rolle', 'rol', 'ruolo']);
const ROLE_QUALIFIERS = new Set(
  'org organization organisation member membership user access clerk key invite invitation console dashboard workspace team new required optional'.split(
    ' ',
  ),
);
const NAME_HEADERS = new Set([
  'name',
  'full name',
  'fullname',
  'display name',
  'displayname',
  'contact name',
  'member name',
  'person name',
  'nom complet',
  'nombre completo',
  'naam',
  'volledige naam',
]);
const FIRST_HEADERS = new Set([
  'first name',
  'firstname',
  'given name',
  'givenname',
  'first',
  'forename',
  'vorname',
  'prenom',
  'nombre',
  'voornaam',
]);
const LAST_HEADERS = new Set([
  'last name',
  'lastname',
  'surname',
  'family name',
  'familyname',
  'last',
  'nachname',
  'nom',
  'nom de famille',
  'apellido',
  'apellidos',
  'achternaam',
]);

/**
 * A header as words: no `[bracketed notes]`, camelCase split, accents and punctuation dropped,
 * lower case, `e mail` joined (`Email Address [Required]` → `email address`, `E-mail 1 - Value` →
 * `email 1 value`, `secondEmail` → `second email`).
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\be mail/g, 'email')
    .trim();
}

/** What a column holds, by its header alone. */
export function columnKind(header: string): ColumnKind {
  const text = normalizeHeader(header);
  if (!text) return 'other';
  const words = text.split(' ');
  if (words.some((w) => EMAIL_WORDS.has(w))) {
    if (words.some((w) => EXCLUDED_WORDS.has(w) || (/^\d+$/.test(w) && w !== '1'))) return 'excluded';
    return words.every((w) => EMAIL_WORDS.has(w) || QUALIFIERS.has(w)) ? 'email' : 'other';
  }
  if (LOGIN_HEADERS.has(text)) return 'login';
  if (words.some((w) => ROLE_WORDS.has(w)) && words.every((w) => ROLE_WORDS.has(w) || ROLE_QUALIFIERS.has(w)))
    return 'role';
  if (NAME_HEADERS.has(text)) return 'name';
  if (FIRST_HEADERS.has(text)) return 'first';
  if (LAST_HEADERS.has(text)) return 'last';
  return 'other';
}

/**
 * The columns of a table: the primary email column when exactly one header names it (a login or
 * user principal name column counts when no header says email and it holds addresses), an optional
 * role column, and the name columns. Columns of someone else's or secondary addresses never count.
 */
export function detectColumns(headers: readonly string[], holdsAddresses: (column: number) => boolean) {
  const kinds = headers.map(columnKind);
  const all = (kind: ColumnKind) => kinds.flatMap((k, i) => (k === kind ? [i] : []));
  const first = (kind: ColumnKind) => (kinds.indexOf(kind) >= 0 ? kinds.indexOf(kind) : null);
  const emails = all('email');
  const logins = all('login').filter(holdsAddresses);
  const pick = emails.length > 0 ? emails : logins;
  const detected: DetectedColumns = {
    email: pick.length === 1 ? (pick[0] as number) : null,
    role: first('role'),
    name: first('name'),
    first: first('first'),
    last: first('last'),
    problem: pick.length === 1 ? null : pick.length > 1 ? 'ambiguous' : 'missing',
    candidates:
      pick.length > 1
        ? pick
        : pick.length === 0
          ? headers.flatMap((_, i) => (holdsAddresses(i) ? [i] : []))
          : [],
  };
  return detected;
}

/** Whether a line's cells read as table headers: short labels, none of them an address. */
export function looksLikeHeaderCells(cells: readonly string[]): boolean {
  return cells.every((c) => c.length <= 80 && !c.includes('@')) && cells.some((c) => c.trim() !== '');
}

/** A header cell that names an address column (primary, login or secondary). */
export function namesAddressColumn(header: string): boolean {
  const kind = columnKind(header);
  return kind === 'email' || kind === 'login' || kind === 'excluded';
}
