import { describe, expect, it } from 'vitest';
import { csvRowCounter } from './count-csv-rows.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('csvRowCounter', () => {
  it('counts records, not line breaks inside quoted cells, across chunk boundaries', () => {
    const count = csvRowCounter();
    const text = 'Email,Note\r\na@x.example,"two\r\nlines"\r\nb@x.example,"say ""hi"""\r\n';
    const cut = text.indexOf('two') + 2; // the chunk ends inside the quoted cell
    expect(count(bytes(text.slice(0, cut))) + count(bytes(text.slice(cut)))).toBe(3);
  });

  it('counts nothing for a record that has not ended yet', () => {
    const count = csvRowCounter();
    expect(count(bytes('Email\r\na@x.example'))).toBe(1);
    expect(count(bytes('\r\n'))).toBe(1);
  });
});
