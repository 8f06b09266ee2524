import { BULK_ROW_OUTCOMES } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { OUTCOME_VALUES, validateBulkJobSearch } from './job-search.ts';

describe('progress page search params', () => {
  it('matches the schema package outcome names', () => {
    expect([...OUTCOME_VALUES]).toEqual([...BULK_ROW_OUTCOMES]);
  });

  it('reads repeated outcomes in canonical order and drops defaults and junk', () => {
    expect(validateBulkJobSearch({})).toEqual({});
    expect(
      validateBulkJobSearch({ outcome: ['failed', 'invited', 'nope'], page: '2', pageSize: '500' }),
    ).toEqual({
      outcome: ['invited', 'failed'],
      page: 2,
      pageSize: 500,
    });
    expect(validateBulkJobSearch({ outcome: 'skipped', page: '1', pageSize: '100' })).toEqual({
      outcome: ['skipped'],
    });
    expect(validateBulkJobSearch({ page: '-1', pageSize: '7' })).toEqual({});
  });
});
