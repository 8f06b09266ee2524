import {
  ExportInstanceInvitationsQuery,
  ExportOrganizationInvitationsQuery,
  OrganizationInvitationList,
  OrganizationInvitationWithOrgList,
} from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import { exportStream } from '../export/csv-stream.ts';
import { type ExportedInvitation, invitationCsv } from '../export/invitation-csv.ts';
import { type PageReaderOptions, readPages } from '../export/read-pages.ts';
import { parseQuery, toSearchParams } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/** Clerk's largest page. */
const PAGE_SIZE = 500;
/** Rows each page re-reads from the one before, to notice a list that moved (read-pages.ts). */
const OVERLAP = 25;

/**
 * Every invitation matching a list's filters as CSV, streamed while it is read from Clerk page by page
 * (`readPages`: Clerk's rate limits, a list that changes meanwhile). The first page is read before
 * answering, so a bad filter or an unknown organization is an ordinary error answer; `X-Total-Count`
 * then tells the browser how many rows to expect, for its progress bar.
 */
async function exportCsv(
  c: Context<AppEnv>,
  deps: RouteDeps,
  list: 'organization' | 'instance',
  reader: Pick<PageReaderOptions<ExportedInvitation>, 'path' | 'filters' | 'schema'>,
  fileName: string,
): Promise<Response> {
  const principal = c.get('principal');
  const log = c.get('log');
  const abort = new AbortController();
  const pages = readPages<ExportedInvitation>({
    ...reader,
    upstream: deps.upstream,
    pageSize: PAGE_SIZE,
    overlap: OVERLAP,
    intervalMs: deps.config.exportPageIntervalMs,
    maxWaitMs: deps.config.exportMaxWaitMs,
    signal: abort.signal,
  });
  const first = await pages.next();
  if (first.done) throw new Error('the page reader ended before its first page');
  const started = deps.now();
  const body = exportStream({
    first: first.value,
    rest: pages,
    csv: invitationCsv(list, { isStaff: principal.isStaff }),
    abort,
    onEnd: (rows, error) => {
      const fields = { list, rows, total_count: first.value.totalCount, ms: deps.now() - started };
      if (error) log.warn('invitation export cut short', { ...fields, error });
      else log.info('invitation export sent', fields);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-total-count': String(first.value.totalCount),
      'cache-control': 'no-store',
    },
  });
}

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

/**
 * CSV exports of the two invitation lists, with the lists' own filters: an organization's (its
 * admins and staff) and every organization's (staff). Mounted at `/api`.
 */
export function invitationExportRoutes(deps: RouteDeps) {
  const { access } = deps;
  return new Hono<AppEnv>()
    .get('/organizations/:org/invitations/export.csv', access.orgManager, (c) => {
      const org = c.req.param('org');
      const query = parseQuery(c, ExportOrganizationInvitationsQuery);
      return exportCsv(
        c,
        deps,
        'organization',
        {
          path: `/v1/organizations/${org}/invitations`,
          filters: toSearchParams(query),
          schema: OrganizationInvitationList,
        },
        `invitations-${org}-${today(deps.now())}.csv`,
      );
    })
    .get('/organization_invitations/export.csv', access.staff, (c) => {
      const query = parseQuery(c, ExportInstanceInvitationsQuery);
      return exportCsv(
        c,
        deps,
        'instance',
        {
          path: '/v1/organization_invitations',
          filters: toSearchParams(query),
          schema: OrganizationInvitationWithOrgList,
        },
        `invitations-all-${today(deps.now())}.csv`,
      );
    });
}
