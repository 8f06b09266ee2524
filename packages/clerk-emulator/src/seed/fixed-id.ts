import { type IdPrefix, isClerkId } from '@invites/clerk-schema';

/** A readable, stable Clerk-format ID: `<prefix>_2<label>` padded with zeros to 27 characters. */
export function fixedId(prefix: IdPrefix, label: string): string {
  const id = `${prefix}_${`2${label}`.padEnd(27, '0')}`;
  if (!isClerkId(prefix, id)) throw new Error(`fixedId: ${id} is not a valid ${prefix} ID`);
  return id;
}
