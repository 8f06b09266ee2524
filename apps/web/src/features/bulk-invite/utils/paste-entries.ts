// The lexical half of reading a paste: one line cleaned, split into cells or entries, and each
// entry into its addresses with their display names. parse-addresses.ts puts lines and tables together.

// Zero-width characters, the BOM and soft hyphens come along with text copied from web pages.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// No-break and other Unicode spaces count as plain spaces.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const SEPARATORS = new Set([',', ';', '\uFF0C', '\uFF1B', '\u3001']);
const WHITESPACE = /\s/;
// A word that can be part of a display name: letters, apostrophes, hyphens, an initial's dot.
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'\u2019-]*\.?$/u;
// Around a bare address: quotes and brackets before it; quotes, brackets and a sentence's punctuation after.
const LEADING = /^['"\u2018\u201C([{<]+/;
const TRAILING = /['"\u2019\u201D)\]}>.,;:!?\u2026]+$/;
// Ideographic and full-width full stops, as IDNA reads them in a domain.
const WIDE_DOT = /[\u3002\uFF0E\uFF61]/g;
// Curly double quotes as Outlook and Word write them around a display name.
const CURLY_QUOTE = /[\u201C\u201D\u201E\u201F\u2033\u301D\u301E]/g;

/** Plain spaces for odd ones, nothing for invisible ones, full-width @ and dots as @ and dots. */
export function cleanLine(line: string): string {
  return line.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replaceAll('\uFF20', '@').replace(WIDE_DOT, '.');
}

/** Straight double quotes for curly ones, one for one (positions stay), for display names in free text. */
export function straightQuotes(line: string): string {
  return line.replace(CURLY_QUOTE, '"');
}

export interface Span {
  text: string;
  start: number;
}

/** Splits on `delimiter` outside double quotes and angle brackets. */
export function splitCells(line: string, delimiter: string): Span[] {
  const cells: Span[] = [];
  let start = 0;
  let quoted = false;
  let angled = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '"' && !angled) quoted = !quoted;
    else if (ch === '\\' && quoted) i += 1;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && angled) angled = false;
    else if (ch === delimiter && !quoted && !angled) {
      cells.push({ text: line.slice(start, i), start });
      start = i + 1;
    }
  }
  cells.push({ text: line.slice(start), start });
  return cells;
}

type Entry = Span & { comma: boolean };

/** Splits a line into entries: at commas and semicolons, and after each `<address>`. */
export function splitEntries(line: string, offset: number): Span[] {
  const entries: Entry[] = [];
  let start = 0;
  let quoted = false;
  let angled = false;
  const push = (end: number, comma = false) => {
    const raw = line.slice(start, end);
    const trimmed = raw.trim();
    // Punctuation alone (the full stop after `<address>.`) is no entry.
    if (/[\p{L}\p{N}@]/u.test(trimmed))
      entries.push({ text: trimmed, start: offset + start + raw.indexOf(trimmed), comma });
  };
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (ch === '"' && !angled) quoted = !quoted;
    else if (ch === '\\' && quoted) i += 1;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && angled) {
      angled = false;
      push(i + 1);
      start = i + 1;
    } else if (SEPARATORS.has(ch) && !quoted && !angled) {
      push(i, ch === ',' || ch === '\uFF0C');
      start = i + 1;
    }
  }
  push(line.length);
  return joinOutlookNames(entries, line, offset);
}

// Outlook writes `Lovelace, Ada <ada@…>; Hopper, Grace <grace@…>` without quotes: a surname (not
// lower-case, no address) before a comma, then given names and an <address>, are one entry.
const SURNAME = /^[\p{L}\p{M}][\p{L}\p{M}'\u2019.-]*(?: [\p{L}\p{M}][\p{L}\p{M}'\u2019.-]*){0,2}$/u;
const GIVEN_THEN_ADDRESS = /^[\p{L}\p{M}][\p{L}\p{M}'\u2019. -]*<[^>]*@/u;

function joinOutlookNames(entries: Entry[], line: string, offset: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] as Entry;
    const next = entries[i + 1];
    if (
      next &&
      entry.comma &&
      SURNAME.test(entry.text) &&
      !/^\p{Ll}/u.test(entry.text) &&
      GIVEN_THEN_ADDRESS.test(next.text)
    ) {
      const end = next.start - offset + next.text.length;
      out.push({ text: line.slice(entry.start - offset, end), start: entry.start });
      i += 1;
    } else {
      out.push({ text: entry.text, start: entry.start });
    }
  }
  return out;
}

type Token = { kind: 'word' | 'quoted' | 'angle'; value: string; start: number; end: number };

/** Words, "quoted strings" and <angle> parts of one entry. */
function tokenize(entry: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < entry.length) {
    const ch = entry[i] as string;
    if (WHITESPACE.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < entry.length && entry[j] !== '"') {
        if (entry[j] === '\\' && j + 1 < entry.length) j += 1;
        value += entry[j];
        j += 1;
      }
      tokens.push({ kind: 'quoted', value: value.trim(), start: i, end: Math.min(j + 1, entry.length) });
      i = j + 1;
    } else if (ch === '<') {
      const close = entry.indexOf('>', i + 1);
      const end = close < 0 ? entry.length : close + 1;
      tokens.push({
        kind: 'angle',
        value: entry.slice(i + 1, close < 0 ? end : close).trim(),
        start: i,
        end,
      });
      i = end;
    } else {
      let j = i;
      while (j < entry.length && !WHITESPACE.test(entry[j] as string) && entry[j] !== '<' && entry[j] !== '"')
        j += 1;
      tokens.push({ kind: 'word', value: entry.slice(i, j), start: i, end: j });
      i = j;
    }
  }
  return tokens;
}

/**
 * A word as an address: without `mailto:` and its `?subject=…` query, enclosing quotes or brackets,
 * and a sentence's trailing full stop, comma, semicolon or closing bracket; in Unicode's composed form.
 */
export function bareAddress(word: string): string {
  let address = word.replace(LEADING, '');
  const mailto = /^mailto:/i.test(address);
  if (mailto) address = address.slice(7);
  // A mailto link's query starts at its first `?`; elsewhere a `?` after the @ (a domain holds none).
  const at = address.indexOf('@');
  const query = mailto ? address.indexOf('?') : at >= 0 ? address.indexOf('?', at) : -1;
  if (query >= 0) address = address.slice(0, query);
  if (mailto && address.includes('%')) {
    try {
      address = decodeURIComponent(address);
    } catch {
      // Not percent-encoded after all: keep it as written.
    }
  }
  return address.replace(TRAILING, '').replace(LEADING, '').normalize('NFC');
}

const isNameToken = (t: Token) => t.kind === 'quoted' || (t.kind === 'word' && NAME_WORD.test(t.value));

export interface Found {
  text: string;
  start: number;
  address: string;
  name: string | null;
}

/**
 * The addresses of one entry. Words before an address become its display name when they look like
 * one (`Ada Lovelace ada@acme.example`); any other word without an @ is an entry of its own.
 */
export function entryAddresses(entry: Span): Found[] {
  const found: Found[] = [];
  const tokens = tokenize(entry.text);
  let pending: Token[] = [];
  const flush = (upTo: number) => {
    for (const t of pending.slice(0, upTo))
      found.push({
        text: entry.text.slice(t.start, t.end),
        start: entry.start + t.start,
        address: t.kind === 'quoted' ? t.value : bareAddress(t.value),
        name: null,
      });
  };
  for (const token of tokens) {
    const isAddress = token.kind === 'angle' || (token.kind === 'word' && token.value.includes('@'));
    if (!isAddress) {
      pending.push(token);
      continue;
    }
    // Before <address> everything is the display name (as in RFC 5322); before a bare address only
    // the words that look like a name are.
    let nameFrom = token.kind === 'angle' ? 0 : pending.length;
    while (nameFrom > 0 && isNameToken(pending[nameFrom - 1] as Token)) nameFrom -= 1;
    flush(nameFrom);
    const nameTokens = pending.slice(nameFrom);
    const first = nameTokens[0] ?? token;
    const name = nameTokens
      .map((t) => t.value)
      .join(' ')
      .trim();
    found.push({
      text: entry.text.slice(first.start, token.end),
      start: entry.start + first.start,
      address: bareAddress(token.value),
      name: name || null,
    });
    pending = [];
  }
  flush(pending.length);
  return found;
}
