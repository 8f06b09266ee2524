import type { BulkJob, Role } from '@invites/clerk-schema';
import { normalizeEmail } from '@invites/clerk-schema/email-rules';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { AlertCircle, Mail } from '../../../ui/icons.tsx';
import { useCreateBulkJob } from '../api/create-bulk-job.ts';
import { useBulkPreview } from '../hooks/use-bulk-preview.ts';
import { resolveRole, toJobRows } from '../utils/classify-rows.ts';
import { csvRowToLine } from '../utils/csv-line.ts';
import {
  BLANK_BULK_DRAFT,
  type BulkDraft,
  clearBulkDraft,
  loadBulkDraft,
  saveBulkDraft,
} from '../utils/draft.ts';
import type { BuiltBody, OptionErrors } from '../utils/job-body.ts';
import { mapJobError } from '../utils/map-job-error.ts';
import type { CsvRow } from '../utils/parse-csv.ts';
import { AddressInput } from './address-input.tsx';
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
    includePending: draft.includePending,
    includeMembers: draft.includeMembers,
    rowIncludes: draft.rowIncludes,
    rowRoles: draft.rowRoles,
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
  const onCsvRows = (rows: CsvRow[]): string[] => {
    const roleFor: Record<string, string> = {};
    const unknown = new Map<string, number[]>();
    for (const row of rows) {
      if (!row.role) continue;
      const key = resolveRole(row.role, roles);
      if (key) roleFor[normalizeEmail(row.email)] = key;
      else unknown.set(row.role, [...(unknown.get(row.role) ?? []), row.row]);
    }
    const lines = rows.map(csvRowToLine).join('\n');
    setDraft((d) => ({
      ...d,
      text: d.text.trim() ? `${d.text.replace(/\s+$/, '')}\n${lines}\n` : `${lines}\n`,
      rowRoles: { ...d.rowRoles, ...roleFor },
    }));
    return [...unknown].map(
      ([role, at]) =>
        `Unknown role "${role}" (${at.length === 1 ? 'row' : 'rows'} ${at.slice(0, 5).join(', ')}${at.length > 5 ? ', …' : ''}); the default role is used.`,
    );
  };

  const send = preview.counts.send;
  const checking = preview.checkState.status === 'checking' || preview.stale;
  const canSend = send > 0;
  useEffect(() => {
    if (canSend) loadJobBody().catch(() => {}); // a failure shows on "Send"
  }, [canSend]);

  const submit = async () => {
    setFormError(null);
    setFieldErrors({});
    const rows = toJobRows(preview.rows);
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
          onCsvRows={onCsvRows}
          role={draft.role}
          onRoleChange={(role) => update({ role })}
          roles={roles}
          rolesError={rolesError}
          headerLine={preview.headerLine}
        />
      </section>
      <section className="panel bulk-section" aria-labelledby="bulk-preview">
        <h2 id="bulk-preview">Preview</h2>
        <PreviewSummary
          counts={preview.counts}
          checkState={preview.checkState}
          checkError={preview.checkError}
          checkedCount={preview.checkedCount}
          onRetryCheck={preview.retryCheck}
          includePending={draft.includePending}
          includeMembers={draft.includeMembers}
          onIncludePendingChange={(includePending) => update({ includePending })}
          onIncludeMembersChange={(includeMembers) => update({ includeMembers })}
        />
        <Suspense fallback={<p className="muted">Loading the preview…</p>}>
          <PreviewTable
            rows={preview.rows}
            counts={preview.counts}
            roles={roles}
            onRoleChange={onRoleChange}
            onIncludeChange={onIncludeChange}
            stale={preview.stale}
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
          <Button
            type="submit"
            variant="primary"
            disabled={send === 0 || checking}
            loading={create.isPending}
          >
            <Mail size={15} />
            Send {formatCount(send)} {send === 1 ? 'invitation' : 'invitations'}
          </Button>
          <p className="send-hint">
            {checking && preview.counts.total > 0
              ? 'Waiting for the check of existing invitations and members…'
              : 'Sent in batches of 10, paced by Clerk’s rate limits. You can leave the page; the job keeps going.'}
          </p>
        </div>
      </section>
    </form>
  );
}
