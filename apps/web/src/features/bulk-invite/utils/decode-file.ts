/**
 * The text of an uploaded file, as spreadsheet programs write it: UTF-16 with a byte order mark
 * (Excel's "Unicode Text"), UTF-8 with or without one ("CSV UTF-8"), else Windows-1252 (Excel's
 * legacy "CSV" on Western Windows, where UTF-8 decoding fails). The byte order mark is dropped.
 */
export function decodeFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
