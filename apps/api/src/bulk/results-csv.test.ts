import type { BulkJobRow } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { bulkJobResultsCsv, csvCell } from './results-csv.ts';

describe('results CSV', () => {
  it('writes a header and one line per row, with its pasted line, with CRLF endings', () => {
    const row = { role: 'org:member', invitation_id: null, code: null, message: null };
    const rows: BulkJobRow[] = [
      { ...row, line: 1, email_address: 'a@x.com', outcome: 'invited', invitation_id: 'orginv_1' },
      {
        ...row,
        line: 2,
        email_address: 'Lovelace',
        outcome: 'skipped',
        code: 'form_param_format_invalid',
        message: 'This address is missing an @.',
      },
      {
        ...row,
        line: null,
        email_address: 'b@x.com',
        outcome: 'skipped',
        code: 'duplicate_record',
        message: 'There is already a pending invitation for b@x.com.',
      },
    ];
    expect(bulkJobResultsCsv({ rows })).toBe(
      'line,email_address,role,outcome,invitation_id,code,message\r\n' +
        '1,a@x.com,org:member,invited,orginv_1,,\r\n' +
        '2,Lovelace,org:member,skipped,,form_param_format_invalid,This address is missing an @.\r\n' +
        ',b@x.com,org:member,skipped,,duplicate_record,There is already a pending invitation for b@x.com.\r\n',
    );
  });

  it('names the invitation each row acted on in a reissue or revoke job', () => {
    const row: BulkJobRow = {
      line: null,
      email_address: 'a@x.com',
      role: 'org:member',
      outcome: 'invited',
      invitation_id: 'orginv_new',
      source_invitation_id: 'orginv_old',
      code: null,
      message: null,
    };
    expect(bulkJobResultsCsv({ kind: 'reissue', rows: [row] })).toBe(
      'email_address,role,outcome,invitation_id,source_invitation_id,code,message\r\n' +
        'a@x.com,org:member,invited,orginv_new,orginv_old,,\r\n',
    );
  });

  it('quotes cells with quotes, commas and line breaks', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it.each(['=HYPERLINK("http://evil")', '+1', '-1+2', '@SUM(A1)', '\tx'])(
    'neutralises a cell that a spreadsheet would run as a formula: %j',
    (value) => {
      const cell = csvCell(value);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('leaves ordinary values and empty cells as they are', () => {
    expect(csvCell('user+tag@example.com')).toBe('user+tag@example.com');
    expect(csvCell(null)).toBe('');
  });
});
