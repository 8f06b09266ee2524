import { describe, expect, it } from 'vitest';
import { endsInsideQuotes, headerDelimiter, readRecord, splitRecord } from './table-records.ts';

const texts = (line: string, delimiter: string) => splitRecord(line, delimiter).map((c) => c.text);

describe('splitRecord', () => {
  it('reads quoted cells with delimiters and doubled quotes, and empty cells', () => {
    expect(texts('"Lovelace, Ada",ada@x.example,,"say ""hi"""', ',')).toEqual([
      'Lovelace, Ada',
      'ada@x.example',
      '',
      'say "hi"',
    ]);
    expect(texts('a;b;', ';')).toEqual(['a', 'b', '']);
    expect(texts('Ada\tada@x.example', '\t')).toEqual(['Ada', 'ada@x.example']);
  });

  it('treats a quote inside a cell as a plain character, as RFC 4180 does', () => {
    expect(texts('Kim "KJ" Lee,kj@x.example', ',')).toEqual(['Kim "KJ" Lee', 'kj@x.example']);
  });

  it('gives each cell’s start in the record', () => {
    expect(splitRecord('ab,"c,d",e', ',').map((c) => c.start)).toEqual([0, 3, 9]);
  });
});

describe('headerDelimiter', () => {
  it('is a tab for a spreadsheet copy, else the more frequent of comma and semicolon', () => {
    expect(headerDelimiter('Name\tEmail')).toBe('\t');
    expect(headerDelimiter('Vorname;Nachname;E-Mail-Adresse')).toBe(';');
    expect(headerDelimiter('"Last, First",Email')).toBe(',');
    expect(headerDelimiter('Name;"Last, First";Email')).toBe(';');
    expect(headerDelimiter('Email')).toBeNull();
  });
});

describe('readRecord', () => {
  it('joins the lines of a quoted cell with line breaks', () => {
    const lines = ['Ada,"first line', 'second line",a@x.example', 'next,row'];
    expect(endsInsideQuotes(lines[0] as string, ',')).toBe(true);
    const record = readRecord(lines, 0, ',');
    expect(record.last).toBe(1);
    expect(record.cells.map((c) => c.text)).toEqual(['Ada', 'first line\nsecond line', 'a@x.example']);
  });

  it('keeps a quote that never closes to its own line', () => {
    const record = readRecord(['Ada,"never closed,a@x.example', 'b,c'], 0, ',');
    expect(record.last).toBe(0);
    expect(record.cells.map((c) => c.text)).toEqual(['Ada', 'never closed,a@x.example']);
  });
});
