import type { BulkJob, Role } from '@invites/clerk-schema';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import { Mail } from '../../../ui/page-icons.tsx';
import { useCreateBulkJob } from '../api/create-bulk-job.ts';
import { useBulkPreview } from '../hooks/use-bulk-preview.ts';
import { toJobRows } from '../utils/classify-rows.ts';
import {
  BLANK_BULK_DRAFT,
  type BulkDraft,
  clearBulkDraft,
  loadBulkDraft,
  saveBulkDraft,
} from '../utils/draft.ts';
import type { BuiltBody, OptionErrors } from '../utils/job-body.ts';
import { mapJobError } from '../utils/map-job-error.ts';
import { appendToPaste } from '../utils/paste-text.ts';
import type { ColumnChoice } from '../utils/table-columns.ts';
import { AddressInput } from './address-input.tsx';
import { ColumnPicker } from './column-picker.tsx';
import { PreviewSummary } from './preview-summary.tsx';
import { SendOptions } from './send-options.tsx';
import './bulk-invite.css';

// The body is checked with the shared schema, and so with zod (~28 KB gzip): loaded once there is
// something to send, not with the page.
const loadJobBody = () => import('../utils/job-body.ts');
// The preview table (and the table library under it) is not in the page's first load: it is fetched
// as the form first renders, while the person reaches for the paste.
const PreviewTable = lazy(() => import('./preview-table.tsx').then((m) => ({ default: m.PreviewTable })));

interface BulkInviteFormProps {
  orgId: string;
  roles: Role[] | undefined;
  rolesError: string | null;
  /** The job started: show its progress. */
  onStarted: (job: BulkJob) => void;
}

/** Paste or upload addresses, see every row classified as you type, and start a bulk invite job. */
export function BulkInviteForm({ orgId, roles, rolesError, onStarted }: BulkInviteFormProps) {
  const [restored] = useState(() => loadBulkDraft(orgId));
  const [draft, setDraft] = useState<BulkDraft>(() => restored ?? BLANK_BULK_DRAFT);
  const [fieldErrors, setFieldErrors] = useState<OptionErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateBulkJob();
  const update = useCallback((patch: Partial<BulkDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  // Every change is kept for this tab: a failed send, a reload or a detour loses nothing.
  useEffect(() => saveBulkDraft(orgId, draft), [orgId, draft]);

  // Members by default, like the single invite form, once the roles arrive.
  useEffect(() => {
    if (!roles || (draft.role && roles.some((r) => r.key === draft.role))) return;
    const fallback = roles.find((r) => r.key === 'org:member') ?? roles[0];
    if (fallback) update({ role: fallback.key });
  }, [roles, draft.role, update]);

  const preview = useBulkPreview(orgId, draft.text, {
    defaultRole: draft.role,
    roles,
    includeMembers: draft.includeMembers,
    includePending: draft.includePending,
    rowIncludes: draft.rowIncludes,
    rowRoles: draft.rowRoles,
    columns: draft.columns,
  });

  const onRoleChange = useCallback(
    (email: string, role: string) => setDraft((d) => ({ ...d, rowRoles: { ...d.rowRoles, [email]: role } })),
    [],
  );
  const onIncludeChange = useCallback(
    (email: string, include: boolean) =>
      setDraft((d) => ({ ...d, rowIncludes: { ...d.rowIncludes, [email]: include } })),
    [],
  );
  const onColumnChoice = useCallback((key: string, choice: ColumnChoice | null) => {
    setDraft((d) => {
      const { [key]: _, ...rest } = d.columns;
      return { ...d, columns: choice ? { ...rest, [key]: choice } : rest };
    });
  }, []);
  // The file goes into the box below what is there, so every note and the preview number its lines alike.
  const onFileText = (content: string) => {
    const added = appendToPaste(draft.text, content);
    if (added) update({ text: added.text });
    return added;
  };

  const send = preview.counts.send;
  const checking = preview.checkState.status === 'checking' || preview.stale;
  const unread = preview.tables.find((t) => t.email === null);
  const canSend = send > 0 && !unread && roles !== undefined;
  useEffect(() => {
    if (canSend) loadJobBody().catch(() => {}); // a failure shows on "Send"
  }, [canSend]);

  const submit = async () => {
    setFormError(null);
    setFieldErrors({});
    const rows = toJobRows(preview.rows, draft.role);
    let built: BuiltBody;
    try {
      built = (await loadJobBody()).buildJobBody(orgId, rows, draft);
    } catch {
      setFormError('Something unexpected went wrong. Your list is kept; try again.');
      return;
    }
    if (!built.ok) {
      setFieldErrors(built.fields);
      setFormError(built.form);
      return;
    }
    try {
      const job = await create.mutateAsync(built.body);
      clearBulkDraft(orgId);
      onStarted(job);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError('Something unexpected went wrong. Your list is kept; try again.');
        return;
      }
      const mapped = mapJobError(error);
      setFieldErrors(mapped.fields);
      setFormError(mapped.form ?? (Object.keys(mapped.fields).length ? null : error.longMessage));
    }
  };

  return (
    <form
      className="bulk-form"
      noValidate
      aria-label="Bulk invite"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {restored ? <p className="bulk-note">Restored the list you were working on.</p> : null}
      <section className="panel bulk-section" aria-labelledby="bulk-addresses">
        <h2 id="bulk-addresses">Addresses</h2>
        <AddressInput
          text={draft.text}
          onTextChange={(text) => update({ text })}
          onFileText={onFileText}
          role={draft.role}
          onRoleChange={(role) => update({ role })}
          roles={roles}
          rolesError={rolesError}
          headerLines={preview.headerLines}
        />
        <ColumnPicker tables={preview.tables} onChoose={onColumnChoice} />
      </section>
      <section className="panel bulk-section" aria-labelledby="bulk-preview">
        <h2 id="bulk-preview">Preview</h2>
        <PreviewSummary
          counts={preview.counts}
          checkState={preview.checkState}
          checkError={preview.checkError}
          checkedCount={preview.checkedCount}
          onRetryCheck={preview.retryCheck}
          includeMembers={draft.includeMembers}
          onIncludeMembersChange={(includeMembers) => update({ includeMembers })}
          includePending={draft.includePending}
          onIncludePendingChange={(includePending) => update({ includePending })}
        />
        <Suspense fallback={<p className="muted">Loading the preview…</p>}>
          <PreviewTable
            rows={preview.rows}
            counts={preview.counts}
            roles={roles}
            onRoleChange={onRoleChange}
            onIncludeChange={onIncludeChange}
            stale={preview.stale}
            waitingLine={unread?.headerLine}
          />
        </Suspense>
      </section>
      <section className="panel bulk-section" aria-labelledby="bulk-options">
        <h2 id="bulk-options">Options</h2>
        <SendOptions
          expiresInDays={draft.expiresInDays}
          redirectUrl={draft.redirectUrl}
          notify={draft.notify}
          errors={fieldErrors}
          onChange={update}
        />
        {formError ? (
          <p className="form-error" role="alert">
            <AlertCircle size={16} />
            <span>{formError}</span>
          </p>
        ) : null}
        <div className="send-bar">
          <Button type="submit" variant="primary" disabled={!canSend || checking} loading={create.isPending}>
            <Mail size={15} />
            Send {formatCount(send)} {send === 1 ? 'invitation' : 'invitations'}
          </Button>
          <p className="send-hint">
            {unread
              ? `Choose the email column of the table on line ${unread.headerLine} first.`
              : checking && preview.counts.total > 0
                ? 'Waiting for the check of existing invitations and members…'
                : 'Sent in batches of 10, paced by Clerk’s rate limits. Every pasted row is in the results, sent or not. You can leave the page; the job keeps going.'}
          </p>
        </div>
      </section>
    </form>
  );
}
