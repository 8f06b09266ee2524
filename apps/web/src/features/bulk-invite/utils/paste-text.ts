// The paste box's text as lines: the same line breaks the parser splits on, so notes about an added
// file name the lines the preview shows.
const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029\f\v]/;

/** The text split into lines as the preview numbers them. */
export function pasteLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/**
 * The box with `content` (an uploaded file) added below what it holds, after a blank line so a table
 * starts on its own; with the lines the content now occupies. Null when the content is empty.
 */
export function appendToPaste(
  current: string,
  content: string,
): { text: string; from: number; to: number } | null {
  const body = content.replace(/^\uFEFF/, '').replace(/\s+$/, '');
  if (body.trim() === '') return null;
  const before = current.replace(/\s+$/, '');
  const prefix = before === '' ? '' : `${before}\n\n`;
  const from = before === '' ? 1 : pasteLines(before).length + 2;
  return { text: `${prefix}${body}\n`, from, to: from + pasteLines(body).length - 1 };
}
