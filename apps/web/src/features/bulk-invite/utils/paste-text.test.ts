import { describe, expect, it } from 'vitest';
import { parseAddresses } from './parse-addresses.ts';
import { appendToPaste } from './paste-text.ts';

describe('appendToPaste', () => {
  it('puts a file into an empty box as lines 1 to n, so they match the file’s rows', () => {
    expect(appendToPaste('', '\uFEFFEmail,Role\r\na@x.example,admin\r\n')).toEqual({
      text: 'Email,Role\r\na@x.example,admin\n',
      from: 1,
      to: 2,
    });
  });

  it('adds a file below the typed text after a blank line, and names the lines the preview shows', () => {
    const added = appendToPaste('typed@x.example\n\n', 'Email\nb@x.example\nc@x.example');
    expect(added).toMatchObject({ from: 3, to: 5 });
    const rows = parseAddresses(added?.text ?? '').rows;
    expect(rows.map((r) => [r.line, r.address])).toEqual([
      [1, 'typed@x.example'],
      [4, 'b@x.example'],
      [5, 'c@x.example'],
    ]);
  });

  it('adds nothing for an empty file', () => {
    expect(appendToPaste('a@x.example', ' \r\n ')).toBeNull();
  });
});
