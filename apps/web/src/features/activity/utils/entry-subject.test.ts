import { describe, expect, it } from 'vitest';
import { entrySubject } from './entry-subject.ts';

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@x.example`);

describe('entrySubject', () => {
  it("counts every address of a large bulk job, also those the log's entry left out", () => {
    const subject = entrySubject({
      email_addresses: addresses(100),
      detail: { bulk_job_id: 'bulkjob_1', row_count: 154, email_addresses_omitted: 54 },
    });
    expect(subject).toEqual({ invitationId: null, jobId: 'bulkjob_1', addressCount: 154, rowCount: 154 });
  });

  it("names a single invitation's id, and none for an entry about several", () => {
    expect(
      entrySubject({ email_addresses: ['a@x.example'], detail: { invitation_id: 'orginv_1' } }),
    ).toMatchObject({ invitationId: 'orginv_1', jobId: null, addressCount: 1, rowCount: null });
    expect(
      entrySubject({ email_addresses: addresses(2), detail: { invitation_id: 'orginv_1' } }).invitationId,
    ).toBeNull();
  });

  it('ignores detail values of the wrong type', () => {
    expect(
      entrySubject({
        email_addresses: [],
        detail: { invitation_id: 7, bulk_job_id: '', row_count: 'many', email_addresses_omitted: -3 },
      }),
    ).toEqual({ invitationId: null, jobId: null, addressCount: 0, rowCount: null });
  });
});
