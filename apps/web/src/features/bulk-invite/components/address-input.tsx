import type { Role } from '@invites/clerk-schema';
import { type ChangeEvent, useId, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { FormField } from '../../../ui/form-field.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import { decodeFile } from '../utils/decode-file.ts';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface AddressInputProps {
  text: string;
  onTextChange: (text: string) => void;
  /** Adds an uploaded file's text to the box; answers the lines it now holds, or null when it is empty. */
  onFileText: (text: string) => { from: number; to: number } | null;
  role: string;
  onRoleChange: (role: string) => void;
  roles: Role[] | undefined;
  rolesError: string | null;
  /** The paste's header rows (never read as addresses). */
  headerLines: readonly number[];
}

function headerNote(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return ` Line ${lines[0]} is read as a header row.`;
  const shown = lines.slice(0, 4).map(formatCount);
  const list = `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}${lines.length > 4 ? ', …' : ''}`;
  return ` Lines ${list} are read as header rows.`;
}

/** The paste box, "Upload CSV" (the file goes into the box, where its lines are numbered) and the default role. */
export function AddressInput(props: AddressInputProps) {
  const { roles } = props;
  const hintId = useId();
  const [upload, setUpload] = useState<{ tone: 'ok' | 'error'; message: string } | null>(null);
  const [reading, setReading] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setUpload({ tone: 'error', message: `${file.name} is larger than 5 MB.` });
      return;
    }
    setReading(true);
    try {
      const lines = props.onFileText(decodeFile(new Uint8Array(await file.arrayBuffer())));
      setUpload(
        lines
          ? {
              tone: 'ok',
              message: `Added ${file.name} as lines ${formatCount(lines.from)}–${formatCount(lines.to)}.`,
            }
          : { tone: 'error', message: `${file.name} is empty.` },
      );
    } catch {
      setUpload({ tone: 'error', message: `${file.name} couldn't be read.` });
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="address-input">
      <FormField
        label="Email addresses"
        hint={
          <span id={hintId}>
            One per line, or separated by commas, semicolons or spaces. <code>Name &lt;email&gt;</code>,
            Outlook’s To: line, spreadsheet columns and CSV exports work too.
            {headerNote(props.headerLines)}
          </span>
        }
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            className="textarea address-textarea"
            spellCheck={false}
            autoComplete="off"
            placeholder={
              'ada@example.com\nGrace Hopper <grace@example.com>\nLovelace, Ada <ada@example.org>; Hopper, Grace <grace@example.org>'
            }
            aria-describedby={describedBy}
            value={props.text}
            onChange={(event) => props.onTextChange(event.target.value)}
          />
        )}
      </FormField>
      <div className="address-side">
        <div className="field">
          <span className="field-label" aria-hidden="true">
            CSV file
          </span>
          <label className={`btn file-button${reading ? ' is-busy' : ''}`}>
            <input
              type="file"
              className="visually-hidden"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
              onChange={(event) => void onFile(event)}
              aria-describedby={`${hintId}-csv`}
            />
            {reading ? <span className="spinner" aria-hidden="true" /> : null}
            Upload CSV
          </label>
          <p id={`${hintId}-csv`} className="field-hint">
            An export from Google Workspace, Microsoft 365, Okta, Slack, Outlook, HubSpot or a spreadsheet:
            its email column is found by its header, and an optional role column.
          </p>
          {upload ? (
            <p
              className={upload.tone === 'error' ? 'field-error csv-note' : 'field-hint csv-note'}
              role="status"
            >
              {upload.tone === 'error' ? <AlertCircle size={14} /> : null}
              <span>{upload.message}</span>
            </p>
          ) : null}
        </div>
        <FormField
          label="Role"
          error={props.rolesError ?? undefined}
          hint="For every row without a role of its own; change it per row below."
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="select"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-busy={roles === undefined && !props.rolesError}
              value={props.role}
              onChange={(event) => props.onRoleChange(event.target.value)}
            >
              {roles === undefined ? <option value="">Loading roles…</option> : null}
              {roles?.map((role) => (
                <option key={role.key} value={role.key}>
                  {role.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </div>
  );
}
