import type { Found } from './paste-entries.ts';

/** One address found in a paste. */
export interface ParsedAddress {
  /** Position in the paste, from 0. */
  index: number;
  /** Line of the paste, from 1: the numbering the preview, the job's results and every note use. */
  line: number;
  /** Column where the entry starts in its line, from 1 (after invisible characters are removed). */
  column: number;
  /** The entry as written, e.g. `"Lovelace, Ada" <ada@acme.example>`. */
  text: string;
  /** The extracted address, trimmed; not validated and not lower-cased. */
  address: string;
  /** The display name, when the entry had one. */
  name: string | null;
  /** The role cell of a pasted table, as written. */
  role: string | null;
  /** Why the entry holds no address to invite, as a sentence (an empty email cell), else null. */
  problem: string | null;
}

/** Adds a row for an address found on `line`. */
export type AddRow = (found: Found, line: number, role: string | null, problem?: string | null) => void;

export const NO_ADDRESS = 'This row has no email address.';
export const GUEST_ACCOUNT = 'This is a Microsoft 365 guest’s account name, not their own address.';
