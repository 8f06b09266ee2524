import type { Role } from '@invites/clerk-schema';
import { type ChangeEvent, useId, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { FormField } from '../../../ui/form-field.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import type { CsvRow } from '../utils/parse-csv.ts';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface AddressInputProps {
  text: string;
  onTextChange: (text: string) => void;
  /** Rows read from an uploaded CSV, to add to the paste. */
  onCsvRows: (rows: CsvRow[]) => string[];
  role: string;
  onRoleChange: (role: string) => void;
  roles: Role[] | undefined;
  rolesError: string | null;
  /** The paste's header row (skipped), if any. */
  headerLine: number | null;
}

/** The paste box, "Upload CSV" and the default role. */
export function AddressInput(props: AddressInputProps) {
  const { roles } = props;
  const hintId = useId();
  const [csv, setCsv] = useState<{ tone: 'ok' | 'error'; messages: string[] } | null>(null);
  const [reading, setReading] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setCsv({ tone: 'error', messages: [`${file.name} is larger than 5 MB.`] });
      return;
    }
    setReading(true);
    try {
      // papaparse loads with the first upload, not with the page.
      const [{ parseCsv }, text] = await Promise.all([import('../utils/parse-csv.ts'), file.text()]);
      const result = parseCsv(text);
      if (!result.ok) {
        setCsv({ tone: 'error', messages: [`${file.name}: ${result.error}`] });
        return;
      }
      const roleWarnings = props.onCsvRows(result.rows);
      const count = `${formatCount(result.rows.length)} ${result.rows.length === 1 ? 'row' : 'rows'}`;
      setCsv({
        tone: 'ok',
        messages: [`Added ${count} from ${file.name}.`, ...result.warnings, ...roleWarnings],
      });
    } catch {
      setCsv({ tone: 'error', messages: [`${file.name} couldn't be read.`] });
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
            One per line, or separated by commas, semicolons or spaces. <code>Name &lt;email&gt;</code> and
            spreadsheet columns work too.
            {props.headerLine ? ` Line ${props.headerLine} is read as a header row.` : ''}
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
              'ada@example.com\nGrace Hopper <grace@example.com>\n"Lovelace, Ada" <ada@example.org>'
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
              accept=".csv,text/csv,text/plain"
              onChange={(event) => void onFile(event)}
              aria-describedby={`${hintId}-csv`}
            />
            {reading ? <span className="spinner" aria-hidden="true" /> : null}
            Upload CSV
          </label>
          <p id={`${hintId}-csv`} className="field-hint">
            With an <code>email</code> column and an optional <code>role</code> column.
          </p>
          {csv ? (
            <div
              className={csv.tone === 'error' ? 'field-error csv-note' : 'field-hint csv-note'}
              role="status"
            >
              {csv.tone === 'error' ? <AlertCircle size={14} /> : null}
              <span>
                {csv.messages.map((m) => (
                  <span key={m} className="csv-line">
                    {m}
                  </span>
                ))}
              </span>
            </div>
          ) : null}
        </div>
        <FormField
          label="Role"
          error={props.rolesError ?? undefined}
          hint="For every row; change it per row below."
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
