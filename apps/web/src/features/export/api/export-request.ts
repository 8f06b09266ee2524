import type { QueryValue } from '../../../lib/api-client.ts';

// What a page needs to offer an export; the download itself (export-invitations.ts) loads on first use.

/** Which list to export, with that list's filters (Clerk's names: `status`, `order_by`, …). */
export interface ExportRequest {
  /** `GET /api/organizations/:org/invitations/export.csv` or `GET /api/organization_invitations/export.csv`. */
  path: string;
  query: Record<string, QueryValue>;
}

export interface ExportProgress {
  /** Rows received so far. */
  rows: number;
  /** Rows the list held when the export began (`X-Total-Count`), when the server said. */
  total: number | null;
}

/** The export's path for an organization's list. */
export const organizationExportPath = (orgId: string) =>
  `/api/organizations/${encodeURIComponent(orgId)}/invitations/export.csv`;

/** The export's path for every organization's list (staff). */
export const instanceExportPath = '/api/organization_invitations/export.csv';
