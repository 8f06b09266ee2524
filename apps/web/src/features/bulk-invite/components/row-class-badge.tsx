import type { RowClass } from '../utils/classify-rows.ts';
import '../../../ui/badge.css';

const LABELS: Record<RowClass, string> = {
  ready: 'Ready',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  pending: 'Pending invitation',
  member: 'Member',
};
// The invitation status colours, reused: green, red, grey, amber, neutral.
const TONES: Record<RowClass, string> = {
  ready: 'accepted',
  invalid: 'revoked',
  duplicate: 'expired',
  pending: 'pending',
  member: 'neutral',
};

/** A preview class in words: "Ready", "Pending invitation". */
export function rowClassLabel(status: RowClass): string {
  return LABELS[status];
}

/** A preview row's class as colour and text; "Checking…" while the live check runs. */
export function RowClassBadge({ status, checking = false }: { status: RowClass; checking?: boolean }) {
  if (checking) {
    return (
      <span className="badge badge-neutral">
        <span className="spinner badge-spinner" aria-hidden="true" />
        Checking…
      </span>
    );
  }
  return (
    <span className={`badge badge-${TONES[status]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
