/**
 * Counts the CSV records that end in `chunk` (CRLF or LF outside quotes), carrying the quote state
 * from one chunk to the next: a quoted cell may hold a line break, and a chunk may end inside one.
 */
export function csvRowCounter() {
  let quoted = false;
  return (chunk: Uint8Array): number => {
    let rows = 0;
    for (const byte of chunk) {
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) rows++;
    }
    return rows;
  };
}
